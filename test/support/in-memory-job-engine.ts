// A job engine for in-process tool tests: runs the troubleshoot job's real steps (run-step.ts,
// with the activity's failure wrapping) one after another on the app's store, showing each step
// as custom status like the orchestrator does. It has no durability or replay: the Durable
// Functions path itself is tested end to end through the local runner (test/e2e/troubleshoot*).
// `gate(step)` lets a test hold the job before a step.
import type { JobEngine, JobEngineSource, JobRuntimeStatus, JobSnapshot } from '../../shared/jobs/job-engine.js';
import { runTroubleshootStep } from '../../shared/jobs/troubleshoot/run-step.js';
import { stepFailure } from '../../shared/jobs/troubleshoot/step-failure.js';
import { TROUBLESHOOT_STEP_COUNT, TROUBLESHOOT_STEPS } from '../../shared/jobs/troubleshoot/troubleshoot-steps.js';
import { troubleshootInputSchema, type Finding } from '../../shared/jobs/troubleshoot/troubleshoot-job.js';
import type { ContosoStore } from '../../shared/storage/contoso-store.js';
import { createLogger, type Logger } from '../../shared/telemetry/logger.js';

interface Job {
  snapshot: JobSnapshot;
  done: Promise<void>;
}

export interface InMemoryJobEngine extends JobEngine, JobEngineSource {
  /** Settles once the job has finished (or at once for an unknown id). */
  settled(jobId: string): Promise<void>;
  /** Every activity run, in order, as `jobId:activity`. */
  readonly runs: string[];
}

export interface InMemoryJobEngineOptions {
  store: () => ContosoStore;
  /** Awaited before each step (1-based); a test holds the job here. */
  gate?: (step: number, jobId: string) => Promise<void>;
  /** Replaces a step's body (e.g. one that always fails). */
  override?: (activity: string) => (() => Promise<unknown>) | undefined;
  /** Where failed steps log, as the activity registration logs to the app's logger. */
  logger?: () => Logger;
}

export function createInMemoryJobEngine(options: InMemoryJobEngineOptions): InMemoryJobEngine {
  const jobs = new Map<string, Job>();
  const runs: string[] = [];
  const silent = createLogger({ level: 'error', sink: () => {} });
  const update = (job: Job, change: Partial<JobSnapshot>) => {
    job.snapshot = { ...job.snapshot, ...change, lastUpdatedAt: new Date() };
  };
  const isRunning = (job: Job) => job.snapshot.runtimeStatus === 'running';

  async function run(job: Job): Promise<void> {
    const input = troubleshootInputSchema.parse(job.snapshot.input);
    const findings: Finding[] = [];
    for (const [index, step] of TROUBLESHOOT_STEPS.entries()) {
      if (!isRunning(job)) return;
      update(job, { customStatus: { step: index + 1, total: TROUBLESHOOT_STEP_COUNT, message: step.message } });
      await options.gate?.(index + 1, job.snapshot.jobId);
      if (!isRunning(job)) return;
      runs.push(`${job.snapshot.jobId}:${step.activity}`);
      let output: unknown;
      try {
        const replaced = options.override?.(step.activity);
        output = replaced ? await replaced() : await runTroubleshootStep(step.activity, { job: input, instanceId: job.snapshot.jobId, findings: [...findings] }, options.store());
      } catch (error) {
        const failure = stepFailure(step.activity, error, options.logger?.() ?? silent);
        if (isRunning(job)) update(job, { runtimeStatus: 'failed', output: `Orchestrator function 'troubleshootDevice' failed: ${failure.message}` });
        return;
      }
      if (!isRunning(job)) return;
      if (index === TROUBLESHOOT_STEP_COUNT - 1) update(job, { runtimeStatus: 'completed', output });
      else findings.push(output as Finding);
    }
  }

  const engine: InMemoryJobEngine = {
    runs,
    async forInvocation() {
      return engine;
    },
    async start(name, jobId, input) {
      if (jobs.has(jobId)) throw new Error(`job ${jobId} exists`);
      const now = new Date();
      const job: Job = {
        snapshot: { jobId, name, runtimeStatus: 'running', createdAt: now, lastUpdatedAt: now, input, output: null, customStatus: null },
        done: Promise.resolve(),
      };
      jobs.set(jobId, job);
      job.done = run(job);
    },
    async status(jobId) {
      const job = jobs.get(jobId);
      return job ? { ...job.snapshot } : undefined;
    },
    async terminate(jobId, reason) {
      const job = jobs.get(jobId);
      if (job && isRunning(job)) update(job, { runtimeStatus: 'terminated', output: reason });
    },
    async list(filter) {
      return [...jobs.values()]
        .map((job) => job.snapshot)
        .filter((s) => (!filter.statuses || filter.statuses.includes(s.runtimeStatus)) && (!filter.createdBefore || s.createdAt < filter.createdBefore));
    },
    async purgeFinished(createdBefore) {
      const finished: JobRuntimeStatus[] = ['completed', 'failed', 'terminated'];
      let purged = 0;
      for (const [id, job] of jobs) {
        if (finished.includes(job.snapshot.runtimeStatus) && job.snapshot.createdAt < createdBefore) {
          jobs.delete(id);
          purged += 1;
        }
      }
      return purged;
    },
    async settled(jobId) {
      await jobs.get(jobId)?.done;
    },
  };
  return engine;
}
