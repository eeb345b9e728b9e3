// Every hour: purges finished jobs older than JOB_RETENTION_HOURS, with their durable history,
// through the invocation's durable client.
import azureFunctions from '@azure/functions';
import { DURABLE_CLIENT_INPUT } from '../shared/jobs/durable/durable-registration.js';
import { purgeFinishedJobs } from '../shared/jobs/purge-finished-jobs.js';
import { getApp } from './runtime.js';

azureFunctions.app.timer('purgeFinishedJobs', {
  schedule: '0 7 * * * *',
  extraInputs: [DURABLE_CLIENT_INPUT],
  handler: async (_timer, invocation) => {
    const { services } = await getApp();
    const engine = await services.jobEngines.forInvocation(invocation);
    await purgeFinishedJobs(engine, { clock: services.clock, retentionHours: services.config.jobs.retentionHours, logger: services.logger });
  },
});
