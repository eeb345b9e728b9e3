// POST /api/mcp: the stateless Streamable HTTP MCP endpoint (tokens authenticate it, so the
// host's authLevel is anonymous). Every other method is registered too, so the endpoint answers
// them all alike (405 with Allow: POST, and CORS preflights) rather than the host.
import azureFunctions from '@azure/functions';
import { DURABLE_CLIENT_INPUT } from '../shared/jobs/durable/durable-registration.js';
import { getApp } from './runtime.js';
import { webHandler } from './web-handler.js';

azureFunctions.app.http('mcp', {
  route: 'api/mcp',
  methods: ['POST', 'GET', 'DELETE', 'OPTIONS', 'PUT', 'PATCH', 'HEAD'],
  authLevel: 'anonymous',
  // The troubleshoot tools start and read jobs through the invocation's durable client.
  extraInputs: [DURABLE_CLIENT_INPUT],
  handler: webHandler(async (request, scope) => (await getApp()).handlers.mcp.web(request, scope), {
    direct: async (head, body, scope) => (await getApp()).handlers.mcp.direct(head, body, scope),
  }),
});
