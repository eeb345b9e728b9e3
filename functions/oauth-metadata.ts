// OAuth discovery, anonymous: the protected-resource metadata (RFC 9728) at the root and at the
// MCP resource path, and in `local` auth mode the development issuer's metadata and JWKS.
import azureFunctions from '@azure/functions';
import { getApp } from './runtime.js';
import { webHandler } from './web-handler.js';

for (const [name, route] of [
  ['oauthProtectedResource', '.well-known/oauth-protected-resource'],
  ['oauthProtectedResourceMcp', '.well-known/oauth-protected-resource/api/mcp'],
] as const) {
  azureFunctions.app.http(name, {
    route,
    methods: ['GET'],
    authLevel: 'anonymous',
    handler: webHandler(async () => (await getApp()).handlers.discovery.protectedResource()),
  });
}

azureFunctions.app.http('localIssuerMetadata', {
  route: '.well-known/oauth-authorization-server',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: webHandler(async () => (await getApp()).handlers.discovery.authorizationServer()),
});

azureFunctions.app.http('localIssuerJwks', {
  route: 'api/local-issuer/jwks',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: webHandler(async () => (await getApp()).handlers.discovery.localIssuerJwks()),
});
