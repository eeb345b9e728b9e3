// POST /api/mcp: the stateless Streamable HTTP MCP endpoint. GET, DELETE and OPTIONS are
// registered too so the endpoint (not the host) answers 405 with Allow: POST, and preflights.
import azureFunctions from '@azure/functions';
import { developmentPrincipal } from '../shared/auth/principal.js';
import { getAppContext } from './runtime.js';
import { webHandler } from './web-handler.js';

azureFunctions.app.http('mcp', {
  route: 'api/mcp',
  methods: ['POST', 'GET', 'DELETE', 'OPTIONS'],
  authLevel: 'anonymous',
  handler: webHandler(async (request, invocation) => {
    const ctx = await getAppContext();
    return ctx.mcp(request, { principal: developmentPrincipal(), requestId: invocation.invocationId });
  }),
});
