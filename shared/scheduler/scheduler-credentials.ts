// The headers that prove the app's identity to the scheduler, per SCHEDULER_AUTH: a bearer token
// from DefaultAzureCredential (managed identity; @azure/identity is imported on the first call and
// caches tokens until shortly before they expire), the API key and client id from the secrets
// provider (read per call, so a rotation is picked up after its cache TTL), or nothing.
import type { SchedulerAuthConfig } from '../config/config.js';
import { UnavailableError } from '../errors/domain-error.js';
import type { SecretsProvider } from '../secrets/secrets-provider.js';

/** What is sent with every request to the scheduler; values are secrets and never logged. */
export interface SchedulerCredentials {
  readonly kind: SchedulerAuthConfig['kind'];
  headers(signal?: AbortSignal): Promise<Record<string, string>>;
}

/** The scheduler's API key headers. */
export const API_KEY_HEADER = 'x-api-key';
export const CLIENT_ID_HEADER = 'x-client-id';

/** A token source, as @azure/identity's TokenCredential offers it (tests pass a fake). */
export interface TokenSource {
  getToken(scope: string, options?: { abortSignal?: AbortSignal }): Promise<{ token: string } | null>;
}

export interface SchedulerCredentialsOptions {
  /** Required for `api-key`. */
  secrets?: SecretsProvider;
  /** For `managed-identity`: replaces DefaultAzureCredential (tests). */
  tokenSource?: TokenSource;
}

export function schedulerCredentials(auth: SchedulerAuthConfig, options: SchedulerCredentialsOptions = {}): SchedulerCredentials {
  switch (auth.kind) {
    case 'none':
      return { kind: 'none', headers: async () => ({}) };
    case 'api-key': {
      const { secrets } = options;
      if (secrets === undefined) throw new Error('SCHEDULER_AUTH=api-key needs the secrets provider (SCHEDULER-API-KEY, SCHEDULER-CLIENT-ID)');
      return { kind: 'api-key', headers: () => apiKeyHeaders(secrets) };
    }
    case 'managed-identity': {
      let source: Promise<TokenSource> | undefined = options.tokenSource ? Promise.resolve(options.tokenSource) : undefined;
      return {
        kind: 'managed-identity',
        async headers(signal) {
          source ??= defaultCredential(auth.managedIdentityClientId);
          const token = await (await source).getToken(auth.scope, signal ? { abortSignal: signal } : {});
          if (token === null) throw new UnavailableError('No token for the scheduler could be obtained (DefaultAzureCredential returned none)', { dependency: 'scheduler' });
          return { authorization: `Bearer ${token.token}` };
        },
      };
    }
  }
}

async function apiKeyHeaders(secrets: SecretsProvider): Promise<Record<string, string>> {
  const [apiKey, clientId] = await Promise.all([secrets.get('SCHEDULER-API-KEY'), secrets.get('SCHEDULER-CLIENT-ID')]);
  if (apiKey === undefined) {
    throw new UnavailableError(`The scheduler's API key is not set (secret SCHEDULER-API-KEY, from ${secrets.kind === 'key-vault' ? 'Key Vault' : 'the environment'})`, {
      dependency: 'scheduler',
    });
  }
  return { [API_KEY_HEADER]: apiKey, ...(clientId === undefined ? {} : { [CLIENT_ID_HEADER]: clientId }) };
}

async function defaultCredential(managedIdentityClientId: string | undefined): Promise<TokenSource> {
  const { DefaultAzureCredential } = await import('@azure/identity');
  return new DefaultAzureCredential(managedIdentityClientId ? { managedIdentityClientId } : {});
}
