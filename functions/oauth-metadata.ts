// OAuth discovery, anonymous: the protected-resource metadata (RFC 9728) at the root and at the
// MCP resource path, and in `local` auth mode the development issuer's metadata and JWKS.
import azureFunctions from '@azure/functions';
import { getAppContext } from './runtime.js';
import { webHandler } from './web-handler.js';

const CACHE = { 'cache-control': 'public, max-age=300' };
const notInLocalMode = () => Response.json({ error: { code: 'NOT_FOUND', message: 'only served in local auth mode' } }, { status: 404 });

for (const [name, route] of [
  ['oauthProtectedResource', '.well-known/oauth-protected-resource'],
  ['oauthProtectedResourceMcp', '.well-known/oauth-protected-resource/api/mcp'],
] as const) {
  azureFunctions.app.http(name, {
    route,
    methods: ['GET'],
    authLevel: 'anonymous',
    handler: webHandler(async () => Response.json((await getAppContext()).auth.protectedResource, { headers: CACHE })),
  });
}

azureFunctions.app.http('localIssuerMetadata', {
  route: '.well-known/oauth-authorization-server',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: webHandler(async () => {
    const local = (await getAppContext()).auth.localIssuer;
    return local ? Response.json(local.metadata, { headers: CACHE }) : notInLocalMode();
  }),
});

azureFunctions.app.http('localIssuerJwks', {
  route: 'api/local-issuer/jwks',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: webHandler(async () => {
    const local = (await getAppContext()).auth.localIssuer;
    return local ? Response.json(local.jwks, { headers: CACHE }) : notInLocalMode();
  }),
});
