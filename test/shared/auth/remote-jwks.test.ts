// The remote JWKS key source, driven by a fake clock and a fake fetch that counts calls: keys are
// cached for their max age, an unknown kid refetches at most once per cooldown, and a failing or
// hanging endpoint is fetched a bounded number of times (exponential backoff with jitter, a 503
// with the seconds until the next attempt), then recovers.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { errors, type FlattenedJWSInput, type JSONWebKeySet } from 'jose';
import { KeysUnavailableError } from '../../../shared/auth/key-source.js';
import { BACKOFF_JITTER, createRemoteJwks, JWKS_TIMEOUT_MS, type JwksFetchEvent, type RemoteJwksOptions } from '../../../shared/auth/remote-jwks.js';
import { createTestKey, type TestKey } from '../../support/test-issuer.js';

const T0 = Date.parse('2026-11-23T10:00:00Z');
const JWKS_URI = 'https://login.example.com/common/discovery/v2.0/keys';
const TOKEN = { payload: '', signature: '' } as FlattenedJWSInput;

type Mode = { kind: 'ok'; jwks: JSONWebKeySet } | { kind: 'status'; status: number } | { kind: 'hang' } | { kind: 'throw'; error: Error } | { kind: 'body'; body: string };

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
        return new Response('unavailable', { status: mode.status });
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

