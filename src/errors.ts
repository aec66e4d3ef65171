/**
 * One error type for the whole service. Every failure a user can act on carries a public code;
 * the API puts it in `extensions.code`, the CLI prints it and exits non-zero, tests assert on it.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  CONFLICT: 'CONFLICT',
  BAD_CONFIG: 'BAD_CONFIG',
  DB_UNAVAILABLE: 'DB_UNAVAILABLE',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  /** The request asks for more than a limit allows (cost, rows, bytes, memory, concurrent queries); the message names it. */
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  LAUNCHER_FAILED: 'LAUNCHER_FAILED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One problem of many (a bad record of an import): where, which record and field, and why. */
export interface Problem {
  where?: string;
  kind?: string;
  key?: string;
  field?: string;
  reason: string;
}

/** An error whose code and message are safe to show to the caller. */
export class AppError extends Error {
  override readonly name = 'AppError';
  /** The same problems as `details`, structured, for callers that act on them (the API sends both). */
  readonly problems?: readonly Problem[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Detail lines for the caller, e.g. the bad records of an import as the CLI prints them. */
    readonly details?: readonly string[],
    options?: { cause?: unknown; problems?: readonly Problem[] },
  ) {
    super(message, options);
    if (options?.problems) this.problems = options.problems;
  }
}

/** True when `error` is an AppError, optionally with the given code. */
export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
