// POST /api/callback: the external scheduler reports a scheduled follow-up. Anonymous at the
// host: the request is authenticated by its HMAC signature (shared/callback/), not a token.
import azureFunctions from '@azure/functions';
import { getApp } from './runtime.js';
import { webHandler } from './web-handler.js';

azureFunctions.app.http('callback', {
  route: 'api/callback',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: webHandler(async (request, scope) => (await getApp()).handlers.callback(request, scope)),
});
