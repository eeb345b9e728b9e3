// Reads the access token from the Authorization header, the only place it is accepted (RFC 6750
// §2.1). A token in the URL would end up in logs and histories, so callers refuse those requests.

export type BearerToken = { readonly kind: 'none' } | { readonly kind: 'token'; readonly token: string } | { readonly kind: 'malformed' };

/** `Bearer` (any case), one or more spaces, then one b64token (RFC 6750 §2.1). */
const BEARER = /^bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * `none` when there is no Authorization header; `token` for `Bearer <token>`; `malformed` for an
 * empty header, another scheme, or anything but exactly one token after the scheme.
 */
export function readBearerToken(authorization: string | null | undefined): BearerToken {
  if (authorization === null || authorization === undefined) return { kind: 'none' };
  // A client sends the same header on every request: the last answer is kept (it is a pure
  // function of the header), which spares matching a kilobyte-long token each time and hands the
  // verified-token cache the same string, whose hash V8 keeps, so its lookup does not hash again.
  if (authorization === last.header) return last.token;
  const match = BEARER.exec(authorization.trim());
  const token: BearerToken = match?.[1] ? { kind: 'token', token: match[1] } : { kind: 'malformed' };
  last = { header: authorization, token };
  return token;
}

let last: { header: string | undefined; token: BearerToken } = { header: undefined, token: { kind: 'none' } };

/** True when the URL carries an `access_token` query parameter (any case), which must be refused. */
export function hasQueryToken(url: string | URL): boolean {
  if (typeof url === 'string' && !url.includes('?')) return false;
  const parsed = typeof url === 'string' ? new URL(url, 'http://localhost') : url;
  for (const name of parsed.searchParams.keys()) {
    if (name.toLowerCase() === 'access_token') return true;
  }
  return false;
}
