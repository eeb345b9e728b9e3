// POST /api/manage/seed: reseeds the store on request (function key required; the security
// issue adds an admin role on top).
import azureFunctions from '@azure/functions';
import { getAppContext } from './runtime.js';
import { webHandler } from './web-handler.js';

azureFunctions.app.http('seed', {
  route: 'api/manage/seed',
  methods: ['POST'],
  authLevel: 'function',
  handler: webHandler(async (request, invocation) => {
    const ctx = await getAppContext();
    return ctx.seedRequest(request, invocation.invocationId);
  }),
});
