// The issuers Microsoft Entra writes into access tokens for a tenant. Entra signs every tenant's
// tokens with the same keys, so a token is only as trustworthy as the check that its `iss` names
// the tenant in its own `tid`: these templates are that check's expected values.

/** Host of Entra's v1.0 token issuer (`accessTokenAcceptedVersion` null or 1). */
export const ENTRA_V1_ISSUER_HOST = 'https://sts.windows.net';

/** Entra tenant ids are GUIDs; anything else can never name a real issuer. */
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The v2.0 authority (and v2.0 token issuer) of `tenantId`: `${authorityHost}/${tenantId}/v2.0`. */
export function entraAuthority(authorityHost: string, tenantId: string): string {
  return `${authorityHost.replace(/\/+$/, '')}/${tenantId}/v2.0`;
}

/**
 * Returns `issuersFor(tid)`: the v1 issuer `https://sts.windows.net/{tid}/` and the v2 issuer
 * `{authorityHost}/{tid}/v2.0` for a GUID `tid`, and nothing for any other value.
 */
export function entraIssuers(authorityHost: string, v1IssuerHost: string = ENTRA_V1_ISSUER_HOST): (tid: string) => string[] {
  return (tid) => (TENANT_ID.test(tid) ? [`${v1IssuerHost.replace(/\/+$/, '')}/${tid}/`, entraAuthority(authorityHost, tid)] : []);
}
