// The port every long-running job goes through: start an instance of a registered orchestration,
// read its status (progress, result or failure), terminate it, list and purge finished ones. In
// Functions the Durable extension runs jobs (durable-job-engine.ts, over the invocation's durable
// client); under the local host the same client reaches the local runner (dev/durable/).

export const JOB_RUNTIME_STATUSES = ['pending', 'running', 'completed', 'failed', 'terminated'] as const;
export type JobRuntimeStatus = (typeof JOB_RUNTIME_STATUSES)[number];

/** A job as the engine reports it. */
export interface JobSnapshot {
  readonly jobId: string;
  /** The orchestration's registered name. */
  readonly name: string;
  readonly runtimeStatus: JobRuntimeStatus;
  readonly createdAt: Date;
  readonly lastUpdatedAt: Date;
  /** The input the job was started with. */
  readonly input: unknown;
  /** The result once completed; the error (or termination reason) once failed or terminated. */
  readonly output: unknown;
  /** What the orchestration last set as its custom status (its progress). */
  readonly customStatus: unknown;
}

export interface JobListFilter {
  readonly statuses?: readonly JobRuntimeStatus[];
  /** Jobs created before this instant. */
  readonly createdBefore?: Date;
}

export interface JobEngine {
  /** Starts `name` as instance `jobId` with `input`; a conflict when the id is taken. */
  start(name: string, jobId: string, input: unknown): Promise<void>;
  /** The job's status, or undefined when no such job exists (or it was purged). */
  status(jobId: string): Promise<JobSnapshot | undefined>;
  /** Stops a running job (no further steps run); a finished job is left as it is. */
  terminate(jobId: string, reason: string): Promise<void>;
  list(filter: JobListFilter): Promise<JobSnapshot[]>;
  /** Deletes finished jobs (completed, failed, terminated) created before `createdBefore` with their history. */
  purgeFinished(createdBefore: Date): Promise<number>;
}

/**
 * Where a request finds its job engine: in Functions the durable client is an input binding of the
 * invocation, so the engine is built per invocation (the invocation is in the request scope).
 */
export interface JobEngineSource {
  forInvocation(invocation: unknown): Promise<JobEngine>;
}
