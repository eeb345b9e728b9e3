// Tests of the secrets settings: Key Vault when KEYVAULT_URI is set (https; an http loopback
// stand-in only outside production), the environment's values otherwise, by Key Vault name; short
// secrets, unresolved Key Vault references and values Key Vault would hide are refused, never echoed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../../shared/config/load-config.js';
import { SECRET_SETTINGS, SETTING_NAMES } from '../../../shared/config/settings-schema.js';
import { environmentVariableFor, SECRET_NAMES } from '../../../shared/secrets/secrets-provider.js';
import { configProblems } from '../../support/config-problems.js';

const NOW = new Date('2026-03-15T22:45:00Z');
const AZURE = {
  WEBSITE_INSTANCE_ID: 'a1b2c3',
  ALLOW_INSTANCE_LOCAL_STORE: 'true',
  WEBSITE_HOSTNAME: 'contoso-mcp.azurewebsites.net',
  AUTH_AUDIENCE: 'api://contoso-mcp',
  ALLOWED_TENANTS: '11111111-1111-4111-8111-111111111111',
  MCP_REQUEST_STATE_KEY: 'r'.repeat(40),
};
const VAULT = 'https://contoso-mcp-kv.vault.azure.net';
const CALLBACK_SECRET = 'callback-secret-value-0123456789abcdef';
const PREVIOUS_SECRET = 'previous-callback-secret-0123456789abcdef';
const API_KEY = 'scheduler-api-key-0123456789';

const problemsOf = (env: Record<string, string | undefined>) => configProblems(env, NOW);

