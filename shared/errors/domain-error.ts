// Typed errors with stable codes. Handlers and adapters throw these; only to-mcp.ts and
// to-http.ts decide what a client sees. `details` must never hold secrets.

export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'BUSINESS_RULE'
  | 'TIMEOUT'
  | 'UNAVAILABLE'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = this.constructor.name;
  }
}

/** A caller-supplied value is malformed or out of range. */
export class InvalidArgumentError extends DomainError {
  readonly code = 'INVALID_ARGUMENT';
}

/** The entity named by the caller does not exist. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(entity: string, id: string | number) {
    super(`${entity} ${id} was not found`, { entity, id });
  }
}

/** A concurrent or conditional write lost (ETag mismatch, duplicate key). */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

/** The request is well-formed but a business rule forbids it. */
export class BusinessRuleError extends DomainError {
  readonly code = 'BUSINESS_RULE';
}

/** The operation did not finish within its time budget. */
export class TimeoutError extends DomainError {
  readonly code = 'TIMEOUT';
}

/** A dependency (store, Azure service) is unreachable or failing; retry later. */
export class UnavailableError extends DomainError {
  readonly code = 'UNAVAILABLE';
}

/** The caller is authenticated but not allowed to do this. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

/** The request did not prove who sent it (a signed callback whose signature is missing or wrong). */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
}

/** The request body is larger than the operation accepts. */
export class PayloadTooLargeError extends DomainError {
  readonly code = 'PAYLOAD_TOO_LARGE';
}

/** The request body is in a media type this operation does not read (e.g. not JSON). */
export class UnsupportedMediaTypeError extends DomainError {
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
}
