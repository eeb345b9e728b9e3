// The anonymous OAuth discovery documents as web handlers: the protected-resource metadata
// (RFC 9728), and in `local` auth mode the development issuer's metadata and JWKS (404 in any
// other mode). Cacheable for five minutes.
import type { AuthServices } from './auth-services.js';

export interface DiscoveryHandlers {
  protectedResource(): Response;
  authorizationServer(): Response;
  localIssuerJwks(): Response;
}

const CACHE = { 'cache-control': 'public, max-age=300' };

function notInLocalMode(): Response {
  return Response.json({ error: { code: 'NOT_FOUND', message: 'only served in local auth mode' } }, { status: 404 });
}

export function createDiscoveryHandlers(auth: AuthServices): DiscoveryHandlers {
  const local = auth.localIssuer;
  return {
    protectedResource: () => Response.json(auth.protectedResource, { headers: CACHE }),
    authorizationServer: () => (local ? Response.json(local.metadata, { headers: CACHE }) : notInLocalMode()),
    localIssuerJwks: () => (local ? Response.json(local.jwks, { headers: CACHE }) : notInLocalMode()),
  };
}
