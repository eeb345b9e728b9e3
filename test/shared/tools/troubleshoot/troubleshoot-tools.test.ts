// The troubleshoot tools through the real MCP path (in-process), on an in-memory job engine that
// runs the job's real steps: the scenario diagnoses, the ticket rule, live progress, the wait
// budget and the job handle, ownership, cancelling, a failing step, and bad input.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_ROLES, developmentPrincipal, LOCAL_TENANT_ID, ROLES } from '../../../../shared/identity/principal.js';
import { detachedScope, withCaller } from '../../../../shared/request/request-scope.js';
import { createTroubleshootTaskProvider } from '../../../../shared/tools/troubleshoot/troubleshoot-task-provider.js';
import { createInMemoryJobEngine, type InMemoryJobEngine } from '../../../support/in-memory-job-engine.js';
import { useSeededMcp, type SeededSuite } from '../../../support/in-process-mcp.js';

type Row = Record<string, unknown>;

/** A gate that holds the job before step `at` until released. */
function holdAt(at: number) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  return { gate: async (step: number) => (step === at ? released : undefined), release: () => release() };
}

function subscriptionOf(suite: SeededSuite, customerId: number): number {
  const subscription = suite.data.subscriptions.find((s) => s.customerId === customerId);
  assert.ok(subscription, `customer ${customerId} has a subscription`);
  return subscription.subscriptionId;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition not reached');
}

describe('trouble_shoot_device: diagnoses and tickets', () => {
  const suite = useSeededMcp({ env: { TROUBLESHOOT_STEP_DELAY_SECONDS: '0' } });

  it("names the open Tacoma incident for customer 252's slow fibre and opens no ticket", async () => {
    const result = await suite.mcp.call('trouble_shoot_device', { customer_id: 252, subscription_id: subscriptionOf(suite, 252), symptom: 'internet is slow' });
    assert.equal(result.isError, false, result.text);
    assert.equal(result.structured.status, 'completed');
    const outcome = result.structured.result as Row;
    assert.match(String(outcome.diagnosis), /Tacoma/);
    assert.equal(outcome.ticket_id, null);
    assert.equal((outcome.findings as Row[]).length, 8, 'one finding per diagnostic step');
  });

  it("recommends the network escalation for customer 257 and opens its ticket once, however often the step runs", async () => {
    const args = { customer_id: 257, subscription_id: subscriptionOf(suite, 257), symptom: 'calls keep dropping' };
    const before = (await suite.mcp.ctx.store.tickets.listByCustomer(257)).length;
    const result = await suite.mcp.call('trouble_shoot_device', args);
    const outcome = result.structured.result as Row;
    assert.equal(outcome.ticket_recommended, true);
    assert.ok(typeof outcome.ticket_id === 'number', result.text);
    assert.ok((outcome.recommended_actions as Row[]).some((a) => /escalat/i.test(String(a.action))), result.text);
    const tickets = await suite.mcp.ctx.store.tickets.listByCustomer(257);
    assert.equal(tickets.length, before + 1);
    // The summary step again with the same job (a retry or a replay after a crash): no second ticket.
    const { runTroubleshootStep } = await import('../../../../shared/jobs/troubleshoot/run-step.js');
    const job = result.structured.job_id as string;
    const input = { job: { customerId: 257, subscriptionId: args.subscription_id, symptom: args.symptom, owner: { tenantId: LOCAL_TENANT_ID, callerId: 'local-developer' }, mayOpenTicket: true, asOf: '2026-06-15T12:00:00.000Z', stepDelaySeconds: 0, retry: { firstIntervalMs: 100, maxAttempts: 1 } }, instanceId: job, findings: outcome.findings };
    const again = (await runTroubleshootStep('troubleshootSummarise', input, suite.mcp.ctx.store)) as Row;
    assert.equal(again.ticket_id, outcome.ticket_id);
    assert.equal((await suite.mcp.ctx.store.tickets.listByCustomer(257)).length, before + 1);
  });

  it('only recommends the ticket to a caller without the write role', async () => {
    const reader = { ...developmentPrincipal([ROLES.read]), callerId: 'reader' };
    const result = await suite.mcp.callAs(reader, 'trouble_shoot_device', { customer_id: 257, subscription_id: subscriptionOf(suite, 257), symptom: 'calls drop' });
    const outcome = result.structured.result as Row;
    assert.equal(outcome.ticket_recommended, true);
    assert.equal(outcome.ticket_id, null);
  });

  it('refuses a subscription of another customer, an unknown customer and a malformed job id', async () => {
    const mismatch = await suite.mcp.call('trouble_shoot_device', { customer_id: 252, subscription_id: subscriptionOf(suite, 257), symptom: 'slow' });
    assert.equal(mismatch.error?.code, 'INVALID_ARGUMENT');
    const unknown = await suite.mcp.call('trouble_shoot_device', { customer_id: 99_999, subscription_id: subscriptionOf(suite, 257), symptom: 'slow' });
    assert.equal(unknown.error?.code, 'NOT_FOUND');
    const badId = await suite.mcp.call('get_troubleshoot_result', { job_id: '../etc/passwd' });
    assert.equal(badId.error?.code, 'INVALID_ARGUMENT');
    assert.match(badId.text, /job_id/);
  });
});

