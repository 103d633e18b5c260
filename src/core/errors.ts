/**
 * The error hierarchy every surface maps in exactly one place: the CLI to an exit code,
 * the server to an HTTP status. `message` is for the user (what, where, how to fix);
 * `cause` keeps the underlying error for `--debug` and the server log.
 */
export const ERROR_CODES = {
  /** The input itself is unusable (empty, binary, too large, wrong schema). Exit 2, HTTP 400/413/415. */
  BAD_INPUT: { exit: 2, status: 400 },
  TOO_LARGE: { exit: 2, status: 413 },
  UNSUPPORTED_ENCODING: { exit: 2, status: 415 },
  /** A request body of a type the route does not take (text/plain, a form…). HTTP 415. */
  UNSUPPORTED_MEDIA_TYPE: { exit: 2, status: 415 },
  /** Wrong command-line usage or request shape. Exit 1, HTTP 400. */
  USAGE: { exit: 1, status: 400 },
  NOT_FOUND: { exit: 2, status: 404 },
  CONFLICT: { exit: 1, status: 409 },
  UNAUTHORIZED: { exit: 1, status: 401 },
  FORBIDDEN: { exit: 1, status: 403 },
  RATE_LIMITED: { exit: 1, status: 429 },
  /** The local database is held by another derisk process (or a stale lock). Exit 3, HTTP 503. */
  IN_USE: { exit: 3, status: 503 },
  /** A file or database could not be read or written. */
  IO: { exit: 2, status: 500 },
  INTERNAL: { exit: 70, status: 500 },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * How to go on after an error, said the way each surface does it: a terminal user types a
 * command, a page user clicks somewhere. Each is the end of the message, punctuation included.
 */
export interface ErrorHint {
  cli: string;
  web: string;
}

export type Surface = keyof ErrorHint;

export class DeriskError extends Error {
  readonly code: ErrorCode;
  /** What went wrong, without a hint. */
  readonly what: string;
  readonly hint: ErrorHint | undefined;

  /**
   * `message` is what the CLI prints: `what` followed by the CLI hint (every surface that has no
   * hint of its own reads it). A surface asks for its own with `messageFor`.
   * @example throw new DeriskError("BAD_INPUT", "prep.md is empty: nothing to import. Add some text and retry.");
   * @example throw new DeriskError("NOT_FOUND", "No document 3f2a in your bank", { hint: { cli: ": list them with derisk list.", web: ": the Library lists your documents." } });
   */
  constructor(code: ErrorCode, what: string, options?: { cause?: unknown; hint?: ErrorHint }) {
    super(
      `${what}${options?.hint?.cli ?? ""}`,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = "DeriskError";
    this.code = code;
    this.what = what;
    this.hint = options?.hint;
  }

  /**
   * The message as `surface` shows it: with its own hint when there is one.
   * @example error.messageFor("web") // "No document 3f2a in your bank: the Library lists your documents."
   */
  messageFor(surface: Surface): string {
    return this.hint === undefined ? this.message : `${this.what}${this.hint[surface]}`;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export const isDeriskError = (value: unknown): value is DeriskError => value instanceof DeriskError;
