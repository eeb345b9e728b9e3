// How a failed Key Vault read is described in logs, errors and /api/ready: a short reason built
// only from the HTTP status, the service's error code, a network error code or the error's class
// name. The SDK's own messages are not used: they can quote request and response details.
import { UnavailableError } from '../errors/domain-error.js';
import { isOpenBreakerRefusal } from '../resilience/dependency-policy.js';

/** A service error code or system error code, kept only when it looks like one. */
const CODE = /^[A-Za-z][A-Za-z0-9_.]{0,63}$/;

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  statusCode?: unknown;
}

const shapeOf = (error: unknown): ErrorShape => (error !== null && typeof error === 'object' ? error : {});

const codeOf = (error: ErrorShape): string | undefined => (typeof error.code === 'string' && CODE.test(error.code) ? error.code : undefined);

/** The SDK's answer for a secret that does not exist (404 SecretNotFound): "not set", not a failure. */
export function isSecretNotFound(error: unknown): boolean {
  const shape = shapeOf(error);
  return shape.name === 'RestError' && shape.statusCode === 404;
}

/** A short reason for a failed read, without values, tokens or URLs. */
export function describeKeyVaultFailure(error: unknown, timeoutMs: number): string {
  // What the resilience policy raises: retries exhausted (its cause is the last failure), or the breaker open.
  if (error instanceof UnavailableError) {
    const errorClass = typeof error.details['error_class'] === 'string' ? error.details['error_class'] : 'unknown';
    if (isOpenBreakerRefusal(error)) return `circuit breaker open (last: ${errorClass})`;
    if (errorClass === 'timeout') return `timed out after ${timeoutMs} ms per attempt`;
    if (error.cause !== undefined) return describeKeyVaultFailure(error.cause, timeoutMs);
    return errorClass;
  }
  const shape = shapeOf(error);
  const code = codeOf(shape);
  if (shape.name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  if (shape.name === 'RestError' && typeof shape.statusCode === 'number') {
    const meaning = shape.statusCode === 403 ? 'access denied, ' : shape.statusCode === 401 ? 'sign-in refused, ' : '';
    return `${meaning}HTTP ${shape.statusCode}${code ? ` ${code}` : ''}`;
  }
  if (shape.name === 'RestError') return `network error${code ? ` ${code}` : ''}`;
  if (shape.name === 'CredentialUnavailableError' || shape.name === 'AuthenticationError' || shape.name === 'AggregateAuthenticationError') {
    return `sign-in failed (${shape.name})`;
  }
  return `unexpected error${typeof shape.name === 'string' && CODE.test(shape.name) ? ` (${shape.name})` : ''}`;
}