describe('trouble_shoot_device: progress, the wait budget and the job handle', () => {
  const hold = { current: holdAt(0) };
  let engine: InMemoryJobEngine;
  const suite = useSeededMcp({
    env: { TROUBLESHOOT_STEP_DELAY_SECONDS: '0', TROUBLESHOOT_WAIT_SECONDS: '0' },
    get jobEngines() {
      engine ??= createInMemoryJobEngine({ store: () => suite.mcp.ctx.store, gate: (step) => hold.current.gate(step) });
      return engine;
    },
  });

  it('reports each of the nine steps once, in order, then answers with the result', async () => {
    // With a progress token the live wait applies (120 s), not the 0 s wait.
    const seen: number[] = [];
    const result = await suite.mcp.call('trouble_shoot_device', { customer_id: 252, subscription_id: subscriptionOf(suite, 252), symptom: 'slow' }, { onprogress: (p) => seen.push(p) });
    assert.equal(result.structured.status, 'completed', result.text);
    assert.deepEqual(seen, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.ok(suite.mcp.contentTypes.at(-1)?.startsWith('text/event-stream'), 'progress came as an SSE stream');
  });

  it('answers a job that outlives the wait with its handle; polling it gives the final result', async () => {
    hold.current = holdAt(3);
    const started = await suite.mcp.call('trouble_shoot_device', { customer_id: 252, subscription_id: subscriptionOf(suite, 252), symptom: 'slow' });
    assert.equal(started.structured.status, 'running', started.text);
    const jobId = started.structured.job_id as string;
    assert.match(jobId, /^ts-/);
    assert.ok((started.structured.poll_after_seconds as number) >= 2);
    assert.match(String(started.structured.next), /get_troubleshoot_result/);
    const running = await until(() => suite.mcp.call('get_troubleshoot_result', { job_id: jobId }), (r) => (r.structured.progress as Row | null)?.step === 3);
    assert.equal(running.structured.status, 'running');
    hold.current.release();
    const done = await until(() => suite.mcp.call('get_troubleshoot_result', { job_id: jobId }), (r) => r.structured.status !== 'running');
    assert.equal(done.structured.status, 'completed');
    assert.match(String((done.structured.result as Row).diagnosis), /Tacoma/);
  });

  it("tells another caller that someone else's job does not exist, and lets them not cancel it", async () => {
    hold.current = holdAt(2);
    const started = await suite.mcp.call('trouble_shoot_device', { customer_id: 252, subscription_id: subscriptionOf(suite, 252), symptom: 'slow' });
    const jobId = started.structured.job_id as string;
    for (const stranger of [
      { ...developmentPrincipal(), callerId: 'someone-else' },
      { ...developmentPrincipal(), tenantId: '11111111-1111-1111-1111-111111111111' },
    ]) {
      const read = await suite.mcp.callAs(stranger, 'get_troubleshoot_result', { job_id: jobId });
      assert.equal(read.structured.status, 'not_found', read.text);
      const cancel = await suite.mcp.callAs(stranger, 'cancel_troubleshoot', { job_id: jobId });
      assert.equal(cancel.structured.status, 'not_found');
    }
    assert.equal((await suite.mcp.call('get_troubleshoot_result', { job_id: jobId })).structured.status, 'running');
    hold.current.release();
    await engine.settled(jobId);
  });

  it('cancels a running job: no further step runs', async () => {
    hold.current = holdAt(4);
    const started = await suite.mcp.call('trouble_shoot_device', { customer_id: 257, subscription_id: subscriptionOf(suite, 257), symptom: 'calls drop' });
    const jobId = started.structured.job_id as string;
    await until(() => suite.mcp.call('get_troubleshoot_result', { job_id: jobId }), (r) => (r.structured.progress as Row | null)?.step === 4);
    const cancelled = await suite.mcp.call('cancel_troubleshoot', { job_id: jobId });
    assert.equal(cancelled.structured.status, 'cancelled', cancelled.text);
    hold.current.release();
    await engine.settled(jobId);
    const ran = engine.runs.filter((run) => run.startsWith(`${jobId}:`));
    assert.equal(ran.length, 3, `only the first three steps ran: ${ran.join(', ')}`);
    assert.equal((await suite.mcp.call('get_troubleshoot_result', { job_id: jobId })).structured.status, 'cancelled');
    assert.equal((await suite.mcp.call('cancel_troubleshoot', { job_id: jobId })).structured.status, 'cancelled', 'cancelling again changes nothing');
  });
});

describe('trouble_shoot_device: a step that keeps failing', () => {
  let engine: InMemoryJobEngine;
  const suite = useSeededMcp({
    env: { TROUBLESHOOT_STEP_DELAY_SECONDS: '0' },
    get jobEngines() {
      engine ??= createInMemoryJobEngine({
        store: () => suite.mcp.ctx.store,
        logger: () => suite.mcp.ctx.logger,
        override: (activity) =>
          activity === 'troubleshootLineTest'
            ? async () => {
                throw new Error('line test rig unreachable: 10.0.0.7:5000');
              }
            : undefined,
      });
      return engine;
    },
  });

  it('fails the job naming the step, without internal details, in the answer and when polled', async () => {
    const result = await suite.mcp.call('trouble_shoot_device', { customer_id: 252, subscription_id: subscriptionOf(suite, 252), symptom: 'slow' });
    assert.equal(result.structured.status, 'failed', result.text);
    assert.match(String(result.structured.reason), /^Step 7 of 9 \(Running a line test\) failed: an internal error/);
    assert.doesNotMatch(result.text, /10\.0\.0\.7/, 'the internal error stays in the log');
    const polled = await suite.mcp.call('get_troubleshoot_result', { job_id: result.structured.job_id });
    assert.deepEqual(polled.structured, result.structured);
    assert.ok(suite.mcp.logs.some((line) => line.msg === 'troubleshoot step failed'), 'the detail is logged');
    // The third interface: the same job as an MCP task.
    const tasks = createTroubleshootTaskProvider(suite.mcp.ctx.toolServices.troubleshoot);
    const task = await tasks.get(String(result.structured.job_id), withCaller(detachedScope('test'), developmentPrincipal(ALL_ROLES)));
    assert.equal(task?.status, 'failed');
    assert.equal(task?.status === 'failed' && task.error.message, result.structured.reason);
  });
});
