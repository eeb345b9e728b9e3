import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JobView } from '../../../../shared/jobs/troubleshoot/job-view.js';
import { taskViewOf } from '../../../../shared/tools/troubleshoot/troubleshoot-task-provider.js';

const JOB_ID = 'ts-00000000-0000-4000-8000-000000000001';
const times = { createdAt: new Date('2026-06-15T10:00:00Z'), lastUpdatedAt: new Date('2026-06-15T10:00:30Z') };
const base: JobView = { job_id: JOB_ID, status: 'running', progress: null, result: null, reason: null, poll_after_seconds: null, next: null };

describe('troubleshoot job → MCP task', () => {
  it('maps a running job to working, with the step, the poll interval, the times and the retention as ttl', () => {
    const task = taskViewOf({ ...times, view: { ...base, progress: { step: 3, total: 9, message: 'Checking incidents' }, poll_after_seconds: 5 } }, 24);
    assert.deepEqual(task, {
      taskId: JOB_ID,
      createdAt: '2026-06-15T10:00:00.000Z',
      lastUpdatedAt: '2026-06-15T10:00:30.000Z',
      ttlMs: 86_400_000,
      status: 'working',
      pollIntervalMs: 5000,
      statusMessage: 'Step 3 of 9: Checking incidents',
    });
  });

  it('maps a failed job to a failed task with the reason as its error, and a cancelled one to cancelled', () => {
    const reason = 'Step 7 of 9 (Running a line test) failed: an internal error stopped this step';
    const failed = taskViewOf({ ...times, view: { ...base, status: 'failed', reason } }, 1);
    assert.ok(failed.status === 'failed');
    assert.deepEqual(failed.error, { code: -32603, message: reason, data: { job_id: JOB_ID } });
    assert.equal(failed.statusMessage, reason);
    assert.equal(taskViewOf({ ...times, view: { ...base, status: 'cancelled', reason: 'The job was cancelled before it finished' } }, 1).status, 'cancelled');
  });
});
