// The troubleshoot job on Durable Functions: the orchestration and one activity per step. The
// orchestrator is loaded when it first runs; each activity runs its step against the app's store.
// Under the local host the same registrations run on the local runner (dev/durable/).
import { registerActivity, registerOrchestration } from '../shared/jobs/durable/durable-registration.js';
import { stepFailure } from '../shared/jobs/troubleshoot/step-failure.js';
import { TROUBLESHOOT_ORCHESTRATION } from '../shared/jobs/troubleshoot/troubleshoot-job.js';
import { TROUBLESHOOT_STEPS } from '../shared/jobs/troubleshoot/troubleshoot-steps.js';
import { getApp } from './runtime.js';

registerOrchestration(TROUBLESHOOT_ORCHESTRATION, async () => (await import('../shared/jobs/troubleshoot/troubleshoot-orchestrator.js')).troubleshootOrchestrator);

for (const step of TROUBLESHOOT_STEPS) {
  registerActivity(step.activity, async function runStepActivity(input: unknown) {
    const app = await getApp();
    const { runTroubleshootStep } = await import('../shared/jobs/troubleshoot/run-step.js');
    try {
      return await runTroubleshootStep(step.activity, input, app.services.store);
    } catch (error) {
      throw stepFailure(step.activity, error, app.services.logger);
    }
  });
}
