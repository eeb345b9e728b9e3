// Maps what a model call throws, after the resilience policy, to the app's typed errors, with
// messages an operator can act on and nothing secret (no keys, tokens or prompt text). The policy
// retried the transient failures (429, 502-504, timeouts, broken connections) and hands back an
// UnavailableError once they outlast its attempts or while its breaker is open: that error keeps
// its details, with what went wrong said first. What the policy lets through unchanged is mapped
// here: no Entra ID token, refused credentials, a missing deployment, a 5xx → UnavailableError; a
// request the service filtered → BusinessRuleError; anything else is left as it is (an internal fault).
import type * as OpenAiSdk from 'openai';
import { BusinessRuleError, UnavailableError } from '../errors/domain-error.js';
import { classifyFailure } from '../resilience/transient-failure.js';

/** The dependency name in errors, logs, the policy and /api/ready. */
export const AZURE_OPENAI_DEPENDENCY = 'azure_openai';

/** `error` as a domain error where it is one; `what` names the deployment (e.g. `chat deployment "gpt-4o"`). */
export function fromOpenAiError(error: unknown, sdk: typeof OpenAiSdk, what: string): unknown {
  if (error instanceof UnavailableError && error.details.dependency === AZURE_OPENAI_DEPENDENCY && error.cause !== undefined) {
    // The policy's outcome: say what failed (when it was the endpoint), then what the policy did.
    const failure = describeTransient(error.cause, sdk, what) ?? `Azure OpenAI (${what}) was not called`;
    return new UnavailableError(`${failure}. ${error.message}`, error.details, { cause: error });
  }
  const details = { dependency: AZURE_OPENAI_DEPENDENCY };
  if (error instanceof sdk.OpenAIError && !(error instanceof sdk.APIError) && isTokenFailure(error.cause)) {
    return new UnavailableError(
      `The app could not get an Entra ID token for Azure OpenAI (DefaultAzureCredential: the managed identity in Azure, AZURE_CLIENT_ID for a user-assigned one, your Azure CLI sign-in locally)`,
      details,
      { cause: error },
    );
  }
  if (error instanceof sdk.APIUserAbortError || !(error instanceof sdk.APIError)) return error;
  const transient = describeTransient(error, sdk, what);
  if (transient !== undefined) return new UnavailableError(transient, details, { cause: error });
  const { status, code } = error as OpenAiSdk.APIError;
  if (status === 401 || status === 403) {
    return new UnavailableError(
      `Azure OpenAI refused the app's credentials (HTTP ${status}, ${what}): grant its identity the Cognitive Services OpenAI User role`,
      details,
      { cause: error },
    );
  }
  if (status === 404) return new UnavailableError(`Azure OpenAI has no ${what} (HTTP 404): check the deployment name and API version`, details, { cause: error });
  if (status === 400 && code === 'content_filter') {
    return new BusinessRuleError('Azure OpenAI content filtering blocked this request; rephrase the question', { field: 'question' }, { cause: error });
  }
  if (status !== undefined && status >= 500) return new UnavailableError(`Azure OpenAI failed (HTTP ${status}, ${what})`, details, { cause: error });
  return error;
}

/** @azure/identity's errors for a credential that cannot give a token (the client wraps them in an OpenAIError). */
function isTokenFailure(cause: unknown): boolean {
  const name = cause instanceof Error ? cause.name : '';
  return name === 'CredentialUnavailableError' || name === 'AuthenticationError' || name === 'AggregateAuthenticationError';
}

/** A sentence for a failure of the endpoint itself (unreachable, slow, throttling, 5xx), or undefined. */
function describeTransient(error: unknown, sdk: typeof OpenAiSdk, what: string): string | undefined {
  if (error instanceof sdk.APIConnectionTimeoutError || classifyFailure(error).errorClass === 'timeout') return `Azure OpenAI did not answer in time (${what})`;
  if (error instanceof sdk.APIUserAbortError) return undefined;
  if (error instanceof sdk.APIConnectionError) return `Azure OpenAI could not be reached (${what})`;
  if (!(error instanceof sdk.APIError) || error.status === undefined) return undefined;
  if (error.status === 429) return `Azure OpenAI is throttling requests (HTTP 429, ${what})`;
  if (error.status >= 500 || error.status === 408) return `Azure OpenAI failed (HTTP ${error.status}, ${what})`;
  return undefined;
}
