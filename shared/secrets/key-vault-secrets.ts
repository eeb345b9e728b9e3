// The secrets provider on Azure Key Vault: the SDK's SecretClient with DefaultAzureCredential (the
// managed identity in Azure, AZURE_CLIENT_ID for a user-assigned one), behind the TTL cache of
// secret-cache.ts. The SDK is loaded on the first read, not at start-up. Every read runs under
// Key Vault's resilience policy (KEYVAULT_* settings: a timeout per attempt, retries of transient
// failures with backoff and jitter honouring Retry-After, a circuit breaker); the SDK's own
// retries are off, so the attempts do not multiply.
import type { TokenCredential } from '@azure/identity';
import type { SecretClient, SecretClientOptions } from '@azure/keyvault-secrets';
import type { KeyVaultConfig } from '../config/config.js';
import { UnavailableError } from '../errors/domain-error.js';
import type { DependencyCheck } from '../health/dependency-check.js';
import { createDependencyPolicy, type DependencyPolicy } from '../resilience/dependency-policy.js';
import type { Logger } from '../telemetry/logger.js';
import { systemClock, type Clock } from '../time/clock.js';
import { describeKeyVaultFailure, isSecretNotFound } from './key-vault-failure.js';
import { createSecretCache, type SecretAnswer } from './secret-cache.js';
import type { SecretName, SecretsProvider } from './secrets-provider.js';

/** The SDK's own retries: none; the policy retries (docs/resilience.md). */
export const KEY_VAULT_SDK_RETRY_OPTIONS = { maxRetries: 0 } as const;

/** The dependency's name in errors, readiness and telemetry. */
export const KEY_VAULT_DEPENDENCY = 'key_vault';

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
  /** Replaces KEY_VAULT_FAILURE_BACKOFF_MS. */
  failureBackoffMs?: number;
  /** Told of the policy once it exists (telemetry and logs of breaker changes). */
  observePolicy?: (policy: DependencyPolicy) => void;
}

async function createSecretClient(config: KeyVaultConfig, options: KeyVaultSecretsOptions): Promise<SecretClient> {
  const { SecretClient } = await import('@azure/keyvault-secrets');
  const credential = options.credential ?? (config.loopback ? LOOPBACK_PLACEHOLDER_CREDENTIAL : await defaultCredential(config));
  const clientOptions: SecretClientOptions = {
    retryOptions: { ...KEY_VAULT_SDK_RETRY_OPTIONS },
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
  const clock = options.clock ?? systemClock;
  const policy = createDependencyPolicy({ name: KEY_VAULT_DEPENDENCY, ...config.policy, clock });
  options.observePolicy?.(policy);
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
      const secret = await policy.execute((signal) => secretClient.getSecret(name, { abortSignal: signal }));
      if (secret.value === undefined) return { found: false };
      return { found: true, value: secret.value, version: secret.properties.version };
    } catch (error) {
      if (isSecretNotFound(error)) return { found: false };
      throw error;
    }
  }

  const cache = createSecretCache({
    dependency: KEY_VAULT_DEPENDENCY,
    fetch: readSecret,
    describeFailure: (error) => describeKeyVaultFailure(error, config.policy.timeoutMs),
    ttlMs: config.cacheSeconds * 1000,
    failureBackoffMs: options.failureBackoffMs ?? KEY_VAULT_FAILURE_BACKOFF_MS,
    clock,
    logger: options.logger,
  });

  return {
    kind: 'key-vault',
    get: async (name) => (await cache.read(name)).value,
    async check(): Promise<DependencyCheck> {
      const base = { name: KEY_VAULT_DEPENDENCY } as const;
      try {
        const probe = await cache.read(KEY_VAULT_PROBE_SECRET);
        if (probe.stale) return { ...base, status: 'degraded', breaker: policy.state, detail: `serving cached secrets; reads are failing (${probe.failure ?? 'unknown'})` };
        return { ...base, status: 'ok', breaker: policy.state, detail: 'secrets readable' };
      } catch (error) {
        const reason = error instanceof UnavailableError ? String(error.details['reason']) : 'unexpected error';
        return { ...base, status: 'down', breaker: policy.state, detail: `secrets cannot be read (${reason})` };
      }
    },
  };
}
