// What the createAccessTokenVerifier tests share: a real HTTP JWKS issuer started per test file
// (useTestIssuer), a verifier on a fixed clock against it, and the checks that a result is the
// expected refusal or acceptance and never carries any part of the token.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { base64url } from 'jose';
import { entraIssuers } from '../../../shared/auth/entra-issuers.js';
import { createRemoteJwks, type RemoteJwksOptions } from '../../../shared/auth/remote-jwks.js';
import {
  createAccessTokenVerifier,
  type AccessTokenVerifierOptions,
  type VerificationResult,
} from '../../../shared/auth/verify-access-token.js';
import {
  APP_ID_URI,
  AUTHORITY_HOST,
  CLIENT_ID,
  REQUIRED_SCOPE,
  startTestIssuer,
  TENANT_A,
  TENANT_B,
  type TestIssuer,
} from '../../support/test-issuer.js';

export const NOW = new Date('2026-06-15T12:00:00Z');
export const NOW_S = Math.floor(NOW.getTime() / 1000);
export const TOLERANCE = 60;
export const MAX_LIFETIME = 86_400;

/** The issuer of the current test file, started by useTestIssuer. */
export let issuer: TestIssuer;

/** The remote key resolver on the fixed clock: zero cooldown, two quick attempts, then a breaker open for 2 s. */
export function remoteKeys(jwksUri: string, overrides: Partial<RemoteJwksOptions> = {}) {
  return createRemoteJwks({
    jwksUri,
    cacheMaxAgeMs: 600_000,
    cooldownMs: 0,
    policy: { timeoutMs: 1_000, retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 5 }, breaker: { failureThreshold: 2, halfOpenAfterMs: 2_000 } },
    fetch: globalThis.fetch,
    now: () => NOW,
    random: () => 0,
    ...overrides,
  }).getKey;
}

export function verifierFor(jwksUri: string, overrides: Partial<AccessTokenVerifierOptions> = {}) {
  return createAccessTokenVerifier({
    getKey: remoteKeys(jwksUri),
    audiences: [APP_ID_URI, CLIENT_ID],
    allowedTenants: [TENANT_A, TENANT_B],
    requiredScope: REQUIRED_SCOPE,
    clockToleranceSeconds: TOLERANCE,
    maxLifetimeSeconds: MAX_LIFETIME,
    now: () => NOW,
    issuersFor: entraIssuers(AUTHORITY_HOST),
    ...overrides,
  });
}

/** Fails when `result` contains any 20-character piece of `token`. */
export function assertNoTokenLeak(token: string, result: VerificationResult): void {
  const text = JSON.stringify(result);
  for (let start = 0; start + 20 <= token.length; start += 1) {
    const piece = token.slice(start, start + 20);
    assert.ok(!text.includes(piece), `the result contains part of the token: ${piece}`);
  }
}

export async function expectRefused(
  token: string,
  expected: { status: number; error: string; reason: string },
  verify = verifierFor(issuer.jwksUri),
): Promise<void> {
  const result = await verify(token);
  assert.deepEqual(result, { ok: false, ...expected });
  assertNoTokenLeak(token, result);
}

export const unauthorized = (reason: string) => ({ status: 401, error: 'invalid_token', reason });

export async function expectAccepted(token: string, verify = verifierFor(issuer.jwksUri)) {
  const result = await verify(token);
  assertNoTokenLeak(token, result);
  assert.equal(result.ok, true, `refused: ${JSON.stringify(result)}`);
  if (!result.ok) throw new Error('unreachable');
  return result;
}

export function encodeJson(value: unknown): string {
  return base64url.encode(JSON.stringify(value));
}

/** Starts the issuer before the file's tests and closes it after them. */
export function useTestIssuer(): void {
  before(async () => {
    issuer = await startTestIssuer({ now: NOW });
  });
  after(async () => {
    await issuer.close();
  });
}
