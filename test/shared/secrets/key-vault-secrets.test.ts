// Tests of the Key Vault secrets provider: the SDK's real SecretClient against the local stand-in
// (the bearer challenge, reads, 404 SecretNotFound, injected 503s and hangs), with an injected
// clock for the cache: a value read, "not set" cached, hits within the TTL, a rotation picked up
// after it, stale-if-error, UnavailableError when nothing is known, and a hang cut by the timeout.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { KeyVaultConfig } from '../../../shared/config/config.js';
import type { DependencyPolicy, DependencyPolicySettings } from '../../../shared/resilience/dependency-policy.js';
import { loadConfig } from '../../../shared/config/load-config.js';
import { UnavailableError } from '../../../shared/errors/domain-error.js';
import { createSecretsProvider } from '../../../shared/secrets/create-secrets-provider.js';
import { createKeyVaultSecrets, KEY_VAULT_PROBE_SECRET } from '../../../shared/secrets/key-vault-secrets.js';
import type { SecretsProvider } from '../../../shared/secrets/secrets-provider.js';
import { createLogger } from '../../../shared/telemetry/logger.js';
import { startKeyVaultStandIn, STAND_IN_TENANT_ID, type KeyVaultStandIn } from '../../support/key-vault-stand-in.js';
import { stubTokenCredential, type StubTokenCredential } from '../../support/stub-token-credential.js';

const TTL_SECONDS = 300;
const BACKOFF_MS = 30_000;
const API_KEY = 'scheduler-api-key-from-the-vault-1';

