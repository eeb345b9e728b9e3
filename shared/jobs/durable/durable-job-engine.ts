// The job engine over a Durable Functions client (the invocation's `durableClient` input): in
// Azure it reaches the Durable extension, under the local host the local runner (dev/durable/),
// through the same public client API. durable-functions is loaded on first use, not at start-up
// (it is large and only the troubleshoot tools need it).
import type { DurableClient, DurableOrchestrationStatus } from 'durable-functions';
import { ConflictError, UnavailableError } from '../../errors/domain-error.js';
import { loadDurable } from './load-durable.js';
import type { JobEngine, JobEngineSource, JobListFilter, JobRuntimeStatus, JobSnapshot } from '../job-engine.js';


const TO_ENGINE_STATUS: Readonly<Record<string, JobRuntimeStatus>> = {
  Pending: 'pending',
  Running: 'running',
  Suspended: 'running',
  ContinuedAsNew: 'running',
  Completed: 'completed',
  Failed: 'failed',
  Canceled: 'terminated',
  Terminated: 'terminated',
};

const FROM_ENGINE_STATUS: Readonly<Record<JobRuntimeStatus, string>> = {
  pending: 'Pending',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  terminated: 'Terminated',
};

const FINISHED = ['Completed', 'Failed', 'Terminated', 'Canceled'];

/** The client says "no such instance" only in its error text (an HTTP 404 from the extension). */
function isNotFound(error: unknown): boolean {
  return error instanceof Error && /HTTP 404|No instance with ID/.test(error.message);
}

function toSnapshot(status: DurableOrchestrationStatus): JobSnapshot {
  return {
    jobId: status.instanceId,
    name: status.name,
    runtimeStatus: TO_ENGINE_STATUS[String(status.runtimeStatus)] ?? 'running',
    createdAt: new Date(status.createdTime),
    lastUpdatedAt: new Date(status.lastUpdatedTime),
    input: status.input,
    output: status.output,
    customStatus: status.customStatus,
  };
}

/** A failure talking to the extension: the job service is unavailable, without its details. */
function unavailable(action: string, error: unknown): UnavailableError {
  return new UnavailableError(`The job service could not ${action}; try again shortly`, {}, { cause: error });
}

export function durableJobEngine(client: DurableClient): JobEngine {
  return {
    async start(name, jobId, input) {
      const existing = await this.status(jobId);
      if (existing !== undefined) throw new ConflictError(`A job with id ${jobId} exists already`);
      try {
        await client.startNew(name, { instanceId: jobId, input });
      } catch (error) {
        throw unavailable('start the job', error);
      }
    },
    async status(jobId) {
      try {
        return toSnapshot(await client.getStatus(jobId, { showInput: true }));
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw unavailable('read the job', error);
      }
    },
    async terminate(jobId, reason) {
      try {
        // The client puts the reason into the URL as it is.
        await client.terminate(jobId, encodeURIComponent(reason));
      } catch (error) {
        if (isNotFound(error)) return;
        throw unavailable('stop the job', error);
      }
    },
    async list(filter: JobListFilter) {
      const runtimeStatus = (filter.statuses ?? []).map((status) => FROM_ENGINE_STATUS[status]);
      try {
        const statuses = await client.getStatusBy({
          ...(filter.createdBefore ? { createdTimeTo: filter.createdBefore } : {}),
          ...(runtimeStatus.length > 0 ? { runtimeStatus: runtimeStatus as never } : {}),
        });
        return statuses.map(toSnapshot);
      } catch (error) {
        throw unavailable('list jobs', error);
      }
    },
    async purgeFinished(createdBefore) {
      try {
        const result = await client.purgeInstanceHistoryBy({ createdTimeFrom: new Date(0), createdTimeTo: createdBefore, runtimeStatus: FINISHED as never });
        return result.instancesDeleted;
      } catch (error) {
        throw unavailable('purge finished jobs', error);
      }
    },
  };
}

/**
 * The engine of an invocation whose registration declares the durable client input
 * (DURABLE_CLIENT_INPUT); a clear UnavailableError when it does not.
 */
export function durableJobEngineSource(): JobEngineSource {
  return {
    async forInvocation(invocation) {
      const df = await loadDurable();
      let client: DurableClient;
      try {
        client = df.getClient(invocation as Parameters<typeof df.getClient>[0]);
      } catch (error) {
        throw new UnavailableError('The job service is not available to this request (no durable client binding)', {}, { cause: error });
      }
      return durableJobEngine(client);
    },
  };
}
