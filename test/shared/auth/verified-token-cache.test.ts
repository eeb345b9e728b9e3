// The verified-token cache: successes are reused until the token's exp, the cache's max age, or
// a key set that no longer holds the key that verified them; failures never are; the cache stays
// bounded; and a hit never waits for a failing or hanging JWKS endpoint. Fake clocks throughout.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { entraIssuers } from '../../../shared/auth/entra-issuers.js';
import type { KeyIdentityView } from '../../../shared/auth/key-source.js';
import { createRemoteJwks, type RemoteJwksOptions } from '../../../shared/auth/remote-jwks.js';
import { withVerifiedTokenCache } from '../../../shared/auth/verified-token-cache.js';
import { createAccessTokenVerifier, type AccessTokenVerifier } from '../../../shared/auth/verify-access-token.js';
import { developmentPrincipal } from '../../../shared/identity/principal.js';
import { APP_ID_URI, AUTHORITY_HOST, CLIENT_ID, REQUIRED_SCOPE, startTestIssuer, TENANT_A, type TestIssuer } from '../../support/test-issuer.js';

const T0 = Date.parse('2026-11-23T10:00:00Z');

/** `keyId` null: a token without a kid. */
function countingVerifier(results: Record<string, 'ok' | 'bad'>, expSeconds: number, keyId: string | null = 'k1') {
  const calls: string[] = [];
  const verify: AccessTokenVerifier = async (token) => {
    calls.push(token);
    if (results[token] === 'ok') {
      return { ok: true, principal: developmentPrincipal([]), claims: { tid: 't', sub: token, exp: expSeconds }, ...(keyId ? { keyId } : {}) };
    }
    return { ok: false, status: 401, error: 'invalid_token', reason: 'bad_signature' };
  };
  return { verify, calls };
}

/** A key set view whose kid → identity map the test changes, as a JWKS refresh would. */
function fakeKeys(initial: Record<string, string> = { k1: 'k1#a' }): KeyIdentityView & { set: Map<string, string> } {
  const set = new Map(Object.entries(initial));
  return { set, keyIdentity: (kid) => set.get(kid) };
}

describe('withVerifiedTokenCache', () => {
  it('verifies a good token once while it is fresh, then again after max age', async () => {
    let now = T0;
    const { verify, calls } = countingVerifier({ good: 'ok' }, T0 / 1000 + 3600);
    const cached = withVerifiedTokenCache(verify, { now: () => new Date(now), keys: fakeKeys(), maxAgeMs: 60_000 });
    assert.equal((await cached('good')).ok, true);
    assert.equal((await cached('good')).ok, true);
    assert.equal(calls.length, 1);
    now += 61_000;
    await cached('good');
    assert.equal(calls.length, 2);
  });

  it('never trusts a cached token past its exp', async () => {
    let now = T0;
    const { verify, calls } = countingVerifier({ short: 'ok' }, T0 / 1000 + 10);
    const cached = withVerifiedTokenCache(verify, { now: () => new Date(now), keys: fakeKeys() });
    await cached('short');
    now += 11_000;
    await cached('short');
    assert.equal(calls.length, 2);
  });

  it('does not cache failures', async () => {
    const { verify, calls } = countingVerifier({}, T0 / 1000 + 3600);
    const cached = withVerifiedTokenCache(verify, { now: () => new Date(T0), keys: fakeKeys() });
    assert.equal((await cached('bad')).ok, false);
    assert.equal((await cached('bad')).ok, false);
    assert.equal(calls.length, 2);
  });

  it('stays bounded, dropping the oldest entry', async () => {
    const { verify, calls } = countingVerifier({ a: 'ok', b: 'ok', c: 'ok' }, T0 / 1000 + 3600);
    const cached = withVerifiedTokenCache(verify, { now: () => new Date(T0), keys: fakeKeys(), maxEntries: 2 });
    for (const token of ['a', 'b', 'c', 'c', 'b', 'a']) await cached(token);
    assert.deepEqual(calls, ['a', 'b', 'c', 'a']);
  });

  it('answers each token with its own result when clients alternate, and re-verifies the last hit once it is evicted', async () => {
    const { verify, calls } = countingVerifier({ a: 'ok', b: 'ok', c: 'ok' }, T0 / 1000 + 3600);
    const cached = withVerifiedTokenCache(verify, { now: () => new Date(T0), keys: fakeKeys(), maxEntries: 2 });
    for (const token of ['a', 'b', 'a', 'a', 'b', 'b', 'a']) {
      const result = await cached(token);
      assert.equal(result.ok && result.claims.sub, token);
    }
    assert.deepEqual(calls, ['a', 'b']);
    // 'a' was the last hit; 'c' evicts it (the oldest entry), so 'a' must be verified again.
    await cached('c');
    assert.equal((await cached('a')).ok, true);
    assert.deepEqual(calls, ['a', 'b', 'c', 'a']);
  });

  it('drops an entry once the key set no longer holds the key that verified it, and verifies again', async () => {
    const keys = fakeKeys();
    const { verify, calls } = countingVerifier({ good: 'ok' }, T0 / 1000 + 3600);
    const cached = withVerifiedTokenCache(verify, { now: () => new Date(T0), keys });
    await cached('good');
    await cached('good');
    assert.equal(calls.length, 1);

    keys.set.delete('k1');
    await cached('good');
    assert.equal(calls.length, 2, 're-verified once the key was dropped');
    await cached('good');
    assert.equal(calls.length, 3, 'not cached again while its key is missing');
  });

  it('drops an entry when its kid names other key material after a refresh', async () => {
    const keys = fakeKeys();
    const { verify, calls } = countingVerifier({ good: 'ok' }, T0 / 1000 + 3600);
    const cached = withVerifiedTokenCache(verify, { now: () => new Date(T0), keys });
    await cached('good');
    keys.set.set('k1', 'k1#other-material');
    await cached('good');
    assert.equal(calls.length, 2);
    await cached('good');
    assert.equal(calls.length, 2, 'bound to the new material from now on');
  });

  it('keeps no token verified without a kid', async () => {
    const { verify, calls } = countingVerifier({ good: 'ok' }, T0 / 1000 + 3600, null);
    const cached = withVerifiedTokenCache(verify, { now: () => new Date(T0), keys: fakeKeys() });
    await cached('good');
    await cached('good');
    assert.equal(calls.length, 2);
  });
});

