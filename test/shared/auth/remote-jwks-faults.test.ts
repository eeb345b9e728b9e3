// The Entra JWKS key source against a real HTTP issuer behind a fault-injecting proxy: 503 and 429
// with Retry-After are retried a bounded number of times, a hanging endpoint is cut per attempt, a
// refused connection is a network failure, and repeated failures open the `jwks` breaker (token
// checks that need keys then get 503 at once, without a request) until a probe after the pause
// succeeds. In `entra` mode the app lists `jwks` in /api/ready. Policy durations are a few
// milliseconds; the only wait is the breaker's pause.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { FlattenedJWSInput } from 'jose';
import { KeysUnavailableError } from '../../../shared/auth/key-source.js';
import { createRemoteJwks, type JwksFetchEvent, type RemoteJwks } from '../../../shared/auth/remote-jwks.js';
import { loadConfig } from '../../../shared/config/load-config.js';
import { createApp, type App } from '../../../shared/context/create-app.js';
import type { DependencyPolicySettings, RetryEvent } from '../../../shared/resilience/dependency-policy.js';
import { fixedClock } from '../../../shared/time/clock.js';
import { startFaultServer, type FaultServer } from '../../support/fault-server.js';
import { APP_ID_URI, startTestIssuer, TENANT_A, type TestIssuer } from '../../support/test-issuer.js';
import { answerText } from '../../../shared/http/http-answer.js';

const NOW = new Date('2026-06-15T12:00:00Z');
const TOKEN = { payload: '', signature: '' } as FlattenedJWSInput;
/** Three attempts, pauses of at most 20 ms; four failed attempts open the breaker for 40 ms. */
const POLICY: DependencyPolicySettings = { timeoutMs: 2_000, retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 20 }, breaker: { failureThreshold: 4, halfOpenAfterMs: 40 } };
/** Longer than the breaker's pause. */
const PAUSE_MS = 50;

