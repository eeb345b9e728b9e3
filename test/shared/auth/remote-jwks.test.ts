// The remote JWKS key source, driven by a fake clock and a fake fetch that counts calls: keys are
// cached for their max age, an unknown kid refetches at most once per cooldown, and a failing or
// hanging endpoint is fetched a bounded number of times under the `jwks` policy (a retry with
// Retry-After honoured, a breaker that then answers 503 at once with the seconds until its
// probe), then recovers. Policy durations are a few milliseconds; the only wait is the breaker's pause.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, describe, it } from 'node:test';
import { errors, type FlattenedJWSInput, type JSONWebKeySet } from 'jose';
import { KeysUnavailableError } from '../../../shared/auth/key-source.js';
import { createRemoteJwks, type JwksFetchEvent, type RemoteJwksOptions } from '../../../shared/auth/remote-jwks.js';
import type { DependencyPolicySettings, RetryEvent } from '../../../shared/resilience/dependency-policy.js';
import { createTestKey, type TestKey } from '../../support/test-issuer.js';

const T0 = Date.parse('2026-11-23T10:00:00Z');
const JWKS_URI = 'https://login.example.com/common/discovery/v2.0/keys';
const TOKEN = { payload: '', signature: '' } as FlattenedJWSInput;

type Mode =
  | { kind: 'ok'; jwks: JSONWebKeySet }
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'throw'; error: Error }
  | { kind: 'body'; body: string };

/** Two attempts a few ms apart; one failed fetch (two attempts) opens the breaker for 40 ms. */
const POLICY: DependencyPolicySettings = { timeoutMs: 1_000, retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 20 }, breaker: { failureThreshold: 2, halfOpenAfterMs: 40 } };
/** Longer than the breaker's pause. */
const PAUSE_MS = 50;

/** A fake JWKS endpoint: answers as `mode` says, counts fetches, keeps the last request. */
function fakeEndpoint(initial: Mode) {
  const state = { mode: initial, fetches: 0, lastInit: undefined as RequestInit | undefined, lastUrl: '' };
  const fetch: typeof globalThis.fetch = async (url, init) => {
    state.fetches += 1;
    state.lastInit = init;
    state.lastUrl = url instanceof Request ? url.url : url.toString();
    const mode = state.mode;
    switch (mode.kind) {
      case 'ok':
        return Response.json(mode.jwks);
      case 'status':
        return new Response('unavailable', { status: mode.status, headers: mode.headers ?? {} });
      case 'throw':
        throw mode.error;
      case 'body':
        return new Response(mode.body, { status: 200, headers: { 'content-type': 'application/json' } });
      case 'hang':
        return new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(abortReason(init.signal)));
        });
    }
  };
  return { state, fetch };
}

function abortReason(signal: AbortSignal | null | undefined): Error {
  return signal?.reason instanceof Error ? signal.reason : new Error('aborted');
}

/** A key source on a fake clock, recording its fetch events, retries and breaker changes. */
function source(fetch: typeof globalThis.fetch, overrides: Partial<RemoteJwksOptions> = {}) {
  const clock = { now: T0 };
  const events: JwksFetchEvent[] = [];
  const retries: RetryEvent[] = [];
  const states: string[] = [];
  const keys = createRemoteJwks({
    jwksUri: JWKS_URI,
    cacheMaxAgeMs: 600_000,
    cooldownMs: 30_000,
    policy: POLICY,
    fetch,
    now: () => new Date(clock.now),
    random: () => 0,
    onFetch: (event) => events.push(event),
    observePolicy: (policy) => {
      policy.onRetry((event) => retries.push(event));
      policy.onStateChange((state) => states.push(state));
    },
    ...overrides,
  });
  const keyFor = async (kid: string) => keys.getKey({ alg: 'RS256', kid }, TOKEN);
  return { keys, clock, events, retries, states, keyFor };
}

/** Resolves to the KeysUnavailableError `promise` rejects with. */
async function unavailable(promise: Promise<unknown>): Promise<KeysUnavailableError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof KeysUnavailableError, `expected KeysUnavailableError, got ${String(error)}`);
    return error;
  }
  assert.fail('the keys were read');
}

let keyA: TestKey;
let keyB: TestKey;
const setOf = (...keys: TestKey[]): JSONWebKeySet => ({ keys: keys.map((key) => key.publicJwk) });

