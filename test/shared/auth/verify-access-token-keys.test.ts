// createAccessTokenVerifier's keys (key rotation uses a zero cooldown instead of waiting), the
// leak check the battery relies on, and its options; the fixture is shared with
// verify-access-token.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VerificationResult } from '../../../shared/auth/verify-access-token.js';
import { startTestIssuer } from '../../support/test-issuer.js';
import { assertNoTokenLeak, expectAccepted, expectRefused, issuer, NOW, NOW_S, remoteKeys, TOLERANCE, unauthorized, useTestIssuer, verifierFor } from './verify-access-token-fixture.js';

describe('createAccessTokenVerifier', () => {
  useTestIssuer();

  describe('keys', () => {
    it('accepts a token signed by a key published after the first fetch (cooldown 0)', async () => {
      const rotating = await startTestIssuer({ now: NOW });
      try {
        const verify = verifierFor(rotating.jwksUri);
        await expectAccepted(await rotating.signV2(), verify);
        assert.equal(rotating.fetchCount(), 1);

        const newKey = await rotating.rotate();
        await expectAccepted(await rotating.signV2({}, { key: newKey }), verify);
        assert.equal(rotating.fetchCount(), 2);

        // The cache keeps serving both keys without refetching.
        await expectAccepted(await rotating.signV2({}, { key: newKey }), verify);
        assert.equal(rotating.fetchCount(), 2);
      } finally {
        await rotating.close();
      }
    });

    it('does not refetch for an unknown kid within the cooldown', async () => {
      const rotating = await startTestIssuer({ now: NOW });
      try {
        const getKey = remoteKeys(rotating.jwksUri, { cooldownMs: 600_000 });
        const verify = verifierFor(rotating.jwksUri, { getKey });
        await expectAccepted(await rotating.signV2(), verify);
        const newKey = await rotating.rotate();

        await expectRefused(await rotating.signV2({}, { key: newKey }), unauthorized('no_matching_key'), verify);
        assert.equal(rotating.fetchCount(), 1);
      } finally {
        await rotating.close();
      }
    });

    it('answers 503 temporarily_unavailable when the JWKS endpoint fails', async () => {
      const failing = await startTestIssuer({ now: NOW });
      try {
        failing.failWith(500);
        const expected = { status: 503, error: 'temporarily_unavailable', reason: 'jwks_unavailable', retryAfterSeconds: 2 };
        await expectRefused(await failing.signV2(), expected, verifierFor(failing.jwksUri));
      } finally {
        await failing.close();
      }
    });

    it('answers 503 when the JWKS endpoint is unreachable, times out or serves no key set', async () => {
      const expected = { status: 503, error: 'temporarily_unavailable', reason: 'jwks_unavailable', retryAfterSeconds: 2 };
      const token = await issuer.signV2();

      const closed = await startTestIssuer({ now: NOW });
      await closed.close();
      await expectRefused(token, expected, verifierFor(closed.jwksUri));

      const timingOut: typeof fetch = () => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError'));
      const getKey = remoteKeys(issuer.jwksUri, { fetch: timingOut });
      await expectRefused(token, expected, verifierFor(issuer.jwksUri, { getKey }));

      const notAKeySet: typeof fetch = async () => Response.json({ hello: 'world' });
      const badSet = remoteKeys(issuer.jwksUri, { fetch: notAKeySet });
      await expectRefused(token, expected, verifierFor(issuer.jwksUri, { getKey: badSet }));
    });

    it('fetches keys through the injected fetch', async () => {
      const seen: string[] = [];
      const recording: typeof fetch = (input, init) => {
        seen.push(input instanceof Request ? input.url : input.toString());
        return globalThis.fetch(input, init);
      };
      const getKey = remoteKeys(issuer.jwksUri, { fetch: recording });
      await expectAccepted(await issuer.signV2(), verifierFor(issuer.jwksUri, { getKey }));
      assert.deepEqual(seen, [issuer.jwksUri]);
    });

    it('rethrows an unexpected fault of the key resolver instead of hiding it as a refusal', async () => {
      const verify = verifierFor(issuer.jwksUri, {
        getKey: () => {
          throw new RangeError('bug in the key resolver');
        },
      });
      await assert.rejects(verify(await issuer.signV2()), RangeError);
    });
  });

  describe('leak check', () => {
    it('catches a result that carries a piece of the token', async () => {
      const token = await issuer.signV2();
      const leaky = { ok: false, status: 401, error: 'invalid_token', reason: `bad ${token.slice(40, 61)}` } as unknown as VerificationResult;
      assert.throws(() => assertNoTokenLeak(token, leaky), /contains part of the token/);
    });
  });

  describe('options', () => {
    it('refuses options that could never admit anyone', () => {
      assert.throws(() => verifierFor(issuer.jwksUri, { audiences: [] }), TypeError);
      assert.throws(() => verifierFor(issuer.jwksUri, { allowedTenants: [] }), TypeError);
      assert.throws(() => verifierFor(issuer.jwksUri, { requiredScope: '' }), TypeError);
      for (const maxLifetimeSeconds of [0, -1, 1.5, Number.NaN]) {
        assert.throws(() => verifierFor(issuer.jwksUri, { maxLifetimeSeconds }), TypeError, String(maxLifetimeSeconds));
      }
    });

    it('reads the time from now(), not the system clock', async () => {
      const token = await issuer.signV2();
      const later = verifierFor(issuer.jwksUri, { now: () => new Date((NOW_S + 3600 + TOLERANCE) * 1000) });
      await expectRefused(token, unauthorized('expired'), later);
      const earlier = verifierFor(issuer.jwksUri, { now: () => new Date((NOW_S - TOLERANCE - 1) * 1000) });
      await expectRefused(token, unauthorized('not_yet_valid'), earlier);
    });
  });
});
