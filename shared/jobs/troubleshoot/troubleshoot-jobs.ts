// The troubleshoot job as the tools and MCP tasks use it: start one for a caller, read it, wait for
// it (reporting each step as it starts) and cancel it. A job belongs to the caller who started it
// (tenant + caller id in its input): anyone else is told it does not exist, exactly like an
// unknown id. The job engine comes from the request's invocation (the durable client binding).
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { InvalidArgumentError, NotFoundError } from '../../errors/domain-error.js';
import { hasRoles, ROLES, type Principal } from '../../identity/principal.js';
import type { CallerScope } from '../../request/request-scope.js';
import type { ContosoStore } from '../../storage/contoso-store.js';
import type { Clock } from '../../time/clock.js';
import type { JobsConfig } from '../../config/config.js';
import type { JobEngine, JobEngineSource, JobSnapshot } from '../job-engine.js';
import { notFoundView, progressOf, toJobView, type JobView } from './job-view.js';
import { TROUBLESHOOT_STEP_COUNT, TROUBLESHOOT_STEPS } from './troubleshoot-steps.js';
import { TROUBLESHOOT_ORCHESTRATION, troubleshootInputSchema, type TroubleshootInput } from './troubleshoot-job.js';

/** How often a waiting call reads the job's status. */
export const JOB_POLL_MS = 500;

/** How long cancel waits for the engine to report the job terminated (termination is queued). */
const CANCEL_SETTLE_MS = 10_000;

export interface TroubleshootRequest {
  customerId: number;
  subscriptionId: number;
  symptom: string;
}

/** Called once per step as the job reaches it, in order, with no step skipped. */
export type StepListener = (step: number, total: number, message: string) => Promise<void>;

export interface WaitOptions {
  seconds: number;
  signal: AbortSignal;
  onStep?: StepListener | undefined;
}

/** A job of the caller with the engine's timestamps (what an MCP task reports beside the view). */
export interface TrackedJob {
  view: JobView;
  createdAt: Date;
  lastUpdatedAt: Date;
}

export interface TroubleshootJobs {
  readonly settings: JobsConfig['troubleshoot'];
  /** How long a finished job stays readable before the retention timer purges it. */
  readonly retentionHours: number;
  /** Checks the customer and subscription, then starts a job for the caller; its id. */
  start(scope: CallerScope, request: TroubleshootRequest): Promise<string>;
  view(scope: CallerScope, jobId: string): Promise<JobView>;
  /** The caller's job with its timestamps, or undefined (unknown, purged, or someone else's). */
  find(scope: CallerScope, jobId: string): Promise<TrackedJob | undefined>;
  /** Waits until the job finishes, `seconds` pass or `signal` aborts; the job as it then is. */
  wait(scope: CallerScope, jobId: string, options: WaitOptions): Promise<JobView>;
  /** Stops the caller's running job; a finished one is reported as it is. */
  cancel(scope: CallerScope, jobId: string): Promise<JobView>;
}

export interface TroubleshootJobsDeps {
  engines: JobEngineSource;
  store: ContosoStore;
  clock: Clock;
  config: JobsConfig;
  newJobId?: () => string;
}

function ownedBy(snapshot: JobSnapshot | undefined, caller: Principal): TroubleshootInput | undefined {
  if (snapshot === undefined || snapshot.name !== TROUBLESHOOT_ORCHESTRATION) return undefined;
  const input = troubleshootInputSchema.safeParse(snapshot.input);
  if (!input.success) return undefined;
  const { owner } = input.data;
  return owner.tenantId === caller.tenantId && owner.callerId === caller.callerId ? input.data : undefined;
}

