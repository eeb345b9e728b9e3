// The job port's Durable Functions adapter over a real DurableClient (df.getClient) talking to the
// local durable runner's extension API: start, status (404 → undefined), a taken id, terminate,
// list by status and creation time, and retention's purge (finished jobs only, by creation time).
import '../../../dev/durable/fixtures/durable-fixtures.js';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { registeredFunctions } from '../../../../dev/host/core-api-shim.js';
import { startDurableRunner, type DurableRunner } from '../../../../dev/durable/durable-runner.js';
import { durableJobEngine } from '../../../../shared/jobs/durable/durable-job-engine.js';
import type { JobEngine, JobSnapshot } from '../../../../shared/jobs/job-engine.js';
import { purgeFinishedJobs } from '../../../../shared/jobs/purge-finished-jobs.js';
import { createLogger } from '../../../../shared/telemetry/logger.js';
import { durableClientFor } from '../../../dev/durable/fixtures/durable-client.js';
import { gate } from '../../../dev/durable/fixtures/durable-fixtures.js';

async function until(engine: JobEngine, jobId: string, done: (job: JobSnapshot) => boolean): Promise<JobSnapshot> {
  for (let attempt = 0; attempt < 3000; attempt += 1) {
    const job = await engine.status(jobId);
    if (job !== undefined && done(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${jobId} never got there`);
}

describe('durable job engine over the local runner', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'durable-engine-'));
  let runner: DurableRunner;
  let engine: JobEngine;
  before(async () => {
    runner = await startDurableRunner({ functions: registeredFunctions, databasePath: path.join(dir, 'durable.db'), hostOrigin: 'http://127.0.0.1:7071' });
    engine = durableJobEngine(durableClientFor(runner.clientData));
  });
  after(async () => {
    await runner.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts a job, reports its progress and output, and refuses a second start under the same id', async () => {
    await engine.start('sequence', 'job-seq', ['Oslo', 'Lima']);
    const done = await until(engine, 'job-seq', (job) => job.runtimeStatus === 'completed');
    assert.equal(done.name, 'sequence');
    assert.deepEqual(done.input, ['Oslo', 'Lima']);
    assert.deepEqual(done.output, ['Hello Oslo', 'Hello Lima']);
    assert.deepEqual(done.customStatus, { step: 'done' });
    assert.ok(done.createdAt <= done.lastUpdatedAt);
    await assert.rejects(engine.start('sequence', 'job-seq', []), { name: 'ConflictError' });
  });

  it('answers undefined for an unknown job, and terminates a running one with the reason as its output', async () => {
    assert.equal(await engine.status('no-such-job'), undefined);
    const held = gate('engine-terminate');
    await engine.start('gatedStep', 'job-held', 'engine-terminate');
    await held.reached;
    assert.equal((await engine.status('job-held'))?.runtimeStatus, 'running');
    await engine.terminate('job-held', 'cancelled by its owner');
    const stopped = await until(engine, 'job-held', (job) => job.runtimeStatus === 'terminated');
    assert.match(JSON.stringify(stopped.output), /cancelled by its owner/);
    held.open();
  });

  it('lists by status and purges finished jobs created before the cutoff, leaving running ones', async () => {
    const held = gate('engine-purge');
    await engine.start('gatedStep', 'job-running', 'engine-purge');
    await held.reached;
    const running = await engine.list({ statuses: ['running'] });
    assert.deepEqual(running.map((job) => job.jobId), ['job-running']);
    const logger = createLogger({ level: 'error' });
    // Retention of 1 hour, as of two hours from now: everything finished so far is old enough.
    const later = { now: () => new Date(Date.now() + 2 * 3_600_000) };
    assert.equal(await purgeFinishedJobs(engine, { clock: later, retentionHours: 1, logger }), 2);
    assert.equal(await engine.status('job-seq'), undefined);
    assert.equal(await engine.status('job-held'), undefined);
    assert.equal((await engine.status('job-running'))?.runtimeStatus, 'running');
    // As of now, nothing is older than the retention.
    assert.equal(await purgeFinishedJobs(engine, { clock: { now: () => new Date() }, retentionHours: 1, logger }), 0);
    held.open();
    await until(engine, 'job-running', (job) => job.runtimeStatus === 'completed');
  });
});
