/**
 * Domain errors carry a stable code, an internal message for logs and a Vietnamese message for
 * the user. Services throw these; one table (`httpStatusOf`) maps codes to HTTP statuses, so no
 * service ever throws an HTTP error (STYLE.md, "Typed errors, one mapping").
 */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unavailable';

const STATUS: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  locked: 423,
  rate_limited: 429,
  unavailable: 503,
};

export class AppError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly userMessage: string;
  readonly details: unknown;

  constructor(kind: ErrorKind, code: string, userMessage: string, details?: unknown, internal?: string) {
    super(internal ?? `${code}: ${userMessage}`);
    this.kind = kind;
    this.code = code;
    this.userMessage = userMessage;
    this.details = details;
  }

  get status(): number {
    return STATUS[this.kind];
  }
}

export function httpStatusOf(kind: ErrorKind): number {
  return STATUS[kind];
}

export const notFound = (what: string, code = 'NOT_FOUND') =>
  new AppError('not_found', code, `Không tìm thấy ${what}.`);

export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.', code = 'FORBIDDEN') =>
  new AppError('forbidden', code, message);

export const conflict = (message: string, code = 'CONFLICT', details?: unknown) =>
  new AppError('conflict', code, message, details);

export const invalid = (message: string, code = 'VALIDATION', details?: unknown) =>
  new AppError('validation', code, message, details);

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