describe('secrets settings', () => {
  it('default to the environment, with nothing set', () => {
    assert.deepEqual(loadConfig({}, NOW).secrets, { keyVault: undefined, environment: {} });
  });

  it('map every secret name to a secret setting of its own (dashes for underscores)', () => {
    for (const name of SECRET_NAMES) {
      const variable = environmentVariableFor(name);
      assert.ok(SETTING_NAMES.includes(variable), `${variable} is not a setting`);
      assert.ok(SECRET_SETTINGS.has(variable), `${variable} is not marked secret`);
    }
  });

  it('hold the environment values by Key Vault name, trimmed', () => {
    const { secrets } = loadConfig(
      {
        SCHEDULER_API_KEY: ` ${API_KEY} `,
        SCHEDULER_CLIENT_ID: 'scheduler-client',
        SCHEDULER_CALLBACK_SECRET: CALLBACK_SECRET,
        SCHEDULER_CALLBACK_SECRET_PREVIOUS: PREVIOUS_SECRET,
        MCP_REQUEST_STATE_KEY: 'r'.repeat(32),
      },
      NOW,
    );
    assert.equal(secrets.keyVault, undefined);
    assert.deepEqual(secrets.environment, {
      'SCHEDULER-API-KEY': API_KEY,
      'SCHEDULER-CLIENT-ID': 'scheduler-client',
      'SCHEDULER-CALLBACK-SECRET': CALLBACK_SECRET,
      'SCHEDULER-CALLBACK-SECRET-PREVIOUS': PREVIOUS_SECRET,
      'MCP-REQUEST-STATE-KEY': 'r'.repeat(32),
    });
  });

  it('use Key Vault when KEYVAULT_URI is set, with its cache, timeout and managed identity', () => {
    const clientId = '22222222-2222-4222-8222-222222222222';
    const { secrets } = loadConfig({ ...AZURE, KEYVAULT_URI: `${VAULT}/`, AZURE_CLIENT_ID: clientId, SECRETS_CACHE_SECONDS: '60', KEYVAULT_TIMEOUT_MS: '2500' }, NOW);
    assert.deepEqual(secrets.keyVault, {
      uri: VAULT,
      loopback: false,
      managedIdentityClientId: clientId,
      cacheSeconds: 60,
      policy: { timeoutMs: 2500, retry: { maxAttempts: 3, initialDelayMs: 200, maxDelayMs: 2000 }, breaker: { failureThreshold: 5, halfOpenAfterMs: 30_000 } },
    });
  });

  it('cache for 300 s and time out after 3 s per attempt by default', () => {
    const { keyVault } = loadConfig({ KEYVAULT_URI: VAULT }, NOW).secrets;
    assert.equal(keyVault?.cacheSeconds, 300);
    assert.equal(keyVault?.policy.timeoutMs, 3000);
  });

  it('name a Key Vault policy whose longest pause is shorter than its first', () => {
    assert.throws(() => loadConfig({ KEYVAULT_URI: VAULT, KEYVAULT_RETRY_INITIAL_DELAY_MS: '500', KEYVAULT_RETRY_MAX_DELAY_MS: '100' }, NOW), /KEYVAULT_RETRY_MAX_DELAY_MS: must be at least KEYVAULT_RETRY_INITIAL_DELAY_MS/);
  });

  it('accept an http loopback vault (a test stand-in) outside production only', () => {
    assert.deepEqual(loadConfig({ KEYVAULT_URI: 'http://127.0.0.1:8443' }, NOW).secrets.keyVault?.loopback, true);
    for (const [env, where] of [
      [AZURE, 'in Azure'],
      [{ NODE_ENV: 'production', AUTH_MODE: 'local' }, 'when NODE_ENV=production'],
    ] as const) {
      const problems = problemsOf({ ...env, KEYVAULT_URI: 'http://127.0.0.1:8443' });
      assert.deepEqual(problems.length, 1, problems.join('\n'));
      assert.match(problems[0] ?? '', new RegExp(`^KEYVAULT_URI: an http vault is a local test stand-in and is refused ${where}`));
    }
  });

  it('refuse a vault URI that is not https (or loopback http), or has a path', () => {
    for (const uri of ['http://contoso-mcp-kv.vault.azure.net', `${VAULT}/secrets/x`, 'contoso-mcp-kv']) {
      const problems = problemsOf({ KEYVAULT_URI: uri });
      assert.deepEqual(problems, ['KEYVAULT_URI: expected an https (or loopback http) URL with no path, query or fragment (got ' + JSON.stringify(uri) + ')']);
    }
  });

  it('refuse cache and timeout values out of range', () => {
    const problems = problemsOf({ SECRETS_CACHE_SECONDS: '0', KEYVAULT_TIMEOUT_MS: '0' });
    assert.deepEqual(problems.map((p) => p.split(':')[0]).sort(), ['KEYVAULT_TIMEOUT_MS', 'SECRETS_CACHE_SECONDS']);
  });

  it('refuse short secrets without echoing them', () => {
    const env = { SCHEDULER_API_KEY: 'short-key', SCHEDULER_CALLBACK_SECRET: 'short-callback-secret', SCHEDULER_CALLBACK_SECRET_PREVIOUS: 'short-previous' };
    const problems = problemsOf(env);
    assert.deepEqual(problems, [
      'SCHEDULER_API_KEY: expected a secret of at least 16 characters',
      'SCHEDULER_CALLBACK_SECRET: expected a secret of at least 32 characters',
      'SCHEDULER_CALLBACK_SECRET_PREVIOUS: expected a secret of at least 32 characters',
    ]);
  });

  it('refuse a previous callback secret without a current one', () => {
    assert.deepEqual(problemsOf({ SCHEDULER_CALLBACK_SECRET_PREVIOUS: PREVIOUS_SECRET }), [
      'SCHEDULER_CALLBACK_SECRET_PREVIOUS: set without SCHEDULER_CALLBACK_SECRET; the previous secret is only accepted beside a current one',
    ]);
  });

  it('refuse scheduler secrets in the environment while KEYVAULT_URI is set (they would be ignored)', () => {
    const problems = problemsOf({ ...AZURE, KEYVAULT_URI: VAULT, SCHEDULER_API_KEY: API_KEY, SCHEDULER_CALLBACK_SECRET: CALLBACK_SECRET });
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0] ?? '', /^SCHEDULER_API_KEY\/SCHEDULER_CALLBACK_SECRET: set while KEYVAULT_URI is set; /);
    assert.ok(!problems[0]?.includes(API_KEY) && !problems[0]?.includes(CALLBACK_SECRET));
  });

  it('keep MCP_REQUEST_STATE_KEY beside a Key Vault: the app reads it at start-up', () => {
    const config = loadConfig({ ...AZURE, KEYVAULT_URI: VAULT }, NOW);
    assert.equal(config.mcp.requestStateKey, AZURE.MCP_REQUEST_STATE_KEY);
    assert.deepEqual(config.secrets.environment, { 'MCP-REQUEST-STATE-KEY': AZURE.MCP_REQUEST_STATE_KEY });
  });

  it('refuse a secret setting left as an unresolved Key Vault reference', () => {
    const reference = '@Microsoft.KeyVault(SecretUri=https://contoso-mcp-kv.vault.azure.net/secrets/SCHEDULER-CALLBACK-SECRET/)';
    const problems = problemsOf({ ...AZURE, SCHEDULER_CALLBACK_SECRET: reference, MCP_REQUEST_STATE_KEY: '@Microsoft.KeyVault(VaultName=contoso-mcp-kv;SecretName=MCP-REQUEST-STATE-KEY)' });
    assert.deepEqual(
      problems.map((p) => p.split(':')[0]),
      ['MCP_REQUEST_STATE_KEY', 'SCHEDULER_CALLBACK_SECRET'],
    );
    for (const problem of problems) assert.match(problem, /holds an unresolved Key Vault reference .* Key Vault Secrets User role/);
  });
});
