// trouble_shoot_device: runs the troubleshoot job (nine diagnostic steps on Durable Functions)
// for one of the customer's subscriptions. Waits up to TROUBLESHOOT_WAIT_SECONDS for the result;
// a client that sent a progressToken sees every step as a progress notification and is waited
// for up to TROUBLESHOOT_LIVE_WAIT_SECONDS. A job that is still running is answered with its
// handle (job_id) and when to ask get_troubleshoot_result. 2026-07-28 clients that declare the
// tasks extension get an MCP task instead (shared/mcp/tasks/).
import * as z from 'zod';
import { ROLES } from '../../identity/principal.js';
import { jobViewSchema } from '../../jobs/troubleshoot/job-view.js';
import { TROUBLESHOOT_TOOL_BUDGET_MS } from '../../jobs/troubleshoot/troubleshoot-limits.js';
import { defineTool } from '../../mcp/define-tool.js';
import { MUTATING } from '../common/mutations.js';
import { idSchema } from '../common/schemas.js';
import { describeJob } from './job-summary.js';

export const troubleShootDevice = defineTool({
  name: 'trouble_shoot_device',
  title: 'Troubleshoot a line or device',
  description:
    "Diagnoses a customer's connectivity or device problem in nine steps (account and locks, area incidents, usage, device, support history, a line test, the knowledge base) and recommends what to do; " +
    'opens a support ticket when warranted and the caller may write. Takes about a minute: send a progressToken to see each step, ' +
    'or call get_troubleshoot_result with the returned job_id when the answer says status "running".',
  input: z.object({
    customer_id: idSchema('customer'),
    subscription_id: idSchema('subscription'),
    symptom: z.string().trim().min(3).max(500).describe('What the customer reports, in their words'),
  }),
  output: jobViewSchema,
  roles: [ROLES.read],
  annotations: MUTATING,
  timeoutMs: TROUBLESHOOT_TOOL_BUDGET_MS,
  async handler(input, ctx) {
    const jobs = ctx.troubleshoot;
    const jobId = await jobs.start(ctx.scope, { customerId: input.customer_id, subscriptionId: input.subscription_id, symptom: input.symptom });
    ctx.logger.info('troubleshoot job started', { jobId });
    const live = ctx.progressRequested;
    return jobs.wait(ctx.scope, jobId, {
      seconds: live ? jobs.settings.liveWaitSeconds : jobs.settings.waitSeconds,
      signal: ctx.signal,
      onStep: live ? (step, total, message) => ctx.progress(step, total, message) : undefined,
    });
  },
  summarize: describeJob,
});
