// Entry of the CLAIR add-in's functions bundle (namespace CLAIR).
import { registerFunctions } from './excel';

registerFunctions('CLAIR');
