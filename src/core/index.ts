// The rules core: pure functions over day numbers and whole yen. No Office, DOM or Node I/O.

export * from './errors';
export * from './trace';
export * from './days';
export * from './read';
export * from './excelTime';
export * from './leaveText';
export * from './calendar';
export * from './countries';
export * from './text';
export * from './money';
export * from './rulesets';
export * from './rules/pay';
export * from './rules/deductions';
export * from './rules/workingTime';
export * from './rules/annualLeave';
export * from './rules/sickLeave';
export * from './rules/specialLeave';
export * from './rules/term';
export * from './rules/travel';
export * from './rules/suspension';
export * from './rules/clair';
export * from './rules/partialLeave';
export * from './rules/childcareLeave';
export * from './rules/monthPay';
export * from './rules/leaveKinds';
export * from './rules/ledger';
