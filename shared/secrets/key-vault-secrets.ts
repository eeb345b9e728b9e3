// The secrets provider on Azure Key Vault: the SDK's SecretClient with DefaultAzureCredential (the
// managed identity in Azure, AZURE_CLIENT_ID for a user-assigned one), behind the TTL cache of
// secret-cache.ts. The SDK is loaded on the first read, not at start-up; every read is bounded by
// KEYVAULT_TIMEOUT_MS, the SDK's retries included, and its retry options are set here explicitly.
import type { TokenCredential } from '@azure/identity';
import type { SecretClient, SecretClientOptions } from '@azure/keyvault-secrets';
import type { KeyVaultConfig } from '../config/config.js';
import { UnavailableError } from '../errors/domain-error.js';
import type { DependencyCheck } from '../health/dependency-check.js';
import type { Logger } from '../telemetry/logger.js';
import { systemClock, type Clock } from '../time/clock.js';
import { describeKeyVaultFailure, isSecretNotFound } from './key-vault-failure.js';
import { createSecretCache, type SecretAnswer } from './secret-cache.js';
import type { SecretName, SecretsProvider } from './secrets-provider.js';

/** The SDK's retries of one read (5xx, 408, throttling, connection resets): few and short, inside the read's timeout. */
export const KEY_VAULT_RETRY_OPTIONS = { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 2_000 } as const;

/** After a failed read, that secret is not asked for again for this long (the last known answer is served). */
export const KEY_VAULT_FAILURE_BACKOFF_MS = 30_000;

/** The secret /api/ready reads (through the cache) to see whether Key Vault answers. */
export const KEY_VAULT_PROBE_SECRET: SecretName = 'SCHEDULER-CALLBACK-SECRET';

/**
 * The credential for an `http://` loopback stand-in: a placeholder token, so that a real Entra
 * token is never sent over plain http, even to this machine.
 */
const LOOPBACK_PLACEHOLDER_CREDENTIAL: TokenCredential = {
  getToken: async () => ({ token: 'loopback-stand-in-placeholder-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

export interface KeyVaultSecretsOptions {
  logger: Logger;
  clock?: Clock;
  /** Replaces DefaultAzureCredential (tests pass a stub). */
  credential?: TokenCredential;
  /** Replaces KEY_VAULT_RETRY_OPTIONS (tests shorten the delays). */
  retryOptions?: NonNullable<SecretClientOptions['retryOptions']>;
  /** Replaces KEY_VAULT_FAILURE_BACKOFF_MS. */
  failureBackoffMs?: number;
}

async function createSecretClient(config: KeyVaultConfig, options: KeyVaultSecretsOptions): Promise<SecretClient> {
  const { SecretClient } = await import('@azure/keyvault-secrets');
  const credential = options.credential ?? (config.loopback ? LOOPBACK_PLACEHOLDER_CREDENTIAL : await defaultCredential(config));
  const clientOptions: SecretClientOptions = {
    retryOptions: { ...(options.retryOptions ?? KEY_VAULT_RETRY_OPTIONS) },
    userAgentOptions: { userAgentPrefix: 'contoso-mcp' },
    // A loopback stand-in speaks http and names no Key Vault resource in its challenge (tests only;
    // config refuses an http vault in Azure and with NODE_ENV=production).
    ...(config.loopback ? { allowInsecureConnection: true, disableChallengeResourceVerification: true } : {}),
  };
  return new SecretClient(config.uri, credential, clientOptions);
}

async function defaultCredential(config: KeyVaultConfig): Promise<TokenCredential> {
  const { DefaultAzureCredential } = await import('@azure/identity');
  return new DefaultAzureCredential(config.managedIdentityClientId ? { managedIdentityClientId: config.managedIdentityClientId } : {});
}

export function createKeyVaultSecrets(config: KeyVaultConfig, options: KeyVaultSecretsOptions): SecretsProvider {
  let client: Promise<SecretClient> | undefined;
  const clientOnce = () => {
    client ??= createSecretClient(config, options).catch((error: unknown) => {
      client = undefined;
      throw error;
    });
    return client;
  };

  async function readSecret(name: SecretName): Promise<SecretAnswer> {
    const secretClient = await clientOnce();
    try {
      const secret = await secretClient.getSecret(name, { abortSignal: AbortSignal.timeout(config.timeoutMs) });
      if (secret.value === undefined) return { found: false };
      return { found: true, value: secret.value, version: secret.properties.version };
    } catch (error) {
      if (isSecretNotFound(error)) return { found: false };
      throw error;
    }
  }

  const cache = createSecretCache({
    dependency: 'key_vault',
    fetch: readSecret,
    describeFailure: (error) => describeKeyVaultFailure(error, config.timeoutMs),
    ttlMs: config.cacheSeconds * 1000,
    failureBackoffMs: options.failureBackoffMs ?? KEY_VAULT_FAILURE_BACKOFF_MS,
    clock: options.clock ?? systemClock,
    logger: options.logger,
  });

  return {
    kind: 'key-vault',
    get: async (name) => (await cache.read(name)).value,
    async check(): Promise<DependencyCheck> {
      try {
        const probe = await cache.read(KEY_VAULT_PROBE_SECRET);
        if (probe.stale) return { name: 'key_vault', status: 'degraded', detail: `serving cached secrets; reads are failing (${probe.failure ?? 'unknown'})` };
        return { name: 'key_vault', status: 'ok', detail: 'secrets readable' };
      } catch (error) {
        const reason = error instanceof UnavailableError ? String(error.details['reason']) : 'unexpected error';
        return { name: 'key_vault', status: 'down', detail: `secrets cannot be read (${reason})` };
      }
    },
  };
}
