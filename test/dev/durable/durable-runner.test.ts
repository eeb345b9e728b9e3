// The local durable runner driven through the public DurableClient (df.getClient on a context built
// as the local host builds it), so the RPC API is what is tested: fixture orchestrations and
// activities registered through the real df.app run with replay over the SQLite history.
import './fixtures/durable-fixtures.js';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as df from 'durable-functions';
import type { DurableClient } from 'durable-functions';
import { registeredFunctions } from '../../../dev/host/core-api-shim.js';
import { startDurableRunner, type DurableRunner } from '../../../dev/durable/durable-runner.js';
import { durableClientFor, historyOf, waitForStatus } from './fixtures/durable-client.js';
import { gate } from './fixtures/durable-fixtures.js';

const FINISHED = ['Completed', 'Failed', 'Terminated'];
const Status = df.OrchestrationRuntimeStatus;

interface RunnerUnderTest {
  runner: DurableRunner;
  client: DurableClient;
}

/** A runner on a fresh database for one suite, stopped and removed after it. */
function runnerPerSuite(): RunnerUnderTest {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'durable-runner-'));
  const under = {} as RunnerUnderTest;
  before(async () => {
    under.runner = await startDurableRunner({ functions: registeredFunctions, databasePath: path.join(dir, 'durable.db'), hostOrigin: 'http://127.0.0.1:7071' });
    under.client = durableClientFor(under.runner.clientData);
  });
  after(async () => {
    await under.runner.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return under;
}

const typesOf = (history: Array<Record<string, unknown>>) => history.map((event) => event.EventType);

describe('durable runner: orchestrations', () => {
  const t = runnerPerSuite();

  it('runs a sequence of activities to completion, with its custom status and input', async () => {
    const id = await t.client.startNew('sequence', { input: ['Tokyo', 'Seattle', 'London'] });
    const status = await waitForStatus(t.client, id, FINISHED);
    assert.equal(status.runtimeStatus, 'Completed');
    assert.deepEqual(status.output, ['Hello Tokyo', 'Hello Seattle', 'Hello London']);
    assert.deepEqual(status.customStatus, { step: 'done' });
    assert.deepEqual(status.input, ['Tokyo', 'Seattle', 'London']);
    assert.equal(status.name, 'sequence');
    const history = await historyOf(t.runner.clientData, id);
    assert.deepEqual(typesOf(history), ['ExecutionStarted', 'TaskCompleted', 'TaskCompleted', 'TaskCompleted', 'ExecutionCompleted']);
    assert.deepEqual(history.slice(1, 4).map((event) => [event.FunctionName, event.Result]), [['greet', 'Hello Tokyo'], ['greet', 'Hello Seattle'], ['greet', 'Hello London']]);
  });

  it('shows the custom status while the orchestration runs, and finishes it after', async () => {
    const key = 'custom-status';
    const id = await t.client.startNew('gatedStep', { input: key });
    await gate(key).reached;
    const running = await t.client.getStatus(id);
    assert.equal(running.runtimeStatus, 'Running');
    assert.equal(running.customStatus, 'before the gate');
    gate(key).open();
    const done = await waitForStatus(t.client, id, FINISHED);
    assert.equal(done.customStatus, 'after the gate');
    assert.equal(done.output, `opened ${key}`);
  });

  it('fans out with Task.all', async () => {
    const id = await t.client.startNew('fanOut', { input: ['a', 'b', 'c'] });
    const status = await waitForStatus(t.client, id, FINISHED);
    assert.deepEqual(status.output, ['Hello a', 'Hello b', 'Hello c']);
  });

  it('retries a failing activity until it works, recording each failed attempt, its timer and the backoff', async () => {
    const id = await t.client.startNew('retrying', { input: { key: 'retry-twice', failures: 2 } });
    const status = await waitForStatus(t.client, id, FINISHED);
    assert.equal(status.runtimeStatus, 'Completed');
    assert.equal(status.output, 'worked after 2 failures');
    const history = await historyOf(t.runner.clientData, id);
    assert.deepEqual(typesOf(history), ['ExecutionStarted', 'TaskFailed', 'TimerCreated', 'TimerFired', 'TaskFailed', 'TimerCreated', 'TimerFired', 'TaskCompleted', 'ExecutionCompleted']);
    assert.match(String(history[1]?.Reason), /^Activity function 'flaky' failed: flaky failure 1$/);
    const delays = history.filter((event) => event.EventType === 'TimerCreated').map((event) => Date.parse(String(event.FireAt)) - Date.parse(String(event.Timestamp)));
    assert.deepEqual(delays, [10, 20], 'firstRetryInterval 10 ms, backoff coefficient 2');
  });

  it('fails the instance when an activity keeps failing, with the activity error in the output', async () => {
    const id = await t.client.startNew('retriesExhausted');
    const status = await waitForStatus(t.client, id, FINISHED);
    assert.equal(status.runtimeStatus, 'Failed');
    assert.match(String(status.output), /^Orchestrator function 'retriesExhausted' failed: Activity function 'alwaysFails' failed: the printer is on fire/);
    const history = await historyOf(t.runner.clientData, id);
    assert.deepEqual(typesOf(history), ['ExecutionStarted', 'TaskFailed', 'TimerCreated', 'TimerFired', 'TaskFailed', 'TimerCreated', 'TimerFired', 'ExecutionCompleted']);
    assert.equal(history.at(-1)?.OrchestrationStatus, 'Failed');
  });

  it('fails the instance when the orchestrator does not catch an activity failure', async () => {
    const id = await t.client.startNew('failing');
    const status = await waitForStatus(t.client, id, FINISHED);
    assert.equal(status.runtimeStatus, 'Failed');
    assert.match(String(status.output), /^Orchestrator function 'failing' failed: Activity function 'alwaysFails' failed: the printer is on fire/);
  });

  it('fires timers, and the orchestrator time after one is at least its fire time', async () => {
    const id = await t.client.startNew('napping');
    const status = await waitForStatus(t.client, id, FINISHED);
    const output = status.output as { before: string; after: string; greeting: string };
    assert.equal(output.greeting, 'Hello after a nap');
    assert.ok(Date.parse(output.after) >= Date.parse(output.before) + 50, JSON.stringify(output));
    const history = await historyOf(t.runner.clientData, id);
    assert.deepEqual(typesOf(history), ['ExecutionStarted', 'TimerCreated', 'TimerFired', 'TaskCompleted', 'ExecutionCompleted']);
  });

  it('fails a non-deterministic orchestrator with the step that changed', async () => {
    const id = await t.client.startNew('fickle');
    const status = await waitForStatus(t.client, id, FINISHED);
    assert.equal(status.runtimeStatus, 'Failed');
    assert.equal(
      status.output,
      `Orchestrator function 'fickle' failed: non-deterministic orchestrator: step 1 was CallActivity 'greet' with input "world", now CallActivity 'shout' with input "world"`,
    );
  });

  it('delivers a raised event, buffered while the instance is suspended', async () => {
    const id = await t.client.startNew('waiting', { instanceId: 'approval-1' });
    assert.equal(id, 'approval-1');
    const running = await waitForStatus(t.client, id, ['Running']);
    assert.equal(running.customStatus, 'waiting for approval');
    await t.client.suspend(id, 'lunch');
    assert.equal((await t.client.getStatus(id)).runtimeStatus, 'Suspended');
    await t.client.raiseEvent(id, 'approval', { by: 'ops' });
    assert.equal((await t.client.getStatus(id)).runtimeStatus, 'Suspended');
    await t.client.resume(id, 'back');
    const status = await waitForStatus(t.client, id, FINISHED);
    assert.deepEqual(status.output, { approved: { by: 'ops' } });
    await t.client.raiseEvent(id, 'approval', 'too late'); // 410 Gone: the client accepts it
    await assert.rejects(t.client.raiseEvent('no-such-instance', 'approval', 1), /No instance with ID 'no-such-instance' found/);
  });
});

describe('durable runner: terminate, purge and queries', () => {
  const t = runnerPerSuite();

  it('terminates a running instance: the reason is the output, and the result of the activity in flight is dropped', async () => {
    const key = 'terminated-in-flight';
    const id = await t.client.startNew('gatedStep', { input: key });
    await gate(key).reached;
    const reason = 'stopped by ops & 100% sure';
    await t.client.terminate(id, reason);
    gate(key).open();
    await gate(key).returned;
    await new Promise((resolve) => setImmediate(resolve)); // the runner records (or drops) the result in the same turn
    const status = await t.client.getStatus(id);
    assert.equal(status.runtimeStatus, 'Terminated');
    assert.equal(status.output, reason);
    const history = await historyOf(t.runner.clientData, id);
    assert.deepEqual(typesOf(history), ['ExecutionStarted', 'TaskScheduled', 'ExecutionTerminated', 'ExecutionCompleted']);
    await t.client.terminate(id, 'again'); // 410 Gone: the client accepts it
    await assert.rejects(t.client.terminate('no-such-instance', 'why'), /No instance with ID 'no-such-instance' found/);
  });

  it('rejects getStatus for an unknown id as it does against the extension (404)', async () => {
    await assert.rejects(t.client.getStatus('no-such-instance'), /replied with HTTP 404 response.*no-such-instance/);
  });

  it('purges one instance with its history; purging it again deletes nothing', async () => {
    const id = await t.client.startNew('sequence', { input: ['x'] });
    await waitForStatus(t.client, id, FINISHED);
    assert.deepEqual({ ...(await t.client.purgeInstanceHistory(id)) }, { instancesDeleted: 1 });
    await assert.rejects(t.client.getStatus(id), /404/);
    assert.deepEqual({ ...(await t.client.purgeInstanceHistory(id)) }, { instancesDeleted: 0 });
    const running = await t.client.startNew('waiting');
    await waitForStatus(t.client, running, ['Running']);
    assert.equal((await t.client.purgeInstanceHistory(running)).instancesDeleted, 1, 'a running instance is purged too');
    await assert.rejects(t.client.getStatus(running), /404/);
  });

  it('filters instances by creation time and runtime status, and purges by the same filter', async () => {
    const from = new Date();
    const completed = await t.client.startNew('sequence', { input: ['q'] });
    await waitForStatus(t.client, completed, FINISHED);
    const failed = await t.client.startNew('failing');
    await waitForStatus(t.client, failed, FINISHED);
    const between = new Date();
    while (Date.now() <= between.getTime()); // the next instance is created in a later millisecond
    const running = await t.client.startNew('waiting');
    await waitForStatus(t.client, running, ['Running']);

    const ids = (statuses: Array<{ instanceId: string }>) => statuses.map((status) => status.instanceId).sort();
    assert.deepEqual(ids(await t.client.getStatusBy({ createdTimeFrom: from })), [completed, failed, running].sort());
    assert.deepEqual(ids(await t.client.getStatusBy({ createdTimeFrom: from, createdTimeTo: between })), [completed, failed].sort());
    assert.deepEqual(ids(await t.client.getStatusBy({ createdTimeFrom: from, runtimeStatus: [Status.Completed, Status.Running] })), [completed, running].sort());
    assert.deepEqual(ids(await t.client.getStatusBy({ runtimeStatus: [Status.Failed] })), [failed]);

    const purged = await t.client.purgeInstanceHistoryBy({ createdTimeFrom: from, runtimeStatus: [Status.Completed, Status.Failed] });
    assert.equal(purged.instancesDeleted, 2);
    assert.deepEqual(ids(await t.client.getStatusBy({ createdTimeFrom: from })), [running]);
    assert.equal((await t.client.purgeInstanceHistoryBy({ createdTimeFrom: from, runtimeStatus: [Status.Completed] })).instancesDeleted, 0, '404 from the runner: nothing matched');
  });
});
