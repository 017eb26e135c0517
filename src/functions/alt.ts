// Entry of the ALT add-in's functions bundle (namespace ALT).
import { registerFunctions } from './excel';

registerFunctions('ALT');
