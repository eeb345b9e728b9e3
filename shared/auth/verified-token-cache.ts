// Remembers tokens that verified, so a client sending the same bearer token on every request pays
// the RS256 check once (near 10% of a call). An entry ends at the token's `exp`, after `maxAgeMs`,
// or once the current key set no longer holds the key that verified it; tokens without a `kid` are
// not kept. A hit reads only memory, so a failing or hanging JWKS endpoint never delays it.
import type { KeyIdentityView } from './key-source.js';
import type { AccessTokenVerifier, VerificationResult } from './verify-access-token.js';

export interface VerifiedTokenCacheOptions {
  now: () => Date;
  /** The key source the verifier resolves keys from; each entry is bound to its key's identity. */
  keys: KeyIdentityView;
  /** Longest a verified token is trusted without re-verification (key rotation, revocation). */
  maxAgeMs?: number;
  maxEntries?: number;
}

interface Entry {
  readonly result: Extract<VerificationResult, { ok: true }>;
  readonly expiresAt: number;
  readonly keyId: string;
  readonly keyIdentity: string;
}

export function withVerifiedTokenCache(verify: AccessTokenVerifier, options: VerifiedTokenCacheOptions): AccessTokenVerifier {
  const maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
  const maxEntries = options.maxEntries ?? 1024;
  const { keys } = options;
  const entries = new Map<string, Entry>();
  return async (token) => {
    const now = options.now().getTime();
    const hit = entries.get(token);
    if (hit !== undefined) {
      if (now < hit.expiresAt && keys.keyIdentity(hit.keyId) === hit.keyIdentity) return hit.result;
      entries.delete(token);
    }
    const result = await verify(token);
    if (result.ok && result.keyId !== undefined) {
      // Read after verifying: if a refresh dropped the key meanwhile, the token is not kept.
      const keyIdentity = keys.keyIdentity(result.keyId);
      const exp = typeof result.claims.exp === 'number' ? result.claims.exp * 1000 : now;
      const expiresAt = Math.min(exp, now + maxAgeMs);
      if (keyIdentity !== undefined && expiresAt > now) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
        entries.set(token, { result, expiresAt, keyId: result.keyId, keyIdentity });
      }
    }
    return result;
  };
}
