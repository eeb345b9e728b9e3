// Maps what the openai package throws to the app's typed errors, with messages an operator can act
// on and nothing secret (no keys, tokens or prompt text): the endpoint down or throttling →
// UnavailableError (the policy counts it; the client sees UNAVAILABLE), a request the service
// filtered → BusinessRuleError; anything else is left as it is (logged as an internal fault).
import type * as OpenAiSdk from 'openai';
import { BusinessRuleError, UnavailableError } from '../errors/domain-error.js';

/** The dependency name in errors, logs and /api/ready. */
export const AZURE_OPENAI_DEPENDENCY = 'azure_openai';

/** `error` as a domain error where it is one; `what` names the deployment (e.g. `chat deployment "gpt-4o"`). */
export function fromOpenAiError(error: unknown, sdk: typeof OpenAiSdk, what: string): unknown {
  const details = { dependency: AZURE_OPENAI_DEPENDENCY };
  if (error instanceof sdk.APIConnectionTimeoutError) return new UnavailableError(`Azure OpenAI did not answer in time (${what})`, details, { cause: error });
  if (error instanceof sdk.APIUserAbortError) return error;
  if (error instanceof sdk.APIConnectionError) return new UnavailableError(`Azure OpenAI could not be reached (${what})`, details, { cause: error });
  if (!(error instanceof sdk.APIError)) return error;
  const { status, headers, code } = error as OpenAiSdk.APIError;
  if (status === undefined) return error;
  if (status === 429) {
    const retryAfter = Number(headers?.get('retry-after'));
    return new UnavailableError(
      `Azure OpenAI is throttling requests (HTTP 429, ${what})${Number.isFinite(retryAfter) && retryAfter > 0 ? `; retry after ${retryAfter} s` : ''}`,
      { ...details, ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retry_after_seconds: retryAfter } : {}) },
      { cause: error },
    );
  }
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
  if (status >= 500) return new UnavailableError(`Azure OpenAI failed (HTTP ${status}, ${what})`, details, { cause: error });
  return error;
}
