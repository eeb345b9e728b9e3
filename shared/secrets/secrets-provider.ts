// The secrets port: named secrets resolved from Key Vault (key-vault-secrets.ts, when KEYVAULT_URI
// is set) or from environment variables (environment-secrets.ts: `SCHEDULER-API-KEY` is read
// from SCHEDULER_API_KEY). Values are cached for SECRETS_CACHE_SECONDS so a rotation is picked up
// without a restart. A value never goes into a log line, an error message or telemetry.
import type { CheckedDependency } from '../health/dependency-check.js';

/** The secrets the app reads, by their Key Vault names. */
export const SECRET_NAMES = [
  'SCHEDULER-API-KEY',
  'SCHEDULER-CLIENT-ID',
  'SCHEDULER-CALLBACK-SECRET',
  /** Accepted beside the current one while the callback secret is rotated. */
  'SCHEDULER-CALLBACK-SECRET-PREVIOUS',
  'MCP-REQUEST-STATE-KEY',
] as const;

export type SecretName = (typeof SECRET_NAMES)[number];

/** The environment variable that holds a secret when there is no Key Vault: dashes become underscores. */
export function environmentVariableFor(name: SecretName): string {
  return name.replaceAll('-', '_');
}

export interface SecretsProvider extends CheckedDependency {
  readonly kind: 'key-vault' | 'environment';
  /** The secret's current value, or undefined when it is not set. UnavailableError when Key Vault cannot be reached. */
  get(name: SecretName): Promise<string | undefined>;
}
