// GET /api/health (the process answers) and GET /api/ready (store reachable and seeded).
import azureFunctions from '@azure/functions';
import { liveness, readiness } from '../shared/health/health-checks.js';
import { getAppContext } from './runtime.js';
import { webHandler } from './web-handler.js';

azureFunctions.app.http('health', {
  route: 'api/health',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: webHandler(async () => Response.json(liveness())),
});

azureFunctions.app.http('ready', {
  route: 'api/ready',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: webHandler(async () => {
    const ctx = await getAppContext();
    const result = await readiness(ctx.store);
    return Response.json(result, { status: result.status === 'ready' ? 200 : 503 });
  }),
});
