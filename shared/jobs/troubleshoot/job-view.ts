// What a caller sees of a troubleshoot job, whichever way they asked (the tools, MCP tasks): its
// status, the step it is at, the result or why it failed, and when to look again. Built from the
// engine's snapshot; the failure text shown is only what the job's steps chose to say.
import * as z from 'zod';
import type { JobSnapshot } from '../job-engine.js';
import { TROUBLESHOOT_STEP_COUNT } from './troubleshoot-steps.js';
import { troubleshootProgressSchema, troubleshootResultSchema, type TroubleshootProgress } from './troubleshoot-job.js';

export const JOB_VIEW_STATUSES = ['running', 'completed', 'failed', 'cancelled', 'not_found'] as const;
export type JobViewStatus = (typeof JOB_VIEW_STATUSES)[number];

export const jobViewSchema = z.object({
  job_id: z.string().describe('The job handle: pass it to get_troubleshoot_result or cancel_troubleshoot'),
  status: z.enum(JOB_VIEW_STATUSES),
  progress: troubleshootProgressSchema.nullable().describe('The step the job is at (running) or reached'),
  result: troubleshootResultSchema.nullable().describe('The diagnosis, once completed'),
  reason: z.string().nullable().describe('Why the job failed, was cancelled or cannot be found'),
  poll_after_seconds: z.number().int().nullable().describe('While running: when to ask again'),
  next: z.string().nullable().describe('What to call next, if anything'),
});
export type JobView = z.output<typeof jobViewSchema>;

/** Marks the message a step chose to show when it failed (see step-failure.ts). */
export const STEP_FAILURE_MARK = '[troubleshoot]';
const STEP_FAILURE = /\[troubleshoot\] ([^\n"\\]{1,300})/;

/** Longest poll_after_seconds suggested, however long the job still has to go. */
const MAX_POLL_AFTER_SECONDS = 30;

export function progressOf(snapshot: JobSnapshot): TroubleshootProgress | null {
  const parsed = troubleshootProgressSchema.safeParse(snapshot.customStatus);
  return parsed.success ? parsed.data : null;
}

/** Seconds until the job is likely done: the remaining steps at the configured pace, 2–30 s. */
export function pollAfterSeconds(progress: TroubleshootProgress | null, stepDelaySeconds: number): number {
  const remaining = TROUBLESHOOT_STEP_COUNT - (progress?.step ?? 0) + 1;
  return Math.min(MAX_POLL_AFTER_SECONDS, Math.max(2, remaining * (stepDelaySeconds + 1)));
}

export function notFoundView(jobId: string, retentionHours: number): JobView {
  return {
    job_id: jobId,
    status: 'not_found',
    progress: null,
    result: null,
    reason: `No troubleshoot job ${jobId} of yours exists (finished jobs are kept for ${retentionHours} hours)`,
    poll_after_seconds: null,
    next: null,
  };
}

export function toJobView(snapshot: JobSnapshot, stepDelaySeconds: number): JobView {
  const base = { job_id: snapshot.jobId, progress: progressOf(snapshot), result: null, reason: null, poll_after_seconds: null, next: null };
  switch (snapshot.runtimeStatus) {
    case 'completed': {
      const result = troubleshootResultSchema.safeParse(snapshot.output);
      if (result.success) return { ...base, status: 'completed', result: result.data };
      return { ...base, status: 'failed', reason: 'The job finished without a readable result' };
    }
    case 'failed': {
      const step = base.progress ? `Step ${base.progress.step} of ${base.progress.total} (${base.progress.message}) failed` : 'The job failed';
      const said = STEP_FAILURE.exec(typeof snapshot.output === 'string' ? snapshot.output : JSON.stringify(snapshot.output ?? ''))?.[1];
      return { ...base, status: 'failed', reason: said ? `${step}: ${said}` : `${step}; try again later` };
    }
    case 'terminated':
      return { ...base, status: 'cancelled', reason: 'The job was cancelled before it finished' };
    default: {
      const poll = pollAfterSeconds(base.progress, stepDelaySeconds);
      return { ...base, status: 'running', poll_after_seconds: poll, next: `Call get_troubleshoot_result with job_id "${snapshot.jobId}" in about ${poll} s` };
    }
  }
}
