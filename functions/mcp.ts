// POST /api/mcp: the stateless Streamable HTTP MCP endpoint (tokens authenticate it, so the
// host's authLevel is anonymous). GET, DELETE and OPTIONS are registered too so the endpoint,
// not the host, answers 405 with Allow: POST, and CORS preflights.
import azureFunctions from '@azure/functions';
import { getApp } from './runtime.js';
import { webHandler } from './web-handler.js';

azureFunctions.app.http('mcp', {
  route: 'api/mcp',
  methods: ['POST', 'GET', 'DELETE', 'OPTIONS'],
  authLevel: 'anonymous',
  handler: webHandler(async (request, scope) => (await getApp()).handlers.mcp(request, scope)),
});
