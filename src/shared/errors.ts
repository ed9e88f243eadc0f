/**
 * Error codes shared by server and web. The server throws `AppError` from services; one table at the HTTP edge
 * maps each code to a status; the web client turns the response body back into the same `AppError`.
 */
export const errorStatus = {
  VALIDATION_FAILED: 422,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  ALREADY_EXISTS: 409,
  SETUP_ALREADY_DONE: 409,
  INVALID_STATE: 409,
  TOKEN_INVALID: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldError {
  /** Dotted path of the field at fault, e.g. `admin.email` or `rows.3.email`. */
  path: string;
  /** Message key in the i18n catalogue (`validation.*`). */
  code: string;
  /** Values interpolated into the message (e.g. `{ max: 200 }`). */
  params?: Record<string, string | number>;
  /** Message already translated into the caller's language (set by the server). */
  message?: string;
}

export interface AppErrorOptions {
  fields?: FieldError[];
  /** Current version of the row, for VERSION_CONFLICT. */
  currentVersion?: number;
  /**
   * The row as the server holds it now, for VERSION_CONFLICT on the caller's own text (an autosaved preparation),
   * so the client can merge instead of overwriting.
   */
  current?: unknown;
  /** Seconds to wait, for RATE_LIMITED. */
  retryAfterSeconds?: number;
  params?: Record<string, string | number>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;
  readonly currentVersion: number | undefined;
  readonly current: unknown;
  readonly retryAfterSeconds: number | undefined;
  readonly params: Record<string, string | number> | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(code, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.currentVersion = options.currentVersion;
    this.current = options.current;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.params = options.params;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** Body of every error response of the API. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: FieldError[];
    currentVersion?: number;
    current?: unknown;
    retryAfterSeconds?: number;
    requestId?: string;
  };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorStatus, value);
}
