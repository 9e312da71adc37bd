/** Bad input, bad flags, a missing folder: printed as its message alone, exit 1 (or `exitCode`). */
export class UserError extends Error {
  readonly exitCode: number;
  constructor(message: string, options?: { exitCode?: number; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "UserError";
    this.exitCode = options?.exitCode ?? 1;
  }
}

/** A wrong command line: exit 2. */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message, { exitCode: 2 });
    this.name = "UsageError";
  }
}
