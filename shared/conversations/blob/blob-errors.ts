// Blob Storage failures as the domain sees them. Transport failures, timeouts, throttling and 5xx
// answers (after the resilience policy's retries, or at once while its breaker is open) become
// UnavailableError naming the conversation store and when to retry, with no account name, key or
// URL in the message (the SDK error stays as the cause, for logs only). 404, 409 and 412 are
// answered by the operations themselves.
import { DomainError, UnavailableError } from '../../errors/domain-error.js';
import { isOpenBreakerRefusal } from '../../resilience/dependency-policy.js';

const DEPENDENCY = { dependency: 'conversations' } as const;

/** The HTTP status of an error thrown by the storage SDK, or 0 when no answer arrived. */
export function blobStatus(error: unknown): number {
  const status = error !== null && typeof error === 'object' ? (error as { statusCode?: unknown }).statusCode : undefined;
  return typeof status === 'number' ? status : 0;
}

/** The service's error code (`BlobNotFound`, `ContainerNotFound`, `ConditionNotMet` …), if any. */
export function blobErrorCode(error: unknown): string | undefined {
  const code = error !== null && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

const BUSY = new Set([408, 429, 500, 502, 503, 504]);
const NETWORK = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|EHOSTUNREACH|ENETUNREACH|REQUEST_SEND_ERROR|socket hang up|aborted|timed? ?out/i;

/** No answer arrived: the request could not be sent, the connection dropped, or a try timed out. */
function isTransportFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = blobErrorCode(error);
  return error.name === 'RestError' || error.name === 'AbortError' || error.name === 'TimeoutError' || (code !== undefined && NETWORK.test(code)) || NETWORK.test(error.message);
}
const CREDENTIAL_ERRORS = new Set(['CredentialUnavailableError', 'AggregateAuthenticationError', 'AuthenticationError']);

/** The error to throw for a failed Blob request (`what` names the operation for the message). */
export function toConversationStoreError(error: unknown, what: string): Error {
  if (error instanceof UnavailableError && error.details['dependency'] === DEPENDENCY.dependency && error.details['retry_after_seconds'] !== undefined) {
    // The policy's answer: retries used up, or the breaker open. Said in the store's words.
    const seconds = Number(error.details['retry_after_seconds']);
    const breakerOpen = isOpenBreakerRefusal(error);
    return new UnavailableError(
      `The conversation store (Azure Blob Storage) is unavailable or did not answer in time${breakerOpen ? ' (its circuit breaker is open after repeated failures)' : ''}; retry in ${seconds} s`,
      error.details,
      { cause: error },
    );
  }
  if (error instanceof DomainError) return error;
  const status = blobStatus(error);
  const code = blobErrorCode(error);
  if (code === 'ContainerNotFound') {
    return new UnavailableError('The conversation store\'s Blob container does not exist (the infrastructure creates it in Azure)', { ...DEPENDENCY, status }, { cause: error });
  }
  if (error instanceof Error && CREDENTIAL_ERRORS.has(error.name)) {
    return new UnavailableError(
      'The app could not sign in to Blob Storage for the conversation store with DefaultAzureCredential (a managed identity in Azure, AZURE_CLIENT_ID for a user-assigned one, az login locally)',
      DEPENDENCY,
      { cause: error },
    );
  }
  if (status === 401 || status === 403) {
    return new UnavailableError('Blob Storage refused the app\'s credentials for the conversation store (it needs Storage Blob Data Contributor on the account)', { ...DEPENDENCY, status }, { cause: error });
  }
  if (BUSY.has(status) || (status === 0 && isTransportFailure(error))) {
    return new UnavailableError('The conversation store (Azure Blob Storage) is unavailable or did not answer in time; try again shortly', { ...DEPENDENCY, status }, { cause: error });
  }
  return new Error(`Blob Storage request failed for the conversation store: ${what} (status ${status})`, { cause: error });
}
