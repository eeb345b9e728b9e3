// GET /api/health (the process answers) and GET /api/ready (store reachable and seeded).
import azureFunctions from '@azure/functions';
import { getApp } from './runtime.js';
import { answerHandler } from './web-handler.js';

azureFunctions.app.http('health', {
  route: 'api/health',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: answerHandler(async () => (await getApp()).handlers.health.liveness()),
});

azureFunctions.app.http('ready', {
  route: 'api/ready',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: answerHandler(async () => (await getApp()).handlers.health.readiness()),
});
