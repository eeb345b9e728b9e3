// One instance of every DomainError subclass with the code and HTTP status it must map to,
// shared by the to-mcp and to-http tests.
import {
  BusinessRuleError,
  ConflictError,
  type DomainError,
  ForbiddenError,
  InvalidArgumentError,
  NotFoundError,
  TimeoutError,
  UnavailableError,
  UnsupportedMediaTypeError,
} from '../../../shared/errors/domain-error.js';

export interface DomainErrorCase {
  error: DomainError;
  code: string;
  status: number;
}

export const DOMAIN_ERROR_CASES: readonly DomainErrorCase[] = [
  { error: new InvalidArgumentError('limit must be 1-100', { field: 'limit' }), code: 'INVALID_ARGUMENT', status: 400 },
  { error: new NotFoundError('Customer', 4242), code: 'NOT_FOUND', status: 404 },
  { error: new ConflictError('invoice changed meanwhile'), code: 'CONFLICT', status: 409 },
  { error: new BusinessRuleError('cannot pay a cancelled invoice'), code: 'BUSINESS_RULE', status: 422 },
  { error: new TimeoutError('took too long'), code: 'TIMEOUT', status: 504 },
  { error: new UnavailableError('store unreachable'), code: 'UNAVAILABLE', status: 503 },
  { error: new ForbiddenError('agents may not refund'), code: 'FORBIDDEN', status: 403 },
  { error: new UnsupportedMediaTypeError('Content-Type must be application/json'), code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 },
];

/** An unexpected error whose message must never reach a client. */
export const LEAKY_ERROR = new Error('SQLITE_CORRUPT at /home/site/data/contoso.db password=hunter2');
