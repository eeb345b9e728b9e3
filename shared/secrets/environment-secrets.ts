// The secrets provider without Key Vault: the values the environment held at start-up (parsed once
// into config.secrets.environment; locally from .env or local.settings.json, in Azure from app
// settings, which may be Key Vault references the platform resolves). A change needs a restart.
import type { SecretsConfig } from '../config/config.js';
import type { DependencyCheck } from '../health/dependency-check.js';
import type { SecretName, SecretsProvider } from './secrets-provider.js';

/** What /api/ready reports for it: always ok, there is nothing to reach. */
const ENVIRONMENT_CHECK: DependencyCheck = Object.freeze({ name: 'key_vault', status: 'ok', detail: 'not configured: secrets come from app settings' });

export function createEnvironmentSecrets(values: SecretsConfig['environment']): SecretsProvider {
  const known = new Map(Object.entries(values) as [SecretName, string][]);
  return {
    kind: 'environment',
    get: async (name: SecretName) => known.get(name),
    check: async () => ({ ...ENVIRONMENT_CHECK }),
  };
}
