// get_troubleshoot_result: the caller's troubleshoot job by its handle: completed (the result),
// running (the step and when to ask again), failed (why), cancelled, or not_found (unknown, not
// the caller's, or purged after JOB_RETENTION_HOURS).
import * as z from 'zod';
import { ROLES } from '../../identity/principal.js';
import { jobViewSchema } from '../../jobs/troubleshoot/job-view.js';
import { defineTool } from '../../mcp/define-tool.js';
import { READ_ONLY } from '../common/schemas.js';
import { jobIdSchema } from './job-id.js';
import { describeJob } from './job-summary.js';

export const getTroubleshootResult = defineTool({
  name: 'get_troubleshoot_result',
  title: 'Troubleshoot job result',
  description:
    'Returns the state of a troubleshoot job started by trouble_shoot_device: the result when completed, the current step and when to ask again while running, why it failed or was cancelled, or not_found.',
  input: z.object({ job_id: jobIdSchema }),
  output: jobViewSchema,
  roles: [ROLES.read],
  annotations: READ_ONLY,
  async handler(input, ctx) {
    return ctx.troubleshoot.view(ctx.scope, input.job_id);
  },
  summarize: describeJob,
});
