// No secret value reaches a log line, an error or /api/ready: every line the app's logger writes
// (at debug), everything written to stderr (where the Azure SDK logs, here at verbose), every
// configuration error, UnavailableError and readiness answer is captured while the providers go
// through reads, "not set", rotation, failures with and without a known value, and a hang; then
// none of the values (nor the access token) may appear anywhere in what was captured.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KeyVaultConfig } from '../../../shared/config/config.js';
import { loadConfig } from '../../../shared/config/load-config.js';
import { createSecretsProvider } from '../../../shared/secrets/create-secrets-provider.js';
import { createKeyVaultSecrets } from '../../../shared/secrets/key-vault-secrets.js';
import { SECRET_NAMES, type SecretsProvider } from '../../../shared/secrets/secrets-provider.js';
import { createLogger } from '../../../shared/telemetry/logger.js';
import { startKeyVaultStandIn, type KeyVaultStandIn } from '../../support/key-vault-stand-in.js';
import { stubTokenCredential } from '../../support/stub-token-credential.js';

const TOKEN = 'stub-access-token-that-must-not-be-logged';
const VALUES = {
  apiKey: 'VALUE-api-key-6f1d2c9a8b7e',
  apiKeyRotated: 'VALUE-api-key-rotated-0a9b8c7d6e',
  clientId: 'VALUE-client-id-55aa66bb',
  callback: 'VALUE-callback-secret-1234567890abcdef',
  previous: 'VALUE-previous-callback-secret-fedcba0987654321',
  envApiKey: 'VALUE-env-api-key-3c4d5e6f7a8b',
  envCallback: 'VALUE-env-callback-secret-00112233445566778899',
  envStateKey: 'VALUE-env-request-state-key-aabbccddeeff00112233',
};

describe('secret values in logs, errors and readiness', () => {
  const captured: string[] = [];
  const writeStderr = process.stderr.write.bind(process.stderr);
  let vault: KeyVaultStandIn;
  let nowMs = Date.parse('2026-03-15T10:00:00Z');
  const clock = { now: () => new Date(nowMs) };
  const logger = createLogger({ level: 'debug', sink: (_level, line) => captured.push(line), now: clock.now });
  const capture = (value: unknown) => captured.push(typeof value === 'string' ? value : JSON.stringify(value, Object.getOwnPropertyNames(value)));

  before(async () => {
    // The SDK reads AZURE_LOG_LEVEL when it is first loaded, which is on the first Key Vault read below.
    process.env['AZURE_LOG_LEVEL'] = 'verbose';
    process.stderr.write = ((chunk: string | Uint8Array) => {
      captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    });
    vault = await startKeyVaultStandIn({ acceptToken: TOKEN });
  });
  after(async () => {
    process.stderr.write = writeStderr;
    delete process.env['AZURE_LOG_LEVEL'];
    await vault.close();
  });

  /** Every provider answer and failure goes into the capture too, as a careless caller might log it. */
  async function exercise(secrets: SecretsProvider): Promise<void> {
    for (const name of SECRET_NAMES) {
      try {
        await secrets.get(name);
      } catch (error) {
        capture(error);
        capture((error as { details?: unknown }).details);
      }
    }
    capture(await secrets.check());
  }

  it('through the environment provider and configuration errors', async () => {
    const env = { SCHEDULER_API_KEY: VALUES.envApiKey, SCHEDULER_CALLBACK_SECRET: VALUES.envCallback, MCP_REQUEST_STATE_KEY: VALUES.envStateKey };
    await exercise(await createSecretsProvider(loadConfig(env).secrets, { logger, clock }));
    for (const bad of [
      { SCHEDULER_API_KEY: 'VALUE-short' },
      { SCHEDULER_CALLBACK_SECRET_PREVIOUS: VALUES.previous },
      { KEYVAULT_URI: 'https://contoso-mcp-kv.vault.azure.net', SCHEDULER_CALLBACK_SECRET: VALUES.envCallback },
      { WEBSITE_INSTANCE_ID: 'a1', ALLOW_INSTANCE_LOCAL_STORE: 'true', WEBSITE_HOSTNAME: 'h', AUTH_AUDIENCE: 'api://x', ALLOWED_TENANTS: '11111111-1111-4111-8111-111111111111', SCHEDULER_API_KEY: VALUES.envApiKey, KEYVAULT_URI: 'http://127.0.0.1:1' },
    ]) {
      assert.throws(() => loadConfig(bad), (error: unknown) => (capture(error), true));
    }
    assert.ok(captured.length > 0);
  });

  it('through the Key Vault provider: reads, not set, rotation, failures with and without a known value, and a hang', async () => {
    vault.setSecret('SCHEDULER-API-KEY', VALUES.apiKey);
    vault.setSecret('SCHEDULER-CLIENT-ID', VALUES.clientId);
    vault.setSecret('SCHEDULER-CALLBACK-SECRET', VALUES.callback);
    const policy = { timeoutMs: 150, retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 2 }, breaker: { failureThreshold: 100, halfOpenAfterMs: 50 } };
    const config: KeyVaultConfig = { uri: vault.uri, loopback: true, managedIdentityClientId: undefined, cacheSeconds: 60, policy };
    const options = { logger, clock, credential: stubTokenCredential(TOKEN), failureBackoffMs: 1_000 };
    const secrets = createKeyVaultSecrets(config, options);

    await exercise(secrets); // read, and "not set" for the previous secret and the request-state key
    vault.setSecret('SCHEDULER-API-KEY', VALUES.apiKeyRotated);
    vault.setSecret('SCHEDULER-CALLBACK-SECRET-PREVIOUS', VALUES.previous);
    nowMs += 60_000;
    await exercise(secrets); // rotation and a secret that appeared
    vault.setReadMode({ kind: 'status', status: 503 });
    nowMs += 60_000;
    await exercise(secrets); // stale values served
    await exercise(createKeyVaultSecrets(config, options)); // nothing known: UnavailableError
    vault.setReadMode({ kind: 'hang' });
    nowMs += 60_000;
    await exercise(secrets); // timeouts

    assert.equal(await secrets.get('SCHEDULER-API-KEY'), VALUES.apiKeyRotated, 'the provider did serve the values');
  });

  it('leaves no secret value and no token in anything captured', () => {
    const text = captured.join('\n');
    assert.ok(captured.some((line) => line.includes('"msg":"key_vault read failed')), 'the provider logged its failures');
    assert.ok(/azure:keyvault-secrets:info|azure:core-rest-pipeline/.test(text), 'the SDK logged at verbose');
    assert.ok(text.includes('UnavailableError'), 'errors were captured');
    const leaked = [...Object.values(VALUES), TOKEN].filter((value) => text.includes(value));
    assert.deepEqual(leaked, [], 'secret values in captured output');
    // The values' distinctive prefix, as a net for a partial leak (e.g. a truncated value).
    assert.equal(text.includes('VALUE-'), false);
  });
});
