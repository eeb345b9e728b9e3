// The conformance suite's task fixtures: their provider keeps the TaskProvider contract, and the
// in-memory task table behind it runs a job through every status (jobs here wait on promises the
// test resolves, and time is a settable clock, so nothing depends on timers).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProtocolError, type CallToolResult } from '@modelcontextprotocol/server';
import { createInMemoryTasks, type RunningTask } from '../../../dev/conformance/in-memory-tasks.js';
import { createTaskFixtureProvider } from '../../../dev/conformance/task-fixtures.js';
import { developmentPrincipal } from '../../../shared/identity/principal.js';
import { detachedScope, withCaller } from '../../../shared/request/request-scope.js';
import { systemClock, type Clock } from '../../../shared/time/clock.js';
import { describeTaskProviderContract } from '../../support/task-provider-contract.js';

describeTaskProviderContract('conformance task fixtures (in memory)', async () => ({
  provider: createTaskFixtureProvider(systemClock),
  longCall: { toolName: 'slow_compute', arguments: { seconds: 3600, label: 'contract' } },
}));

/** A promise the test settles, and a job that waits for it. */
function gate<T>() {
  let open!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

/** Lets the job's pending continuations run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('in-memory task table', () => {
  let at = Date.parse('2026-06-15T12:00:00.000Z');
  const clock: Clock = { now: () => new Date(at) };
  const tasks = createInMemoryTasks({ clock, ttlMs: 60_000, pollIntervalMs: 250 });
  const alice = withCaller(detachedScope('t'), { ...developmentPrincipal(), callerId: 'alice' });
  const done: CallToolResult = { content: [{ type: 'text', text: 'done' }] };

  it('completes with the job result', async () => {
    const finish = gate<CallToolResult>();
    const task = tasks.start(alice, () => finish.promise);
    assert.equal(tasks.get(task.taskId, alice)?.status, 'working');
    finish.open(done);
    await settle();
    assert.deepEqual(tasks.get(task.taskId, alice), { ...task, status: 'completed', result: done });
  });

  it('fails with the JSON-RPC error of a protocol-level fault, and hides any other error', async () => {
    const first = gate<CallToolResult>();
    const second = gate<CallToolResult>();
    const protocol = tasks.start(alice, () => first.promise);
    const other = tasks.start(alice, () => second.promise);
    first.fail(new ProtocolError(-32603, 'broke'));
    second.fail(new Error('secret detail'));
    await settle();
    const failed = tasks.get(protocol.taskId, alice);
    assert.deepEqual(failed?.status === 'failed' ? failed.error : undefined, { code: -32603, message: 'broke' });
    assert.doesNotMatch(JSON.stringify(tasks.get(other.taskId, alice)), /secret detail/);
  });

  it('waits for every answer, showing only the requests still open, then resumes', async () => {
    const elicit = (message: string) => ({ method: 'elicitation/create' as const, params: { message, requestedSchema: { type: 'object' as const, properties: {} } } });
    let answers: unknown;
    const task = tasks.start(alice, async (running: RunningTask) => {
      answers = await running.ask({ a: elicit('A?'), b: elicit('B?') });
      return done;
    });
    const waiting = tasks.get(task.taskId, alice);
    assert.deepEqual(waiting?.status === 'input_required' ? Object.keys(waiting.inputRequests) : [], ['a', 'b']);
    tasks.update(task.taskId, alice, { a: { action: 'accept', content: {} }, stray: { ignored: true } });
    const half = tasks.get(task.taskId, alice);
    assert.deepEqual(half?.status === 'input_required' ? Object.keys(half.inputRequests) : [], ['b']);
    tasks.update(task.taskId, alice, { b: { action: 'decline' } });
    await settle();
    assert.equal(tasks.get(task.taskId, alice)?.status, 'completed');
    assert.deepEqual(answers, { a: { action: 'accept', content: {} }, b: { action: 'decline' } });
  });

  it('settles to cancelled at once, aborts the job, and ignores what the job does afterwards', async () => {
    const finish = gate<CallToolResult>();
    let aborted = false;
    const task = tasks.start(alice, async (running) => {
      running.signal.addEventListener('abort', () => {
        aborted = true;
      });
      return finish.promise;
    });
    assert.equal(tasks.cancel(task.taskId, alice)?.status, 'cancelled');
    assert.equal(aborted, true);
    finish.open(done);
    await settle();
    assert.equal(tasks.get(task.taskId, alice)?.status, 'cancelled');
    assert.equal(tasks.cancel(task.taskId, alice)?.status, 'cancelled');
  });

  it('forgets a task once its time to live has passed', () => {
    const task = tasks.start(alice, () => new Promise(() => {}));
    at += 59_000;
    assert.notEqual(tasks.get(task.taskId, alice), undefined);
    at += 2_000;
    assert.equal(tasks.get(task.taskId, alice), undefined);
  });
});
