// The troubleshoot orchestration: the steps in order, each a durable activity retried on
// transient failure, with a durable timer between steps for pacing and the step shown as custom
// status. Deterministic, as every orchestrator must be: no clock, randomness or I/O here; time
// comes from the durable context and everything else from the job's input. Loaded only when
// the orchestration first runs (see durable-registration.ts).
import * as df from 'durable-functions';
import type { OrchestrationContext, OrchestrationHandler } from 'durable-functions';
import type { StepInput } from './run-step.js';
import { TROUBLESHOOT_STEP_COUNT, TROUBLESHOOT_STEPS } from './troubleshoot-steps.js';
import { troubleshootInputSchema, type Finding, type TroubleshootProgress } from './troubleshoot-job.js';

export const troubleshootOrchestrator: OrchestrationHandler = function* troubleshootOrchestrator(context: OrchestrationContext) {
  const job = troubleshootInputSchema.parse(context.df.getInput());
  const retry = new df.RetryOptions(job.retry.firstIntervalMs, job.retry.maxAttempts);
  const findings: Finding[] = [];
  for (const [index, step] of TROUBLESHOOT_STEPS.entries()) {
    const progress: TroubleshootProgress = { step: index + 1, total: TROUBLESHOOT_STEP_COUNT, message: step.message };
    context.df.setCustomStatus(progress);
    const input: StepInput = { job, instanceId: context.df.instanceId, findings: [...findings] };
    const output: unknown = yield context.df.callActivityWithRetry(step.activity, retry, input);
    if (index === TROUBLESHOOT_STEP_COUNT - 1) return output;
    findings.push(output as Finding);
    if (job.stepDelaySeconds > 0) yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + job.stepDelaySeconds * 1000));
  }
  throw new Error('the troubleshoot orchestration ended without a summary');
};