/** A key source on a fake clock; `timeoutSignal` hands the test a way to end a hanging fetch. */
function source(fetch: typeof globalThis.fetch, overrides: Partial<RemoteJwksOptions> = {}) {
  const clock = { now: T0 };
  const events: JwksFetchEvent[] = [];
  const timeouts: Array<() => void> = [];
  const keys = createRemoteJwks({
    jwksUri: JWKS_URI,
    cacheMaxAgeMs: 600_000,
    cooldownMs: 30_000,
    failureBackoffMs: 2_000,
    failureBackoffMaxMs: 60_000,
    fetch,
    now: () => new Date(clock.now),
    random: () => 0,
    onFetch: (event) => events.push(event),
    timeoutSignal: () => {
      const controller = new AbortController();
      timeouts.push(() => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')));
      return controller.signal;
    },
    ...overrides,
  });
  const keyFor = async (kid: string) => keys.getKey({ alg: 'RS256', kid }, TOKEN);
  return { keys, clock, events, keyFor, timeOut: () => timeouts.splice(0).forEach((abort) => abort()) };
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
    it('makes no fetch during the backoff: 12 requests while it answers 500 cause one fetch, each answered at once with Retry-After', async () => {
      const endpoint = fakeEndpoint({ kind: 'status', status: 500 });
      const { keyFor, clock } = source(endpoint.fetch);
      const retryAfter: number[] = [];
      for (let i = 0; i < 12; i += 1) {
        retryAfter.push((await unavailable(keyFor('key-a'))).retryAfterSeconds);
        clock.now += 100;
      }
      assert.equal(endpoint.state.fetches, 1);
      assert.deepEqual(retryAfter, [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1], 'the seconds until the next attempt, rounded up');
    });

    it('doubles the backoff with each consecutive failure up to the cap', async () => {
      const endpoint = fakeEndpoint({ kind: 'status', status: 503 });
      const { keyFor, clock, events } = source(endpoint.fetch, { failureBackoffMs: 1_000, failureBackoffMaxMs: 10_000 });
      const waits: number[] = [];
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const error = await unavailable(keyFor('key-a'));
        waits.push(error.retryAfterSeconds);
        clock.now += error.retryAfterSeconds * 1000 - 1;
        await unavailable(keyFor('key-a'));
        clock.now += 1;
      }
      assert.deepEqual(waits, [1, 2, 4, 8, 10, 10]);
      assert.equal(endpoint.state.fetches, 6, 'one fetch per backoff period, none inside one');
      assert.deepEqual(
        events.map((event) => event.outcome === 'failed' && [event.consecutiveFailures, event.retryInMs]),
        [[1, 1_000], [2, 2_000], [3, 4_000], [4, 8_000], [5, 10_000], [6, 10_000]],
      );
      assert.ok(events.every((event) => event.outcome === 'failed' && event.error === 'JwksStatusError: the JWKS endpoint answered HTTP 503' && event.errorType === 'http_503'));
    });

    it('shortens each pause by a random part of at most the jitter, never lengthening it', async () => {
      for (const [random, expectedMs] of [[0, 2_000], [0.5, 2_000 * (1 - BACKOFF_JITTER / 2)], [0.999_999, 2_000 * (1 - BACKOFF_JITTER)]] as const) {
        const { keyFor, events } = source(fakeEndpoint({ kind: 'status', status: 500 }).fetch, { random: () => random });
        await unavailable(keyFor('key-a'));
        const event = events[0];
        assert.equal(event?.outcome === 'failed' && event.retryInMs, Math.round(expectedMs), `random ${random}`);
      }
    });

    it('recovers after the backoff: the next request fetches, and a success resets the backoff', async () => {
      const endpoint = fakeEndpoint({ kind: 'status', status: 500 });
      const { keyFor, clock } = source(endpoint.fetch, { cooldownMs: 0, cacheMaxAgeMs: 60_000 });
      await unavailable(keyFor('key-a'));
      clock.now += 2_000;
      await unavailable(keyFor('key-a'));
      endpoint.state.mode = { kind: 'ok', jwks: setOf(keyA) };
      clock.now += 3_999;
      await unavailable(keyFor('key-a'));
      assert.equal(endpoint.state.fetches, 2, 'still in the second, longer pause');

      clock.now += 1;
      await keyFor('key-a');
      assert.equal(endpoint.state.fetches, 3);

      endpoint.state.mode = { kind: 'status', status: 500 };
      clock.now += 60_000;
      assert.equal((await unavailable(keyFor('key-a'))).retryAfterSeconds, 2, 'back to the first pause');
    });

    it('while the endpoint hangs, only the probing request waits; the others are answered at once and none fetches', async () => {
      const endpoint = fakeEndpoint({ kind: 'hang' });
      const { keyFor, clock, timeOut, events } = source(endpoint.fetch);
      const first = unavailable(keyFor('key-a'));
      const joined = unavailable(keyFor('key-a'));
      assert.equal(endpoint.state.fetches, 1, 'requests during the first fetch share it');
      clock.now += JWKS_TIMEOUT_MS;
      timeOut();
      assert.equal((await first).retryAfterSeconds, 2);
      assert.equal((await joined).retryAfterSeconds, 2);

      for (let i = 0; i < 10; i += 1) await unavailable(keyFor('key-a'));
      assert.equal(endpoint.state.fetches, 1, 'no fetch during the backoff');

      clock.now += 2_000;
      const probe = unavailable(keyFor('key-a'));
      assert.equal(endpoint.state.fetches, 2);
      const during = await unavailable(keyFor('key-a'));
      assert.equal(during.retryAfterSeconds, JWKS_TIMEOUT_MS / 1000, 'answered at once while the probe hangs');
      assert.equal(endpoint.state.fetches, 2);
      timeOut();
      assert.equal((await probe).retryAfterSeconds, 4);
      assert.deepEqual(
        events.map((event) => event.outcome === 'failed' && event.errorType),
        ['timeout', 'timeout'],
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
        assert.equal(error.retryAfterSeconds, 2, mode.kind);
        const event = events[0];
        assert.equal(event?.outcome === 'failed' && event.errorType, errorType, JSON.stringify(mode));
      }
    });

    it('keeps serving cached keys that are still fresh while a refetch for an unknown kid fails', async () => {
      const endpoint = fakeEndpoint({ kind: 'ok', jwks: setOf(keyA) });
      const { keyFor, clock } = source(endpoint.fetch, { cooldownMs: 0 });
      await keyFor('key-a');
      endpoint.state.mode = { kind: 'status', status: 500 };
      clock.now += 1_000;
      await unavailable(keyFor('key-b'));
      await unavailable(keyFor('key-b'));
      assert.equal(endpoint.state.fetches, 2);
      assert.equal(((await keyFor('key-a')) as CryptoKey).type, 'public', 'a known kid needs no fetch');
    });
  });

  it('refuses a backoff that is not positive or a cap shorter than it', () => {
    const { fetch } = fakeEndpoint({ kind: 'ok', jwks: { keys: [] } });
    assert.throws(() => source(fetch, { failureBackoffMs: 0 }), TypeError);
    assert.throws(() => source(fetch, { failureBackoffMs: 5_000, failureBackoffMaxMs: 4_000 }), TypeError);
  });
});