describe('Key Vault secrets provider', () => {
  let vault: KeyVaultStandIn;
  let credential: StubTokenCredential;
  let nowMs: number;
  let logs: string[];

  const clock = { now: () => new Date(nowMs) };
  const advance = (ms: number) => void (nowMs += ms);
  const logger = () => createLogger({ level: 'debug', sink: (_level, line) => logs.push(line), now: clock.now });

  /** Three attempts a few ms apart; a breaker that stays closed unless a test lowers its threshold. */
  const POLICY: DependencyPolicySettings = { timeoutMs: 2_000, retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 }, breaker: { failureThreshold: 50, halfOpenAfterMs: 50 } };

  function provider(overrides: Partial<KeyVaultConfig> = {}, observePolicy?: (policy: DependencyPolicy) => void): SecretsProvider {
    const config: KeyVaultConfig = { uri: vault.uri, loopback: true, managedIdentityClientId: undefined, cacheSeconds: TTL_SECONDS, policy: POLICY, ...overrides };
    return createKeyVaultSecrets(config, {
      logger: logger(),
      clock,
      credential,
      failureBackoffMs: BACKOFF_MS,
      ...(observePolicy ? { observePolicy } : {}),
    });
  }

  beforeEach(async () => {
    vault = await startKeyVaultStandIn({ acceptToken: 'stub-access-token' });
    credential = stubTokenCredential('stub-access-token');
    nowMs = Date.parse('2026-03-15T10:00:00Z');
    logs = [];
  });
  afterEach(() => vault.close());

  it('reads a secret through the bearer challenge, asking the credential for the vault scope and tenant', async () => {
    vault.setSecret('SCHEDULER-API-KEY', API_KEY);
    const secrets = provider();

    assert.equal(secrets.kind, 'key-vault');
    assert.equal(await secrets.get('SCHEDULER-API-KEY'), API_KEY);
    assert.equal(vault.challenges, 1);
    assert.equal(vault.readsOf('SCHEDULER-API-KEY'), 1);
    assert.deepEqual(credential.requests, [{ scopes: ['https://vault.azure.net/.default'], tenantId: STAND_IN_TENANT_ID }]);
  });

  it('answers undefined for a secret that is not set, and caches that answer too', async () => {
    const secrets = provider();

    assert.equal(await secrets.get('SCHEDULER-CLIENT-ID'), undefined);
    advance(TTL_SECONDS * 1000 - 1);
    assert.equal(await secrets.get('SCHEDULER-CLIENT-ID'), undefined);
    assert.equal(vault.readsOf('SCHEDULER-CLIENT-ID'), 1);
  });

  it('serves a value from the cache within the TTL, and shares one read among concurrent callers', async () => {
    vault.setSecret('SCHEDULER-API-KEY', API_KEY);
    const secrets = provider();

    const values = await Promise.all(Array.from({ length: 10 }, () => secrets.get('SCHEDULER-API-KEY')));
    advance(TTL_SECONDS * 1000 - 1);
    values.push(await secrets.get('SCHEDULER-API-KEY'));

    assert.deepEqual(new Set(values), new Set([API_KEY]));
    assert.equal(vault.readsOf('SCHEDULER-API-KEY'), 1);
  });

  it('picks up a rotated value once the TTL has passed, and logs the new version without the value', async () => {
    vault.setSecret('SCHEDULER-CALLBACK-SECRET', 'callback-secret-version-one-0123456789');
    const secrets = provider();
    assert.equal(await secrets.get('SCHEDULER-CALLBACK-SECRET'), 'callback-secret-version-one-0123456789');

    const newVersion = vault.setSecret('SCHEDULER-CALLBACK-SECRET', 'callback-secret-version-two-0123456789');
    advance(TTL_SECONDS * 1000 - 1000);
    assert.equal(await secrets.get('SCHEDULER-CALLBACK-SECRET'), 'callback-secret-version-one-0123456789', 'still cached');
    advance(1000);
    assert.equal(await secrets.get('SCHEDULER-CALLBACK-SECRET'), 'callback-secret-version-two-0123456789');

    const changed = logs.map((line) => JSON.parse(line) as Record<string, unknown>).find((record) => record['msg'] === 'key_vault secret changed');
    assert.deepEqual({ name: changed?.['secret_name'], version: changed?.['version'] }, { name: 'SCHEDULER-CALLBACK-SECRET', version: newVersion });
    assert.ok(!logs.join('\n').includes('callback-secret-version'));
  });

  it('picks up a secret set after a "not set" answer once the TTL has passed', async () => {
    const secrets = provider();
    assert.equal(await secrets.get('SCHEDULER-CALLBACK-SECRET-PREVIOUS'), undefined);

    vault.setSecret('SCHEDULER-CALLBACK-SECRET-PREVIOUS', 'previous-callback-secret-0123456789ab');
    advance(TTL_SECONDS * 1000);

    assert.equal(await secrets.get('SCHEDULER-CALLBACK-SECRET-PREVIOUS'), 'previous-callback-secret-0123456789ab');
    assert.ok(logs.some((line) => line.includes('"msg":"key_vault secret set"')));
  });

  it('serves the last known value when Key Vault fails (after the policy retries), then waits out a backoff before asking again', async () => {
    vault.setSecret('SCHEDULER-API-KEY', API_KEY);
    const secrets = provider();
    assert.equal(await secrets.get('SCHEDULER-API-KEY'), API_KEY);

    vault.setReadMode({ kind: 'status', status: 503 });
    advance(TTL_SECONDS * 1000);
    assert.equal(await secrets.get('SCHEDULER-API-KEY'), API_KEY);
    assert.equal(vault.readsOf('SCHEDULER-API-KEY'), 1 + 3, 'the first read, then one attempt and two retries');
    const warning = logs.map((line) => JSON.parse(line) as Record<string, unknown>).find((record) => record['level'] === 'warn');
    assert.equal(warning?.['msg'], 'key_vault read failed; serving the last known answer');
    assert.equal(warning?.['reason'], 'HTTP 503 ServiceUnavailable');
    assert.deepEqual(await secrets.check(), { name: 'key_vault', status: 'down', breaker: 'closed', detail: 'secrets cannot be read (HTTP 503 ServiceUnavailable)' });

    advance(BACKOFF_MS - 1);
    assert.equal(await secrets.get('SCHEDULER-API-KEY'), API_KEY);
    assert.equal(vault.readsOf('SCHEDULER-API-KEY'), 4, 'no read during the backoff');

    vault.setReadMode({ kind: 'normal' });
    vault.setSecret('SCHEDULER-API-KEY', 'scheduler-api-key-from-the-vault-2');
    advance(1);
    assert.equal(await secrets.get('SCHEDULER-API-KEY'), 'scheduler-api-key-from-the-vault-2');
  });

  it('throws UnavailableError when Key Vault fails and nothing is known, without retrying during the backoff', async () => {
    vault.setReadMode({ kind: 'status', status: 503 });
    const secrets = provider();

    await assert.rejects(secrets.get('SCHEDULER-API-KEY'), (error: unknown) => {
      assert.ok(error instanceof UnavailableError);
      assert.equal(error.message, 'key_vault: SCHEDULER-API-KEY could not be read (HTTP 503 ServiceUnavailable)');
      return true;
    });
    await assert.rejects(secrets.get('SCHEDULER-API-KEY'), UnavailableError);
    assert.equal(vault.readsOf('SCHEDULER-API-KEY'), 3);
  });

  it('cuts a read that hangs at the timeout', async () => {
    vault.setReadMode({ kind: 'hang' });
    const secrets = provider({ policy: { ...POLICY, timeoutMs: 150, retry: { ...POLICY.retry, maxAttempts: 1 } } });

    const started = performance.now();
    await assert.rejects(secrets.get('SCHEDULER-API-KEY'), { name: 'UnavailableError', message: 'key_vault: SCHEDULER-API-KEY could not be read (timed out after 150 ms per attempt)' });
    assert.ok(performance.now() - started < 3_000, 'bounded by the timeout');
    assert.equal(vault.readsOf('SCHEDULER-API-KEY'), 1);
  });

  it('reports the vault ok, degraded (serving cached values) or down to /api/ready', async () => {
    const secrets = provider();
    assert.deepEqual(await secrets.check(), { name: 'key_vault', status: 'ok', breaker: 'closed', detail: 'secrets readable' });
    assert.equal(vault.readsOf(KEY_VAULT_PROBE_SECRET), 1);

    vault.setReadMode({ kind: 'status', status: 403 });
    advance(TTL_SECONDS * 1000);
    assert.deepEqual(await secrets.check(), { name: 'key_vault', status: 'degraded', breaker: 'closed', detail: 'serving cached secrets; reads are failing (access denied, HTTP 403 Forbidden)' });
  });

  it('retries 429 honouring Retry-After, and does not count a refusal (403) against the breaker', async () => {
    vault.setSecret('SCHEDULER-API-KEY', API_KEY);
    vault.setReadMode({ kind: 'status', status: 429, retryAfterSeconds: 0, failures: 2 });
    const secrets = provider();
    assert.equal(await secrets.get('SCHEDULER-API-KEY'), API_KEY);
    assert.equal(vault.readsOf('SCHEDULER-API-KEY'), 3, 'two throttled attempts, then the value');
  });

  it('opens its breaker after repeated failures: reads then fail at once without reaching the vault, and it closes again when the vault answers', async () => {
    vault.setReadMode({ kind: 'status', status: 503 });
    const states: string[] = [];
    const secrets = provider({ policy: { ...POLICY, breaker: { failureThreshold: 3, halfOpenAfterMs: 40 } } }, (policy) => policy.onStateChange((state) => states.push(state)));
    await assert.rejects(secrets.get('SCHEDULER-API-KEY'), UnavailableError);
    assert.equal(vault.readsOf('SCHEDULER-API-KEY'), 3);
    assert.deepEqual(states, ['open']);
    advance(BACKOFF_MS);
    await assert.rejects(secrets.get('SCHEDULER-API-KEY'), (error: unknown) => error instanceof UnavailableError && /circuit breaker open \(last: http_503\)/.test(error.message));
    assert.equal(vault.readsOf('SCHEDULER-API-KEY'), 3, 'no request while the breaker is open');
    assert.equal((await secrets.check()).breaker, 'open');

    vault.setReadMode({ kind: 'normal' });
    vault.setSecret('SCHEDULER-API-KEY', API_KEY);
    await new Promise((resolve) => setTimeout(resolve, 60));
    advance(BACKOFF_MS);
    assert.equal(await secrets.get('SCHEDULER-API-KEY'), API_KEY);
    assert.deepEqual(states, ['open', 'half_open', 'closed']);
  });

  it('is what the factory builds for a loopback KEYVAULT_URI, signing in with a placeholder token rather than a real credential', async () => {
    const open = await startKeyVaultStandIn();
    try {
      open.setSecret('SCHEDULER-CLIENT-ID', 'scheduler-client-7');
      const secrets = await createSecretsProvider(loadConfig({ KEYVAULT_URI: open.uri }).secrets, { logger: logger(), clock });

      assert.equal(secrets.kind, 'key-vault');
      assert.equal(await secrets.get('SCHEDULER-CLIENT-ID'), 'scheduler-client-7');
      assert.deepEqual(open.tokens, ['loopback-stand-in-placeholder-token']);
    } finally {
      await open.close();
    }
  });
});
