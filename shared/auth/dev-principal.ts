// DEVELOPMENT ONLY: the identities of the two modes that verify nothing. `disabled` gives every
// request one fixed identity (DEV_IDENTITY_ROLES, the local tenant); `passthrough` reads tid, sub
// and roles from a token it does NOT verify, to try roles quickly. Config refuses both in Azure
// unless ALLOW_INSECURE_AUTH_IN_AZURE=true.
import { decodeJwt } from 'jose';
import { toPrincipalRoles, type AppRoleNames } from './app-roles.js';
import { developmentPrincipal, type Principal } from '../identity/principal.js';
import { MAX_TOKEN_BYTES, type AccessTokenVerifier, type InvalidTokenReason, type VerificationFailure } from './verify-access-token.js';

/** DEVELOPMENT ONLY. The fixed identity of `disabled` mode, with `appRoles` mapped to tool roles. */
export function disabledModePrincipal(appRoles: readonly string[], roleNames: AppRoleNames): Principal {
  return developmentPrincipal(toPrincipalRoles(appRoles, roleNames));
}

/**
 * DEVELOPMENT ONLY. A verifier for `passthrough` mode: decodes the token WITHOUT checking its
 * signature, issuer, audience, lifetime, tenant or scope; requires only `tid` and `sub`.
 * The principal is marked `source: 'development'`.
 */
export function createPassthroughVerifier(options: { roleNames?: AppRoleNames } = {}): AccessTokenVerifier {
  return async (token) => {
    if (typeof token !== 'string' || token === '') return invalid('malformed');
    if (Buffer.byteLength(token, 'utf8') > MAX_TOKEN_BYTES) return invalid('token_too_large');
    let claims: ReturnType<typeof decodeJwt>;
    try {
      claims = decodeJwt(token);
    } catch {
      return invalid('malformed');
    }
    const { tid, sub, oid } = claims;
    if (typeof tid !== 'string' || tid === '') return invalid('missing_tid');
    if (typeof sub !== 'string' || sub === '') return invalid('missing_sub');
    const tokenRoles = Array.isArray(claims.roles) ? claims.roles.filter((role): role is string => typeof role === 'string') : [];
    const principal: Principal = {
      callerId: typeof oid === 'string' && oid !== '' ? oid : sub,
      tenantId: tid.toLowerCase(),
      roles: options.roleNames ? toPrincipalRoles(tokenRoles, options.roleNames) : tokenRoles,
      source: 'development',
    };
    return { ok: true, principal, claims: { ...claims, tid, sub } };
  };
}

function invalid(reason: InvalidTokenReason): VerificationFailure {
  return { ok: false, status: 401, error: 'invalid_token', reason };
}
