// The verified-token cache: successes are reused until the token's exp or the cache's max age,
// failures never are, and the cache stays bounded.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { developmentPrincipal } from '../../../shared/identity/principal.js';
import { withVerifiedTokenCache } from '../../../shared/auth/verified-token-cache.js';
import type { AccessTokenVerifier } from '../../../shared/auth/verify-access-token.js';

const T0 = Date.parse('2026-11-23T10:00:00Z');

function countingVerifier(results: Record<string, 'ok' | 'bad'>, expSeconds: number) {
  const calls: string[] = [];
  const verify: AccessTokenVerifier = async (token) => {
    calls.push(token);
    if (results[token] === 'ok') {
      return { ok: true, principal: developmentPrincipal([]), claims: { tid: 't', sub: token, exp: expSeconds } };
    }
    return { ok: false, status: 401, error: 'invalid_token', reason: 'bad_signature' };
  };
  return { verify, calls };
}

describe('withVerifiedTokenCache', () => {
  it('verifies a good token once while it is fresh, then again after max age', async () => {
    let now = T0;
    const { verify, calls } = countingVerifier({ good: 'ok' }, T0 / 1000 + 3600);
    const cached = withVerifiedTokenCache(verify, { now: () => new Date(now), maxAgeMs: 60_000 });
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
    const cached = withVerifiedTokenCache(verify, { now: () => new Date(now) });
    await cached('short');
    now += 11_000;
    await cached('short');
    assert.equal(calls.length, 2);
  });

  it('does not cache failures', async () => {
    const { verify, calls } = countingVerifier({}, T0 / 1000 + 3600);
    const cached = withVerifiedTokenCache(verify, { now: () => new Date(T0) });
    assert.equal((await cached('bad')).ok, false);
    assert.equal((await cached('bad')).ok, false);
    assert.equal(calls.length, 2);
  });

  it('stays bounded, dropping the oldest entry', async () => {
    const { verify, calls } = countingVerifier({ a: 'ok', b: 'ok', c: 'ok' }, T0 / 1000 + 3600);
    const cached = withVerifiedTokenCache(verify, { now: () => new Date(T0), maxEntries: 2 });
    for (const token of ['a', 'b', 'c', 'c', 'b', 'a']) await cached(token);
    assert.deepEqual(calls, ['a', 'b', 'c', 'a']);
  });
});
