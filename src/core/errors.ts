// One error type for every rule: what went wrong, in English and Japanese, and which argument.

export type RuleErrorCode = '#VALUE!' | '#N/A';

/** Why an input was refused, for callers that act on it (the validator) without reading words. */
export type RuleErrorReason = 'invalid' | 'missing' | 'not-found';

export class RuleError extends Error {
  constructor(
    readonly code: RuleErrorCode,
    /** The argument or field at fault, as the user named it. */
    readonly arg: string,
    message: string,
    readonly messageJa: string,
    readonly reason: RuleErrorReason = code === '#N/A' ? 'not-found' : 'invalid',
  ) {
    super(message);
    this.name = 'RuleError';
  }

  /** Bad input: Excel's #VALUE! with a message. */
  static value(arg: string, message: string, messageJa: string): RuleError {
    return new RuleError('#VALUE!', arg, message, messageJa);
  }

  /** A needed input that was not given (e.g. a cohort date): #VALUE! naming it. */
  static missing(arg: string, message: string, messageJa: string): RuleError {
    return new RuleError('#VALUE!', arg, message, messageJa, 'missing');
  }

  /** A lookup that finds nothing: Excel's #N/A with a message. */
  static notFound(arg: string, message: string, messageJa: string): RuleError {
    return new RuleError('#N/A', arg, message, messageJa);
  }

  localized(lang: 'en' | 'ja'): string {
    return lang === 'ja' ? this.messageJa : this.message;
  }
}

export function isRuleError(e: unknown): e is RuleError {
  return e instanceof RuleError;
}
