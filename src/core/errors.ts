// One error type for every rule: what went wrong, in English and Japanese, and which argument.

export type RuleErrorCode = '#VALUE!' | '#N/A';

export class RuleError extends Error {
  constructor(
    readonly code: RuleErrorCode,
    /** The argument or field at fault, as the user named it. */
    readonly arg: string,
    message: string,
    readonly messageJa: string,
  ) {
    super(message);
    this.name = 'RuleError';
  }

  /** Bad input: Excel's #VALUE! with a message. */
  static value(arg: string, message: string, messageJa: string): RuleError {
    return new RuleError('#VALUE!', arg, message, messageJa);
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