describe('remote JWKS under faults (a fault-injecting proxy before a JWKS issuer)', () => {
  let issuer: TestIssuer;
  let proxy: FaultServer;

  before(async () => {
    issuer = await startTestIssuer({ now: NOW });
    proxy = await startFaultServer({ upstream: new URL(issuer.jwksUri).origin });
  });
  after(async () => {
    await proxy?.stop();
    await issuer?.close();
  });

  /** A key source fetching through the proxy, recording its fetches, retries and breaker changes. */
  function keysThroughProxy(policy: DependencyPolicySettings = POLICY): { keys: RemoteJwks; events: JwksFetchEvent[]; retries: RetryEvent[]; states: string[]; currentKey: () => Promise<unknown> } {
    const events: JwksFetchEvent[] = [];
    const retries: RetryEvent[] = [];
    const states: string[] = [];
    const keys = createRemoteJwks({
      jwksUri: proxy.url('/keys'),
      cacheMaxAgeMs: 600_000,
      cooldownMs: 0,
      policy,
      fetch: globalThis.fetch,
      now: () => NOW,
      onFetch: (event) => events.push(event),
      observePolicy: (policy) => {
        policy.onRetry((event) => retries.push(event));
        policy.onStateChange((state) => states.push(state));
      },
    });
    return { keys, events, retries, states, currentKey: async () => keys.getKey({ alg: 'RS256', kid: issuer.currentKey.kid }, TOKEN) };
  }

  async function unavailable(promise: Promise<unknown>): Promise<KeysUnavailableError> {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof KeysUnavailableError, `expected KeysUnavailableError, got ${String(error)}`);
      return error;
    }
    assert.fail('the keys were read');
  }

  const requestsDuring = async (run: () => Promise<unknown>) => {
    const before = proxy.requests;
    await run().catch(() => {});
    return proxy.requests - before;
  };

  it('retries a 503 and a 429 (waiting what Retry-After asks, capped by the longest pause), then reads the keys', async () => {
    const { currentKey, retries, events } = keysThroughProxy();
    proxy.plan({ kind: 'status', status: 503, headers: { 'retry-after': '1' } }, { kind: 'status', status: 429, headers: { 'retry-after': '0' } });
    assert.equal(await requestsDuring(async () => assert.equal(((await currentKey()) as CryptoKey).type, 'public')), 3);
    assert.deepEqual(retries.map((event) => [event.errorClass, event.delayMs]), [['http_503', 20], ['http_429', 0]]);
    assert.deepEqual(events.map((event) => event.outcome), ['ok']);
  });

  it('cuts each attempt of a hanging endpoint at the timeout, and counts a refused connection as a network failure', async () => {
    const hanging = keysThroughProxy({ ...POLICY, timeoutMs: 50 });
    proxy.setMode({ kind: 'hang' });
    try {
      const started = performance.now();
      await unavailable(hanging.currentKey());
      assert.ok(performance.now() - started < 1_000, 'three attempts of 50 ms and two short pauses');
      assert.deepEqual(hanging.events.map((event) => event.outcome === 'failed' && event.errorType), ['timeout']);
    } finally {
      proxy.setMode({ kind: 'forward' });
    }

    const refused = keysThroughProxy();
    await proxy.stop();
    try {
      await unavailable(refused.currentKey());
      assert.deepEqual(refused.events.map((event) => event.outcome === 'failed' && event.errorType), ['network']);
      assert.deepEqual(refused.retries.map((event) => event.errorClass), ['network', 'network']);
    } finally {
      await proxy.restart();
    }
  });

  it('opens its breaker after repeated failures: token checks that need keys get 503 at once and readiness says down; a probe after the pause closes it', async () => {
    const { keys, currentKey, states } = keysThroughProxy();
    proxy.setMode({ kind: 'status', status: 503 });
    try {
      assert.equal(await requestsDuring(currentKey), 3);
      assert.equal(await requestsDuring(currentKey), 1, 'the fourth failed attempt opens the breaker and ends the retries');
      assert.deepEqual(states, ['open']);
      let fast: KeysUnavailableError | undefined;
      assert.equal(await requestsDuring(async () => (fast = await unavailable(currentKey()))), 0, 'no request while the breaker is open');
      assert.equal(fast?.retryAfterSeconds, 1);
      assert.deepEqual(fast?.details, { dependency: 'jwks', jwksUri: proxy.url('/keys') });
      assert.deepEqual(await keys.check(), { name: 'jwks', status: 'down', breaker: 'open', detail: 'no signing keys: fetches are failing (last: http_503); retry in 1 s' });
    } finally {
      proxy.setMode({ kind: 'forward' });
    }

    await sleep(PAUSE_MS);
    assert.equal(((await currentKey()) as CryptoKey).type, 'public');
    assert.deepEqual(states, ['open', 'half_open', 'closed']);
    assert.deepEqual(await keys.check(), { name: 'jwks', status: 'ok', breaker: 'closed', detail: '1 signing key, fetched 0 s ago' });
  });

  describe('in the app (AUTH_MODE=entra)', () => {
    let app: App;
    before(async () => {
      const config = loadConfig(
        {
          SQLITE_PATH: ':memory:',
          SEED_CUSTOMER_COUNT: '3',
          AUTH_MODE: 'entra',
          AUTH_AUDIENCE: APP_ID_URI,
          ALLOWED_TENANTS: TENANT_A,
          ENTRA_JWKS_URI: proxy.url('/keys'),
          JWKS_COOLDOWN_MS: '0',
          JWKS_TIMEOUT_MS: '2000',
          JWKS_RETRY_MAX_ATTEMPTS: '2',
          JWKS_RETRY_INITIAL_DELAY_MS: '1',
          JWKS_RETRY_MAX_DELAY_MS: '5',
          JWKS_BREAKER_FAILURES: '2',
          JWKS_BREAKER_HALF_OPEN_MS: '40',
        },
        NOW,
      );
      app = await createApp(config, { clock: fixedClock(NOW.toISOString()), logSink: () => {} });
    });
    after(async () => app?.close());

    const ready = async () => {
      const res = await app.handlers.health.readiness();
      return (JSON.parse(answerText(res)) as { dependencies?: Array<Record<string, unknown>> }).dependencies?.find((entry) => entry.name === 'jwks');
    };
    const authenticate = async (token: string) => app.services.auth.authenticate({ url: 'http://localhost/api/mcp', headers: new Headers({ authorization: `Bearer ${token}` }) });

    it('lists jwks in /api/ready, and answers 503 at once while its breaker is open', async () => {
      assert.deepEqual(await ready(), { name: 'jwks', status: 'ok', breaker: 'closed', detail: '1 signing key, fetched now' });
      const rotated = await issuer.rotate(); // a token signed with the new key needs the key set fetched again
      proxy.setMode({ kind: 'status', status: 503 });
      try {
        const token = await issuer.signV1({}, { key: rotated });
        const first = await authenticate(token);
        assert.deepEqual(first.ok ? undefined : [first.answer.status, first.reason], [503, 'jwks_unavailable']);
        assert.equal(await requestsDuring(() => authenticate(token)), 0, 'answered without a request while the breaker is open');
        assert.deepEqual(await ready(), { name: 'jwks', status: 'degraded', breaker: 'open', detail: '1 signing key, fetched 0 s ago; fetches are failing (last: http_503)' });
      } finally {
        proxy.setMode({ kind: 'forward' });
      }
      await sleep(PAUSE_MS);
      assert.equal((await authenticate(await issuer.signV1({}, { key: rotated }))).ok, true);
      assert.deepEqual((await ready())?.status, 'ok');
    });
  });
});
