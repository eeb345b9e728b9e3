// Cosmos DB failures as the domain sees them. What the resilience policy raises (transient
// failures that outlasted the retries, an open breaker) is already an UnavailableError naming the
// `cosmos` dependency and passes as it is. Otherwise unavailability, refused credentials and
// timeouts become UnavailableError with a message a client may read (no endpoint, key or request
// details: the SDK error stays as the cause, for logs only); anything else becomes a plain error
// that the edge reports as INTERNAL. 404, 409 and 412 are answered by the operations themselves.
import { UnavailableError } from '../../errors/domain-error.js';

/** The dependency's name in errors, readiness and telemetry. */
export const COSMOS_DEPENDENCY = 'cosmos';

/** The HTTP status (or 0) of an error thrown by the Cosmos SDK. */
export function cosmosStatus(error: unknown): number {
  if (error !== null && typeof error === 'object') {
    const code = (error as { code?: unknown; statusCode?: unknown }).code ?? (error as { statusCode?: unknown }).statusCode;
    if (typeof code === 'number') return code;
  }
  return 0;
}

const BUSY = new Set([408, 410, 429, 449, 500, 502, 503, 504]);
const NETWORK = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|socket hang up|Timeout|aborted/i;

function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && NETWORK.test(code)) || error.name === 'TimeoutError' || error.name === 'AbortError' || NETWORK.test(error.message);
}

/** The error to throw for a failed Cosmos request (`what` names the operation for the message). */
export function toStoreError(error: unknown, what: string): Error {
  if (error instanceof UnavailableError) return error;
  const status = cosmosStatus(error);
  if (status === 429) {
    return new UnavailableError('The Cosmos DB store is busy (request rate too large); try again shortly', { dependency: COSMOS_DEPENDENCY, status }, { cause: error });
  }
  if (BUSY.has(status) || (status === 0 && isNetworkFailure(error))) {
    return new UnavailableError('The Cosmos DB store is unavailable or did not answer in time; try again shortly', { dependency: COSMOS_DEPENDENCY, status }, { cause: error });
  }
  if (error instanceof Error && /^(CredentialUnavailableError|AggregateAuthenticationError|AuthenticationError)$/.test(error.name)) {
    return new UnavailableError(
      'The app could not sign in to Cosmos DB with DefaultAzureCredential (a managed identity in Azure, AZURE_CLIENT_ID for a user-assigned one, az login locally)',
      { dependency: COSMOS_DEPENDENCY },
      { cause: error },
    );
  }
  if (status === 401 || status === 403) {
    return new UnavailableError('The Cosmos DB store refused the app\'s credentials (see the server log)', { dependency: COSMOS_DEPENDENCY, status }, { cause: error });
  }
  return new Error(`Cosmos DB request failed: ${what} (status ${status || 'none'})`, { cause: error });
}
