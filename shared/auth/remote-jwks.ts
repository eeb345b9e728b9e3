// Entra's signing keys, fetched from its JWKS endpoint with jose's cache: keys are kept for
// `cacheMaxAgeMs`, an unknown `kid` triggers a refetch at most once per `cooldownMs`, and fetch
// is injected. When the keys cannot be read the resolver throws UnavailableError (a 503, not a
// 401: the token may be fine).
import { createRemoteJWKSet, customFetch, errors, type FetchImplementation, type JWTVerifyGetKey } from 'jose';
import { UnavailableError } from '../errors/domain-error.js';

/** Longest wait for the JWKS endpoint, in milliseconds. */
export const JWKS_TIMEOUT_MS = 5_000;

export interface RemoteJwksOptions {
  jwksUri: string;
  cacheMaxAgeMs: number;
  /** 0 lets every unknown `kid` refetch (tests of key rotation). */
  cooldownMs: number;
  fetch: typeof globalThis.fetch;
}

/** A key resolver for `createAccessTokenVerifier` backed by the remote JWKS. */
export function createRemoteJwks(options: RemoteJwksOptions): JWTVerifyGetKey {
  const fetchImplementation: FetchImplementation = (url, init) => options.fetch(url, init);
  const remote = createRemoteJWKSet(new URL(options.jwksUri), {
    cacheMaxAge: options.cacheMaxAgeMs,
    cooldownDuration: options.cooldownMs,
    timeoutDuration: JWKS_TIMEOUT_MS,
    [customFetch]: fetchImplementation,
  });
  return async (protectedHeader, token) => {
    try {
      return await remote(protectedHeader, token);
    } catch (error) {
      // These two are about the token's header (no key fits it); anything else means no keys.
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw new UnavailableError('The token signing keys could not be read', { jwksUri: options.jwksUri }, { cause: error });
    }
  };
}
