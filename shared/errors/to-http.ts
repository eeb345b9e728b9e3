// Maps errors raised outside MCP (admin and callback routes, health) to an HTTP status and a
// JSON body `{ error: { code, message, request_id } }`. Unknown errors become 500 with no detail.
import { DomainError, type ErrorCode } from './domain-error.js';

const STATUS: Record<ErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BUSINESS_RULE: 422,
  TIMEOUT: 504,
  UNAVAILABLE: 503,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

export interface HttpErrorView {
  status: number;
  body: { error: { code: string; message: string; request_id: string } };
}

export function toHttpError(error: unknown, requestId: string): HttpErrorView {
  if (error instanceof DomainError) {
    return { status: STATUS[error.code], body: { error: { code: error.code, message: error.message, request_id: requestId } } };
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: 'Internal error', request_id: requestId } },
  };
}

/** A JSON web Response for `error`. */
export function httpErrorResponse(error: unknown, requestId: string): Response {
  const view = toHttpError(error, requestId);
  return Response.json(view.body, { status: view.status });
}
