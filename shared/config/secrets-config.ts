// The `secrets` section of Config: Key Vault (KEYVAULT_URI, https; an http loopback stand-in only
// outside production) or the environment's values, by Key Vault name. Also refuses secret settings
// the platform left as unresolved Key Vault references, and environment values Key Vault would hide.
import type { SecretName } from '../secrets/secrets-provider.js';
import type { SecretsConfig } from './config.js';
import { policySettingsOf } from './resilience-settings.js';
import { SECRET_SETTINGS, type RawSettings } from './settings-schema.js';

/** What an app setting holds when the platform could not resolve its Key Vault reference. */
const UNRESOLVED_KEY_VAULT_REFERENCE = /^@Microsoft\.KeyVault\(/i;

export interface SecretsConfigInput {
  settings: RawSettings;
  inAzure: boolean;
  /** In Azure, or NODE_ENV=production: no test stand-ins. */
  productionLike: boolean;
}

/** The environment variable of every secret the provider serves, by Key Vault name. */
function environmentValues(s: RawSettings): Partial<Record<SecretName, string>> {
  const values: Record<SecretName, string | undefined> = {
    'SCHEDULER-API-KEY': s.SCHEDULER_API_KEY,
    'SCHEDULER-CLIENT-ID': s.SCHEDULER_CLIENT_ID,
    'SCHEDULER-CALLBACK-SECRET': s.SCHEDULER_CALLBACK_SECRET,
    'SCHEDULER-CALLBACK-SECRET-PREVIOUS': s.SCHEDULER_CALLBACK_SECRET_PREVIOUS,
    'MCP-REQUEST-STATE-KEY': s.MCP_REQUEST_STATE_KEY,
  };
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

/**
 * Environment variables the Key Vault provider would not read: with KEYVAULT_URI set, a value
 * here would be silently ignored. MCP_REQUEST_STATE_KEY is not one: the app reads it at start-up.
 */
const HIDDEN_BY_KEY_VAULT = ['SCHEDULER_API_KEY', 'SCHEDULER_CLIENT_ID', 'SCHEDULER_CALLBACK_SECRET', 'SCHEDULER_CALLBACK_SECRET_PREVIOUS'] as const;

/** Builds the secrets section, or returns one line per problem (ConfigError lines, never a value). */
export function buildSecretsConfig({ settings: s, inAzure, productionLike }: SecretsConfigInput): { secrets: SecretsConfig } | { problems: string[] } {
  const problems: string[] = [];
  for (const name of SECRET_SETTINGS) {
    const value = s[name as keyof RawSettings];
    if (typeof value === 'string' && UNRESOLVED_KEY_VAULT_REFERENCE.test(value)) {
      problems.push(
        `${name}: holds an unresolved Key Vault reference (the platform leaves the reference text when it cannot read the secret); give the app's identity the Key Vault Secrets User role on the vault and check the reference`,
      );
    }
  }
  const uri = s.KEYVAULT_URI;
  const loopback = uri?.startsWith('http://') ?? false;
  if (loopback && productionLike) {
    problems.push(
      `KEYVAULT_URI: an http vault is a local test stand-in and is refused ${inAzure ? 'in Azure' : 'when NODE_ENV=production'}; use the vault's https URI (https://<name>.vault.azure.net)`,
    );
  }
  if (uri !== undefined) {
    const hidden = HIDDEN_BY_KEY_VAULT.filter((name) => s[name] !== undefined);
    if (hidden.length > 0) {
      problems.push(
        `${hidden.join('/')}: set while KEYVAULT_URI is set; the app then reads these secrets from Key Vault (dashes for underscores) and would ignore the environment, so remove them or KEYVAULT_URI`,
      );
    }
  } else if (s.SCHEDULER_CALLBACK_SECRET_PREVIOUS !== undefined && s.SCHEDULER_CALLBACK_SECRET === undefined) {
    problems.push('SCHEDULER_CALLBACK_SECRET_PREVIOUS: set without SCHEDULER_CALLBACK_SECRET; the previous secret is only accepted beside a current one');
  }
  const policy = policySettingsOf(s, 'KEYVAULT');
  if ('problems' in policy) problems.push(...policy.problems);
  if (problems.length > 0 || 'problems' in policy) return { problems };
  return {
    secrets: {
      keyVault:
        uri === undefined
          ? undefined
          : { uri, loopback, managedIdentityClientId: s.AZURE_CLIENT_ID, cacheSeconds: s.SECRETS_CACHE_SECONDS, policy: policy.policy },
      environment: environmentValues(s),
    },
  };
}
