// Verifies an OAuth access token (Microsoft Entra, or the local development issuer through the
// very same code) and turns it into a Principal. Pure apart from the injected key resolver: time
// comes in through `now`, and a failure carries a precise reason for the security log but never
// the token or any part of it. Clients only ever see `error` (invalid_token / insufficient_scope).
import { decodeJwt, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { UnavailableError } from '../errors/domain-error.js';
import { toPrincipalRoles, type AppRoleNames } from './app-roles.js';
import { KeysUnavailableError } from './key-source.js';
import type { Principal } from '../identity/principal.js';

/** Tokens longer than this are refused before any parsing. */
export const MAX_TOKEN_BYTES = 8 * 1024;

/** Retry-After of a 503 when the key source does not say when keys may be fetched again. */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;

/** Why a token was refused with 401; for the security log only. */
export type InvalidTokenReason =
  | 'malformed'
  | 'token_too_large'
  | 'alg_not_allowed'
  | 'no_matching_key'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'issued_in_future'
  | 'lifetime_too_long'
  | 'aud_mismatch'
  | 'iss_mismatch'
  | 'missing_tid'
  | 'missing_sub';

/** A refusal: `status` and `error` are what the client may see, `reason` is for the security log. */
export type VerificationFailure =
  | { readonly ok: false; readonly status: 401; readonly error: 'invalid_token'; readonly reason: InvalidTokenReason }
  | { readonly ok: false; readonly status: 403; readonly error: 'invalid_token'; readonly reason: 'tenant_not_allowed' }
  | { readonly ok: false; readonly status: 403; readonly error: 'insufficient_scope'; readonly reason: 'missing_scope' }
  | {
      readonly ok: false;
      readonly status: 503;
      readonly error: 'temporarily_unavailable';
      readonly reason: 'jwks_unavailable';
      /** Whole seconds until the keys may be fetched again (the Retry-After header). */
      readonly retryAfterSeconds: number;
    };

export type FailureReason = VerificationFailure['reason'];

/** The verified claims; `tid` and `sub` are guaranteed strings. */
export type AccessTokenClaims = Readonly<JWTPayload & { tid: string; sub: string }>;

/** The outcome of one verification; never holds the token or any part of it. */
export type VerificationResult =
  | {
      readonly ok: true;
      readonly principal: Principal;
      readonly claims: AccessTokenClaims;
      /** The `kid` of the key that verified the token, if it named one (cache entries are bound to it). */
      readonly keyId?: string;
    }
  | VerificationFailure;

/** Verifies one token (the value after `Bearer `); rejects only on an unexpected fault. */
export type AccessTokenVerifier = (token: string) => Promise<VerificationResult>;

export interface AccessTokenVerifierOptions {
  /** Key resolver: a remote JWKS (Entra) or a local JWKS (development issuer). */
  getKey: JWTVerifyGetKey;
  /** Accepted `aud` values (the token's `aud` must be exactly one of them). */
  audiences: readonly string[];
  /** Tenant ids admitted; a valid token from any other tenant is refused with 403. */
  allowedTenants: readonly string[];
  /** Needed in `scp` (delegated tokens) or, for app-only tokens, in `roles`. */
  requiredScope: string;
  clockToleranceSeconds: number;
  /** Longest lifetime accepted: `exp - iat`, or `exp - now` (less the tolerance) without `iat`. */
  maxLifetimeSeconds: number;
  now: () => Date;
  /** Issuers acceptable for a token whose `tid` is `tid` (see entra-issuers.ts). */
  issuersFor: (tid: string) => readonly string[];
  /** Maps token app roles to tool roles; without it the principal gets the token's roles as they are. */
  roleNames?: AppRoleNames;
}

/** Creates the verifier; throws TypeError at once on options that could never admit anyone. */
export function createAccessTokenVerifier(options: AccessTokenVerifierOptions): AccessTokenVerifier {
  if (options.audiences.length === 0) throw new TypeError('audiences must not be empty');
  if (options.allowedTenants.length === 0) throw new TypeError('allowedTenants must not be empty');
  if (!options.requiredScope) throw new TypeError('requiredScope must not be empty');
  if (!Number.isSafeInteger(options.maxLifetimeSeconds) || options.maxLifetimeSeconds <= 0) {
    throw new TypeError('maxLifetimeSeconds must be a positive whole number');
  }
  const audiences = [...options.audiences];
  const allowedTenants = new Set(options.allowedTenants.map((tid) => tid.toLowerCase()));

  return async (token) => {
    if (typeof token !== 'string' || token === '') return invalid('malformed');
    if (Buffer.byteLength(token, 'utf8') > MAX_TOKEN_BYTES) return invalid('token_too_large');
    const unverifiedTid = readUnverifiedTid(token);
    if (unverifiedTid === MALFORMED) return invalid('malformed');

    const now = options.now();
    let payload: JWTPayload;
    let keyId: string | undefined;
    try {
      const verified = await jwtVerify(token, options.getKey, {
        algorithms: ['RS256'],
        audience: audiences,
        issuer: unverifiedTid === undefined ? undefined : [...options.issuersFor(unverifiedTid)],
        requiredClaims: ['tid', 'sub', 'exp'],
        clockTolerance: options.clockToleranceSeconds,
        currentDate: now,
      });
      payload = verified.payload;
      keyId = verified.protectedHeader.kid;
    } catch (error) {
      return failureFor(error);
    }
    const lifetime = lifetimeProblem(payload, Math.floor(now.getTime() / 1000), options);
    if (lifetime !== undefined) return invalid(lifetime);

    const { tid, sub } = payload;
    if (typeof tid !== 'string' || tid === '') return invalid('missing_tid');
    if (typeof sub !== 'string' || sub === '') return invalid('missing_sub');
    if (typeof payload.aud !== 'string') return invalid('aud_mismatch');
    if (!allowedTenants.has(tid.toLowerCase())) {
      return { ok: false, status: 403, error: 'invalid_token', reason: 'tenant_not_allowed' };
    }
    const tokenRoles = stringArray(payload.roles);
    if (!grantsScope(payload.scp, tokenRoles, options.requiredScope)) {
      return { ok: false, status: 403, error: 'insufficient_scope', reason: 'missing_scope' };
    }
    const oid = typeof payload.oid === 'string' && payload.oid !== '' ? payload.oid : undefined;
    const principal: Principal = {
      callerId: oid ?? sub,
      tenantId: tid.toLowerCase(),
      roles: options.roleNames ? toPrincipalRoles(tokenRoles, options.roleNames) : tokenRoles,
      source: 'token',
    };
    return { ok: true, principal, claims: { ...payload, tid, sub }, ...(keyId === undefined ? {} : { keyId }) };
  };
}

const MALFORMED = Symbol('malformed');

/** The unverified `tid`, read only to pick the issuers to expect; never trusted by itself. */
function readUnverifiedTid(token: string): string | undefined | typeof MALFORMED {
  try {
    const { tid } = decodeJwt(token);
    return typeof tid === 'string' && tid !== '' ? tid : undefined;
  } catch {
    return MALFORMED;
  }
}

/**
 * What jose leaves unchecked about time: an `iat` later than now (beyond the tolerance), and a
 * lifetime over the maximum, measured from `iat`, or from now (less the tolerance) without one.
 * jose has already checked that `exp` is present and `iat`, if present, is a number.
 */
function lifetimeProblem(payload: JWTPayload, nowSeconds: number, options: AccessTokenVerifierOptions): InvalidTokenReason | undefined {
  const { iat, exp } = payload;
  if (typeof exp !== 'number') return 'malformed';
  if (iat !== undefined && iat > nowSeconds + options.clockToleranceSeconds) return 'issued_in_future';
  const lifetime = iat !== undefined ? exp - iat : exp - nowSeconds - options.clockToleranceSeconds;
  return lifetime > options.maxLifetimeSeconds ? 'lifetime_too_long' : undefined;
}

/** Delegated tokens carry `scp` (space-separated); app-only tokens carry the scope as an app role. */
function grantsScope(scp: unknown, roles: readonly string[], requiredScope: string): boolean {
  if (scp === undefined) return roles.includes(requiredScope);
  return typeof scp === 'string' && scp.split(' ').includes(requiredScope);
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function invalid(reason: InvalidTokenReason): VerificationFailure {
  return { ok: false, status: 401, error: 'invalid_token', reason };
}

const CLAIM_REASONS: Readonly<Record<string, InvalidTokenReason>> = {
  iss: 'iss_mismatch',
  aud: 'aud_mismatch',
  tid: 'missing_tid',
  sub: 'missing_sub',
};

/** Maps what jose (or the key source) threw to a result; an unexpected fault is rethrown, not hidden. */
function failureFor(error: unknown): VerificationFailure {
  if (error instanceof UnavailableError || error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    const retryAfterSeconds = error instanceof KeysUnavailableError ? error.retryAfterSeconds : DEFAULT_RETRY_AFTER_SECONDS;
    return { ok: false, status: 503, error: 'temporarily_unavailable', reason: 'jwks_unavailable', retryAfterSeconds };
  }
  if (error instanceof errors.JWTExpired) return invalid('expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf' && error.reason === 'check_failed') return invalid('not_yet_valid');
    return invalid(CLAIM_REASONS[error.claim] ?? 'malformed');
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return invalid('alg_not_allowed');
  if (error instanceof errors.JWSSignatureVerificationFailed) return invalid('bad_signature');
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return invalid('no_matching_key');
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return invalid('malformed');
  throw error;
}
