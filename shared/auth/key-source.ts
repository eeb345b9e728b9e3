// Where token signing keys come from, as the verifier and the verified-token cache see it: a jose
// key resolver, plus the identity (kid and key material) of the key a `kid` names right now, so a
// cached verification can be dropped once a refreshed key set no longer holds its key.
import { createHash } from 'node:crypto';
import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { UnavailableError } from '../errors/domain-error.js';

/** What the verified-token cache asks of a key source. */
export interface KeyIdentityView {
  /**
   * The identity of the key(s) `kid` names in the current key set, or undefined when it holds
   * none. Synchronous and cheap: it never waits for a fetch.
   */
  keyIdentity(kid: string): string | undefined;
}

export interface KeySource extends KeyIdentityView {
  /** Key resolver for `createAccessTokenVerifier` (jose's `JWTVerifyGetKey`). */
  readonly getKey: JWTVerifyGetKey;
}

/** The keys cannot be read right now (a 503, not a 401: the token may be fine). */
export class KeysUnavailableError extends UnavailableError {
  constructor(
    message: string,
    /** Whole seconds until the keys may be fetched again: the 503's Retry-After. */
    readonly retryAfterSeconds: number,
    details: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, details, options);
  }
}

/**
 * kid → identity for every key with a `kid`: a digest of the kid and the public key parameters,
 * so a key republished under the same kid with other material counts as another key.
 */
export function keyIdentities(jwks: JSONWebKeySet): ReadonlyMap<string, string> {
  const material = new Map<string, string[]>();
  for (const jwk of jwks.keys) {
    if (typeof jwk.kid !== 'string') continue;
    const { kty, crv, n, e, x, y } = jwk;
    material.set(jwk.kid, [...(material.get(jwk.kid) ?? []), JSON.stringify([kty, crv, n, e, x, y])]);
  }
  const identities = new Map<string, string>();
  for (const [kid, keys] of material) {
    const digest = createHash('sha256').update(JSON.stringify([kid, ...keys.sort()])).digest('base64url');
    identities.set(kid, `${kid}#${digest}`);
  }
  return identities;
}

/** A key set that never changes (the local development issuer's). */
export function staticKeySource(jwks: JSONWebKeySet): KeySource {
  const identities = keyIdentities(jwks);
  return { getKey: createLocalJWKSet(jwks), keyIdentity: (kid) => identities.get(kid) };
}