export function createTroubleshootJobs(deps: TroubleshootJobsDeps): TroubleshootJobs {
  const settings = deps.config.troubleshoot;
  const newJobId = deps.newJobId ?? (() => `ts-${randomUUID()}`);
  const engineFor = (scope: CallerScope): Promise<JobEngine> => deps.engines.forInvocation(scope.invocation);

  /** The caller's job, or undefined (someone else's job is as absent as an unknown one). */
  async function ownSnapshot(engine: JobEngine, scope: CallerScope, jobId: string): Promise<JobSnapshot | undefined> {
    const snapshot = await engine.status(jobId);
    return ownedBy(snapshot, scope.caller) ? snapshot : undefined;
  }

  const viewOf = (jobId: string, snapshot: JobSnapshot | undefined): JobView =>
    snapshot === undefined ? notFoundView(jobId, deps.config.retentionHours) : toJobView(snapshot, settings.stepDelaySeconds);

  return {
    settings,
    retentionHours: deps.config.retentionHours,
    async start(scope, request) {
      const [customer, subscription] = await Promise.all([deps.store.customers.get(request.customerId), deps.store.subscriptions.get(request.subscriptionId)]);
      if (!customer) throw new NotFoundError('Customer', request.customerId);
      if (!subscription) throw new NotFoundError('Subscription', request.subscriptionId);
      if (subscription.customerId !== request.customerId) {
        throw new InvalidArgumentError(`Subscription ${request.subscriptionId} does not belong to customer ${request.customerId}`);
      }
      const input: TroubleshootInput = {
        ...request,
        owner: { tenantId: scope.caller.tenantId, callerId: scope.caller.callerId },
        mayOpenTicket: hasRoles(scope.caller, [ROLES.write]),
        asOf: deps.clock.now().toISOString(),
        stepDelaySeconds: settings.stepDelaySeconds,
        retry: settings.retry,
      };
      const jobId = newJobId();
      await (await engineFor(scope)).start(TROUBLESHOOT_ORCHESTRATION, jobId, input);
      return jobId;
    },
    async view(scope, jobId) {
      const engine = await engineFor(scope);
      return viewOf(jobId, await ownSnapshot(engine, scope, jobId));
    },
    async find(scope, jobId) {
      const snapshot = await ownSnapshot(await engineFor(scope), scope, jobId);
      if (snapshot === undefined) return undefined;
      return { view: viewOf(jobId, snapshot), createdAt: snapshot.createdAt, lastUpdatedAt: snapshot.lastUpdatedAt };
    },
    async wait(scope, jobId, options) {
      const engine = await engineFor(scope);
      const deadline = Date.now() + options.seconds * 1000;
      let reported = 0;
      for (;;) {
        const snapshot = await ownSnapshot(engine, scope, jobId);
        const view = viewOf(jobId, snapshot);
        // Report every step up to the one the job is at (all of them once it has finished).
        const reached = view.status === 'completed' ? TROUBLESHOOT_STEP_COUNT : snapshot ? (progressOf(snapshot)?.step ?? 0) : 0;
        while (options.onStep && reported < reached && !options.signal.aborted) {
          reported += 1;
          await options.onStep(reported, TROUBLESHOOT_STEP_COUNT, TROUBLESHOOT_STEPS[reported - 1]?.message ?? '');
        }
        const left = deadline - Date.now();
        if (view.status !== 'running' || left <= 0 || options.signal.aborted) return view;
        try {
          await sleep(Math.min(JOB_POLL_MS, left), undefined, { signal: options.signal });
        } catch {
          return view; // aborted while sleeping: the job as last seen
        }
      }
    },
    async cancel(scope, jobId) {
      const engine = await engineFor(scope);
      const snapshot = await ownSnapshot(engine, scope, jobId);
      if (snapshot === undefined) return viewOf(jobId, undefined);
      if (snapshot.runtimeStatus === 'running' || snapshot.runtimeStatus === 'pending') {
        await engine.terminate(jobId, 'cancelled by its owner');
        const settleBy = Date.now() + CANCEL_SETTLE_MS;
        let latest = await ownSnapshot(engine, scope, jobId);
        while (latest !== undefined && (latest.runtimeStatus === 'running' || latest.runtimeStatus === 'pending') && Date.now() < settleBy) {
          await sleep(JOB_POLL_MS / 2);
          latest = await ownSnapshot(engine, scope, jobId);
        }
        return viewOf(jobId, latest);
      }
      return viewOf(jobId, snapshot);
    },
  };
}
