// cancel_troubleshoot: stops the caller's running troubleshoot job (no further steps run; a
// ticket is only ever opened by the last step). A finished job is reported as it is.
import * as z from 'zod';
import { ROLES } from '../../identity/principal.js';
import { jobViewSchema } from '../../jobs/troubleshoot/job-view.js';
import { defineTool } from '../../mcp/define-tool.js';
import { MUTATING_IDEMPOTENT } from '../common/mutations.js';
import { jobIdSchema } from './job-id.js';
import { describeJob } from './job-summary.js';

export const cancelTroubleshoot = defineTool({
  name: 'cancel_troubleshoot',
  title: 'Cancel a troubleshoot job',
  description: 'Cancels a running troubleshoot job started by trouble_shoot_device and returns its final state; a finished job is returned unchanged.',
  input: z.object({ job_id: jobIdSchema }),
  output: jobViewSchema,
  roles: [ROLES.write],
  annotations: MUTATING_IDEMPOTENT,
  async handler(input, ctx) {
    return ctx.troubleshoot.cancel(ctx.scope, input.job_id);
  },
  summarize: describeJob,
});
