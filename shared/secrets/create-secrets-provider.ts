// Picks the secrets provider named by the configuration: Key Vault when KEYVAULT_URI is set, the
// environment otherwise. The Key Vault adapter is imported only when configured (and it loads the
// Azure SDK only on its first read), so a process without a vault never loads either.
import type { SecretsConfig } from '../config/config.js';
import type { PolicyObserver } from '../resilience/policy-observer.js';
import type { Logger } from '../telemetry/logger.js';
import type { Clock } from '../time/clock.js';
import { createEnvironmentSecrets } from './environment-secrets.js';
import type { SecretsProvider } from './secrets-provider.js';

export interface CreateSecretsProviderOptions {
  logger: Logger;
  clock: Clock;
  /** Told of Key Vault's resilience policy (breaker metrics and logs). */
  observePolicy?: PolicyObserver;
}

export async function createSecretsProvider(config: SecretsConfig, options: CreateSecretsProviderOptions): Promise<SecretsProvider> {
  if (config.keyVault === undefined) return createEnvironmentSecrets(config.environment);
  const { createKeyVaultSecrets } = await import('./key-vault-secrets.js');
  return createKeyVaultSecrets(config.keyVault, options);
}