describe('withVerifiedTokenCache with the remote JWKS', () => {
  let issuer: TestIssuer;
  let now: number;
  before(async () => {
    issuer = await startTestIssuer({ now: new Date(T0) });
  });
  after(async () => {
    await issuer.close();
  });

  function cachedVerifier(overrides: Partial<RemoteJwksOptions> = {}) {
    const clock = () => new Date(now);
    const keys = createRemoteJwks({
      jwksUri: issuer.jwksUri,
      cacheMaxAgeMs: 600_000,
      cooldownMs: 30_000,
      policy: { timeoutMs: 1_000, retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 5 }, breaker: { failureThreshold: 2, halfOpenAfterMs: 2_000 } },
      fetch: globalThis.fetch,
      now: clock,
      random: () => 0,
      ...overrides,
    });
    const verify = createAccessTokenVerifier({
      getKey: keys.getKey,
      audiences: [APP_ID_URI, CLIENT_ID],
      allowedTenants: [TENANT_A],
      requiredScope: REQUIRED_SCOPE,
      clockToleranceSeconds: 60,
      maxLifetimeSeconds: 86_400,
      now: clock,
      issuersFor: entraIssuers(AUTHORITY_HOST),
    });
    const verifications: string[] = [];
    const counting: AccessTokenVerifier = (token) => {
      verifications.push(token);
      return verify(token);
    };
    return { cached: withVerifiedTokenCache(counting, { now: clock, keys }), verifications };
  }

  it('re-verifies and refuses a cached token once a JWKS refresh has dropped its signing key', async () => {
    now = T0;
    const { cached, verifications } = cachedVerifier();
    const old = await issuer.signV2();
    const fetchesBefore = issuer.fetchCount();
    assert.equal((await cached(old)).ok, true);
    assert.equal((await cached(old)).ok, true);
    assert.equal(verifications.length, 1);

    const oldKey = issuer.currentKey;
    const next = await issuer.rotate();
    issuer.retire(oldKey);
    now += 10_000;
    assert.equal((await cached(old)).ok, true, 'a hit until a refresh shows the key gone');
    assert.equal(verifications.length, 1);

    now += 30_000; // past the cooldown: the next key's token refetches the key set
    assert.equal((await cached(await issuer.signV2({}, { key: next }))).ok, true);
    assert.equal(issuer.fetchCount() - fetchesBefore, 2);

    assert.deepEqual(await cached(old), { ok: false, status: 401, error: 'invalid_token', reason: 'no_matching_key' });
    assert.equal(verifications.length, 3, 'the old token was verified again, and refused');
  });

  it('answers a cached token at once while the JWKS endpoint hangs', async () => {
    now = T0;
    const keySet = { keys: [issuer.currentKey.publicJwk] };
    let hanging = false;
    const fetch: typeof globalThis.fetch = async (_url, init) => {
      if (!hanging) return Response.json(keySet);
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason instanceof Error ? init.signal.reason : new Error('aborted')));
      });
    };
    // One attempt, cut at 200 ms (long enough for the cached answer below), then a breaker open for 2 s.
    const policy = { timeoutMs: 200, retry: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 }, breaker: { failureThreshold: 1, halfOpenAfterMs: 2_000 } };
    const { cached } = cachedVerifier({ fetch, policy, cacheMaxAgeMs: 60_000 });
    const known = await issuer.signV2({ oid: 'known' });
    assert.equal((await cached(known)).ok, true);

    hanging = true;
    now += 61_000; // the keys are stale: a new token must refetch, and the fetch hangs
    let settled = false;
    const fresh = cached(await issuer.signV2({ oid: 'fresh' })).finally(() => {
      settled = true;
    });
    assert.equal((await cached(known)).ok, true, 'the cached token is answered while the fetch hangs');
    assert.equal(settled, false, 'the new token is still waiting for the keys');

    assert.deepEqual(await fresh, { ok: false, status: 503, error: 'temporarily_unavailable', reason: 'jwks_unavailable', retryAfterSeconds: 2 });
    assert.equal((await cached(known)).ok, true, 'and after the failure too');
  });
});
