// The openai package's AzureOpenAI client, built once per process on first use: the package (and
// @azure/identity for Entra ID) is imported only when an expert tool or an embedding runs, so a
// process that never asks a model never loads them. Every option the client would otherwise read
// from OPENAI_* environment variables is passed explicitly; its own retries are off (the
// resilience policy retries), and its own timeout is a backstop just above the policy's.
import type * as OpenAiSdk from 'openai';
import type { AzureOpenAiConfig } from '../config/config.js';

/** The Entra ID scope of Azure OpenAI data-plane calls (role: Cognitive Services OpenAI User). */
export const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';

/** How much longer the client waits than the policy's attempt timeout (which aborts first). */
export const CLIENT_TIMEOUT_MARGIN_MS = 5_000;

export interface LoadedOpenAi {
  readonly client: OpenAiSdk.AzureOpenAI;
  /** The package itself, for its error classes. */
  readonly sdk: typeof OpenAiSdk;
}

/** Returns a loader that imports the package and builds the client the first time (again after a failure). */
export function lazyAzureOpenAi(config: AzureOpenAiConfig): () => Promise<LoadedOpenAi> {
  let pending: Promise<LoadedOpenAi> | undefined;
  return () => {
    pending ??= loadAzureOpenAi(config).catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

async function loadAzureOpenAi(config: AzureOpenAiConfig): Promise<LoadedOpenAi> {
  const sdk = await import('openai');
  const credentials = config.apiKey !== undefined ? { apiKey: config.apiKey } : { azureADTokenProvider: await entraTokenProvider(config) };
  const client = new sdk.AzureOpenAI({
    // baseURL (not endpoint) so OPENAI_BASE_URL in the environment cannot redirect the calls.
    baseURL: `${config.endpoint}/openai`,
    apiVersion: config.apiVersion,
    ...credentials,
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    maxRetries: 0,
    timeout: config.policy.timeoutMs + CLIENT_TIMEOUT_MARGIN_MS,
    logLevel: 'off',
  });
  return { client, sdk };
}

/** Entra ID tokens for the managed identity (AZURE_CLIENT_ID) or the developer's sign-in. */
async function entraTokenProvider(config: AzureOpenAiConfig): Promise<() => Promise<string>> {
  const { DefaultAzureCredential, getBearerTokenProvider } = await import('@azure/identity');
  const credential = new DefaultAzureCredential(config.managedIdentityClientId ? { managedIdentityClientId: config.managedIdentityClientId } : {});
  return getBearerTokenProvider(credential, COGNITIVE_SERVICES_SCOPE);
}
