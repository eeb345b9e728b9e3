// POST /api/manage/seed: reseeds the store on request (function key at the host, and the admin
// role on the caller's token).
import azureFunctions from '@azure/functions';
import { getApp } from './runtime.js';
import { webHandler } from './web-handler.js';

azureFunctions.app.http('seed', {
  route: 'api/manage/seed',
  methods: ['POST'],
  authLevel: 'function',
  handler: webHandler(async (request, scope) => (await getApp()).handlers.seed(request, scope)),
});
