// trouble_shoot_device as an MCP task (the tasks extension, for 2026-07-28 clients that declare
// it): the task is the troubleshoot job, its id the job id, so any instance answers for it from
// the job engine. The client SDK, not the model, carries the handle and polls; the answer when the
// job is done is exactly what the tool answers. Other clients keep the tool's wait-and-handle face.
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { TroubleshootJobs, TrackedJob } from '../../jobs/troubleshoot/troubleshoot-jobs.js';
import type { TaskProvider, TaskView } from '../../mcp/tasks/task-provider.js';
import { toolResult } from '../../mcp/run-tool.js';
import { jobIdSchema } from './job-id.js';
import { describeJob } from './job-summary.js';
import { troubleShootDevice } from './trouble-shoot-device.js';

const HOUR_MS = 3_600_000;

/** JSON-RPC's internal error: the job broke (a step failed after its retries), not the request. */
const JOB_FAILED_CODE = -32603;

/** The tool's own answer for a completed job. */
function resultOf(tracked: TrackedJob): CallToolResult {
  return toolResult(tracked.view, describeJob(tracked.view));
}

export function taskViewOf(tracked: TrackedJob, retentionHours: number): TaskView {
  const { view } = tracked;
  const base = {
    taskId: view.job_id,
    createdAt: tracked.createdAt.toISOString(),
    lastUpdatedAt: tracked.lastUpdatedAt.toISOString(),
    ttlMs: retentionHours * HOUR_MS,
  };
  switch (view.status) {
    case 'running':
      return {
        ...base,
        status: 'working',
        pollIntervalMs: (view.poll_after_seconds ?? 1) * 1000,
        statusMessage: view.progress ? `Step ${view.progress.step} of ${view.progress.total}: ${view.progress.message}` : 'Starting',
      };
    case 'cancelled':
      return { ...base, status: 'cancelled', statusMessage: view.reason ?? 'Cancelled' };
    case 'completed':
      return { ...base, status: 'completed', result: resultOf(tracked) };
    case 'failed': {
      // The reason names the step and never internal details (step-failure.ts).
      const reason = view.reason ?? 'The job failed';
      return { ...base, status: 'failed', statusMessage: reason, error: { code: JOB_FAILED_CODE, message: reason, data: { job_id: view.job_id } } };
    }
    case 'not_found':
      // find() never gives a not_found view; reading as cancelled keeps the union total.
      return { ...base, status: 'cancelled' };
  }
}

export function createTroubleshootTaskProvider(jobs: TroubleshootJobs): TaskProvider {
  const find = (taskId: string, scope: Parameters<TroubleshootJobs['find']>[0]) =>
    jobIdSchema.safeParse(taskId).success ? jobs.find(scope, taskId) : Promise.resolve(undefined);
  const viewOf = (tracked: TrackedJob | undefined) => (tracked === undefined ? undefined : taskViewOf(tracked, jobs.retentionHours));

  return {
    name: 'troubleshoot-jobs',
    tools: new Map([[troubleShootDevice.name, 'optional']]),
    async create(call) {
      const args = troubleShootDevice.input.parse(call.arguments);
      const jobId = await jobs.start(call.scope, { customerId: args.customer_id, subscriptionId: args.subscription_id, symptom: args.symptom });
      const tracked = await jobs.find(call.scope, jobId);
      if (tracked !== undefined) return taskViewOf(tracked, jobs.retentionHours);
      // The engine took the job but does not show it yet: it is working, and will be found.
      const now = new Date().toISOString();
      return { taskId: jobId, createdAt: now, lastUpdatedAt: now, ttlMs: jobs.retentionHours * HOUR_MS, status: 'working', pollIntervalMs: 1000 };
    },
    async get(taskId, scope) {
      return viewOf(await find(taskId, scope));
    },
    async cancel(taskId, scope) {
      if ((await find(taskId, scope)) === undefined) return undefined;
      await jobs.cancel(scope, taskId);
      return viewOf(await jobs.find(scope, taskId));
    },
    async update(taskId, scope) {
      // The job never asks for input: answers change nothing.
      return viewOf(await find(taskId, scope));
    },
  };
}