describe('createRemoteJwks', () => {
  before(async () => {
    keyA = await createTestKey('key-a');
    keyB = await createTestKey('key-b');
  });

  describe('when the endpoint answers', () => {
    it('fetches once, with a GET that follows no redirect and carries the timeout signal, then serves from memory', async () => {
      const endpoint = fakeEndpoint({ kind: 'ok', jwks: setOf(keyA) });
      const { keyFor, events } = source(endpoint.fetch);
      const key = await keyFor('key-a');
      await keyFor('key-a');

      assert.equal((key as CryptoKey).type, 'public');
      assert.equal(endpoint.state.fetches, 1);
      assert.equal(endpoint.state.lastUrl, JWKS_URI);
      assert.equal(endpoint.state.lastInit?.method, 'GET');
      assert.equal(endpoint.state.lastInit?.redirect, 'manual');
      assert.ok(endpoint.state.lastInit?.signal instanceof AbortSignal);
      assert.deepEqual(events, [{ outcome: 'ok', keyCount: 1, durationMs: 0 }]);
    });

    it('refetches once the keys are older than the cache max age', async () => {
      const endpoint = fakeEndpoint({ kind: 'ok', jwks: setOf(keyA) });
      const { keyFor, clock } = source(endpoint.fetch);
      await keyFor('key-a');
      clock.now += 599_999;
      await keyFor('key-a');
      assert.equal(endpoint.state.fetches, 1);
      clock.now += 1;
      await keyFor('key-a');
      assert.equal(endpoint.state.fetches, 2);
    });

    it('refetches for an unknown kid at most once per cooldown after a good fetch', async () => {
      const endpoint = fakeEndpoint({ kind: 'ok', jwks: setOf(keyA) });
      const { keyFor, clock } = source(endpoint.fetch);
      await keyFor('key-a');
      endpoint.state.mode = { kind: 'ok', jwks: setOf(keyA, keyB) };

      await assert.rejects(keyFor('key-b'), errors.JWKSNoMatchingKey, 'within the cooldown');
      assert.equal(endpoint.state.fetches, 1);
      clock.now += 30_000;
      await keyFor('key-b');
      assert.equal(endpoint.state.fetches, 2);
      for (let i = 0; i < 5; i += 1) await assert.rejects(keyFor(`random-${i}`), errors.JWKSNoMatchingKey);
      assert.equal(endpoint.state.fetches, 2, 'unknown kids cannot make it fetch again within the cooldown');
    });

    it('reports the identity of the key a kid names in the current set, following refreshes', async () => {
      const endpoint = fakeEndpoint({ kind: 'ok', jwks: setOf(keyA) });
      const { keys, keyFor, clock } = source(endpoint.fetch);
      assert.equal(keys.keyIdentity('key-a'), undefined, 'nothing before the first fetch');
      await keyFor('key-a');
      const identityA = keys.keyIdentity('key-a');
      assert.match(identityA ?? '', /^key-a#/);
      assert.equal(keys.keyIdentity('key-b'), undefined);

      const otherMaterial = await createTestKey('key-a');
      endpoint.state.mode = { kind: 'ok', jwks: setOf(otherMaterial, keyB) };
      clock.now += 600_000;
      await keyFor('key-b');
      assert.notEqual(keys.keyIdentity('key-a'), undefined);
      assert.notEqual(keys.keyIdentity('key-a'), identityA, 'the same kid with other material is another key');
      assert.match(keys.keyIdentity('key-b') ?? '', /^key-b#/);
    });
  });

  describe('when the endpoint fails', () => {
    it('retries a failed fetch once (waiting what Retry-After asks, capped), then opens the breaker: 12 requests cause no further fetch, each answered at once with Retry-After', async () => {
      const endpoint = fakeEndpoint({ kind: 'status', status: 503, headers: { 'retry-after': '1' } });
      const { keyFor, events, retries, states } = source(endpoint.fetch);
      const retryAfter: number[] = [];
      for (let i = 0; i < 12; i += 1) retryAfter.push((await unavailable(keyFor('key-a'))).retryAfterSeconds);
      assert.equal(endpoint.state.fetches, 2, 'one fetch of two attempts');
      assert.deepEqual(retryAfter, Array(12).fill(1), 'the seconds until the probe, rounded up');
      assert.deepEqual(retries.map((event) => [event.errorClass, event.delayMs]), [['http_503', 20]], 'Retry-After: 1 s, capped at the longest pause');
      assert.deepEqual(states, ['open']);
      assert.deepEqual(events, [{ outcome: 'failed', consecutiveFailures: 1, retryInMs: 1_000, durationMs: 0, error: 'JwksStatusError: the JWKS endpoint answered HTTP 503', errorType: 'http_503' }]);
    });

    it('recovers after the breaker pause: one request probes, a success closes the breaker, a failure opens it again for another pause', async () => {
      const endpoint = fakeEndpoint({ kind: 'status', status: 500 });
      const { keyFor, states, events } = source(endpoint.fetch, { cooldownMs: 0, cacheMaxAgeMs: 60_000 });
      await unavailable(keyFor('key-a'));
      await sleep(PAUSE_MS);
      await unavailable(keyFor('key-a'));
      assert.equal(endpoint.state.fetches, 3, 'the probe is one attempt: its failure reopens the breaker before a retry');
      await unavailable(keyFor('key-a'));
      assert.equal(endpoint.state.fetches, 3);

      endpoint.state.mode = { kind: 'ok', jwks: setOf(keyA) };
      await sleep(PAUSE_MS);
      assert.equal(((await keyFor('key-a')) as CryptoKey).type, 'public');
      assert.equal(endpoint.state.fetches, 4);
      assert.deepEqual(states, ['open', 'half_open', 'open', 'half_open', 'closed']);
      assert.deepEqual(events.map((event) => event.outcome === 'failed' ? event.consecutiveFailures : event.outcome), [1, 2, 'ok']);
    });

    it('cuts each attempt of a hanging fetch at the timeout; only the probing request waits, the others are answered at once and none fetches', async () => {
      const endpoint = fakeEndpoint({ kind: 'hang' });
      const { keyFor, events } = source(endpoint.fetch, { policy: { ...POLICY, timeoutMs: 20 } });
      const first = unavailable(keyFor('key-a'));
      const joined = unavailable(keyFor('key-a'));
      assert.equal(endpoint.state.fetches, 1, 'requests during the first fetch share it');
      assert.equal((await first).retryAfterSeconds, 1);
      assert.equal((await joined).retryAfterSeconds, 1);
      assert.equal(endpoint.state.fetches, 2, 'two attempts of 20 ms');

      for (let i = 0; i < 10; i += 1) await unavailable(keyFor('key-a'));
      assert.equal(endpoint.state.fetches, 2, 'no fetch while the breaker is open');

      await sleep(PAUSE_MS);
      const probe = unavailable(keyFor('key-a'));
      assert.equal(endpoint.state.fetches, 3);
      const during = await unavailable(keyFor('key-a'));
      assert.equal(during.retryAfterSeconds, 1, 'answered at once while the probe hangs');
      assert.equal(endpoint.state.fetches, 3);
      await probe;
      assert.deepEqual(
        events.map((event) => event.outcome === 'failed' && [event.errorType, event.error]),
        [['timeout', 'TimeoutError: no answer within 20 ms'], ['timeout', 'TimeoutError: no answer within 20 ms']],
      );
    });

    it('counts a network error, a redirect, a body that is not JSON and JSON that is not a key set as failures, each with its class', async () => {
      const modes: Array<[Mode, string]> = [
        [{ kind: 'throw', error: new TypeError('fetch failed') }, 'network'],
        [{ kind: 'status', status: 302 }, 'http_302'],
        [{ kind: 'body', body: '<html>' }, 'invalid_key_set'],
        [{ kind: 'body', body: '{"hello":"world"}' }, 'invalid_key_set'],
      ];
      for (const [mode, errorType] of modes) {
        const endpoint = fakeEndpoint(mode);
        const { keyFor, events } = source(endpoint.fetch);
        const error = await unavailable(keyFor('key-a'));
        assert.equal(error.retryAfterSeconds, 1, mode.kind);
        assert.equal(endpoint.state.fetches, 2, `${mode.kind}: retried once`);
        const event = events[0];
        assert.equal(event?.outcome === 'failed' && event.errorType, errorType, JSON.stringify(mode));
      }
    });

    it('keeps serving cached keys that are still fresh while fetches for an unknown kid fail', async () => {
      const endpoint = fakeEndpoint({ kind: 'ok', jwks: setOf(keyA) });
      const { keyFor, clock } = source(endpoint.fetch, { cooldownMs: 0 });
      await keyFor('key-a');
      endpoint.state.mode = { kind: 'status', status: 500 };
      clock.now += 1_000;
      await unavailable(keyFor('key-b'));
      await unavailable(keyFor('key-b'));
      assert.equal(endpoint.state.fetches, 3, 'the first fetch, then one failed fetch of two attempts; the breaker answers the second request');
      assert.equal(((await keyFor('key-a')) as CryptoKey).type, 'public', 'a known kid needs no fetch');
    });
  });

  describe('readiness', () => {
    it('is ok with fresh keys, degraded while fetches fail beside them, and down at once without keys while the breaker is open', async () => {
      const endpoint = fakeEndpoint({ kind: 'ok', jwks: setOf(keyA, keyB) });
      const { keys, keyFor, clock } = source(endpoint.fetch, { cooldownMs: 0 });
      assert.deepEqual(await keys.check(), { name: 'jwks', status: 'ok', breaker: 'closed', detail: '2 signing keys, fetched now' }, 'a check without keys fetches them');
      clock.now += 2_000;
      assert.deepEqual(await keys.check(), { name: 'jwks', status: 'ok', breaker: 'closed', detail: '2 signing keys, fetched 2 s ago' });
      assert.equal(endpoint.state.fetches, 1);

      endpoint.state.mode = { kind: 'status', status: 503 };
      await unavailable(keyFor('key-c'));
      assert.deepEqual(await keys.check(), { name: 'jwks', status: 'degraded', breaker: 'open', detail: '2 signing keys, fetched 2 s ago; fetches are failing (last: http_503)' });

      clock.now += 600_000;
      assert.deepEqual(await keys.check(), { name: 'jwks', status: 'down', breaker: 'open', detail: 'no signing keys: fetches are failing (last: http_503); retry in 1 s' });
      assert.equal(endpoint.state.fetches, 3, 'the check made no request while the breaker is open');
      assert.equal(keys.name, 'jwks');
    });
  });
});
