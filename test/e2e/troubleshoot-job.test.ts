// The troubleshoot job end to end: the real local host, the real Durable Functions registrations
// run by the local durable runner (dev/durable/), real HTTP. Live progress with the v2 client; the
// wait budget, the handle and polling; cancelling; a host killed mid-job and started again on the
// same DATA_DIR finishing the job exactly once (one ticket).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { connectClient, postRaw, toolCall } from '../support/mcp-clients.js';
import { startLocalHost, type LocalHostProcess } from '../support/local-host-process.js';

type Row = Record<string, unknown>;
type Rpc = { result?: { isError?: boolean; structuredContent?: Row; content?: Array<{ text: string }> }; error?: unknown };

/** The diagnoses read the last days of usage and tests as of now, so the data is seeded as of today. */
const SEEDED_TODAY = { SEED_ANCHOR_DATE: new Date().toISOString().slice(0, 10), SEED_CUSTOMER_COUNT: '5' };

/** Subscription ids of the scenario customers: `<customer id>1`. */
const subscriptionOf = (customerId: number) => customerId * 10 + 1;

async function callTool(host: LocalHostProcess, name: string, args: Row): Promise<Row> {
  const res = await postRaw(host.mcpUrl, toolCall(1, name, args), await host.authHeaders());
  assert.equal(res.status, 200, res.text);
  const answer = res.messages[0] as Rpc;
  assert.ok(answer.result?.structuredContent, `${name}: ${res.text}`);
  return answer.result.structuredContent;
}

async function pollUntil(host: LocalHostProcess, jobId: string, done: (job: Row) => boolean, limitMs = 60_000): Promise<Row> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const job = await callTool(host, 'get_troubleshoot_result', { job_id: jobId });
    if (done(job)) return job;
    assert.ok(Date.now() < deadline, `job ${jobId} did not get there: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('troubleshoot job over HTTP: live progress and the diagnoses', () => {
  let host: LocalHostProcess;
  let client: Client;
  before(async () => {
    host = await startLocalHost({ ...SEEDED_TODAY, TROUBLESHOOT_STEP_DELAY_SECONDS: '0' });
    client = await connectClient(host.mcpUrl, '2025-11-25', await host.authHeaders());
  });
  after(async () => {
    await client?.close();
    await host?.stop();
  });

  it('streams one progress notification per step, in order, then the result naming the Tacoma incident', async () => {
    const progress: Array<{ progress: number; total?: number; message?: string }> = [];
    const result = (await client.callTool(
      { name: 'trouble_shoot_device', arguments: { customer_id: 252, subscription_id: subscriptionOf(252), symptom: 'internet slow since yesterday' } },
      { onprogress: (p) => progress.push(p) },
    )) as { structuredContent?: Row };
    assert.deepEqual(progress.map((p) => p.progress), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.ok(progress.every((p) => p.total === 9 && typeof p.message === 'string' && p.message.length > 0));
    const job = result.structuredContent ?? {};
    assert.equal(job.status, 'completed', JSON.stringify(job));
    assert.match(String((job.result as Row).diagnosis), /Tacoma/);
  });

  it("recommends customer 257's network escalation and opens its ticket", async () => {
    const job = await callTool(host, 'trouble_shoot_device', { customer_id: 257, subscription_id: subscriptionOf(257), symptom: 'calls drop at home' });
    assert.equal(job.status, 'completed', JSON.stringify(job));
    const outcome = job.result as Row;
    assert.ok(typeof outcome.ticket_id === 'number');
    assert.match(String(outcome.diagnosis), /network escalation/);
  });
  it('runs the retention timer on request (the admin API): it purges nothing younger than JOB_RETENTION_HOURS', async () => {
    const job = await callTool(host, 'trouble_shoot_device', { customer_id: 253, subscription_id: subscriptionOf(253), symptom: 'no signal' });
    const res = await fetch(`${host.baseUrl}/admin/functions/purgeFinishedJobs`, { method: 'POST', headers: { 'x-functions-key': host.functionKey }, body: '{}' });
    assert.equal(res.status, 202);
    assert.deepEqual(await res.json(), { function: 'purgeFinishedJobs', outcome: 'ran' });
    assert.equal((await callTool(host, 'get_troubleshoot_result', { job_id: String(job.job_id) })).status, job.status);
  });
});

describe('troubleshoot job over HTTP: the wait budget, the handle and cancelling', () => {
  let host: LocalHostProcess;
  before(async () => {
    host = await startLocalHost({ ...SEEDED_TODAY, TROUBLESHOOT_STEP_DELAY_SECONDS: '1', TROUBLESHOOT_WAIT_SECONDS: '1' });
  });
  after(async () => host?.stop());

  it('answers with the job handle when the wait runs out; polling gives the final result', async () => {
    const started = await callTool(host, 'trouble_shoot_device', { customer_id: 252, subscription_id: subscriptionOf(252), symptom: 'slow' });
    assert.equal(started.status, 'running', JSON.stringify(started));
    assert.match(String(started.next), /get_troubleshoot_result/);
    const done = await pollUntil(host, String(started.job_id), (job) => job.status !== 'running');
    assert.equal(done.status, 'completed', JSON.stringify(done));
    assert.match(String((done.result as Row).diagnosis), /Tacoma/);
  });

  it('cancels a running job: it stays cancelled and opens no ticket', async () => {
    const tickets = async () => ((await callTool(host, 'get_support_tickets', { customer_id: 257 })).tickets as Row[]).length;
    const before = await tickets();
    const started = await callTool(host, 'trouble_shoot_device', { customer_id: 257, subscription_id: subscriptionOf(257), symptom: 'calls drop' });
    const jobId = String(started.job_id);
    await pollUntil(host, jobId, (job) => ((job.progress as Row | null)?.step as number) >= 2);
    const cancelled = await callTool(host, 'cancel_troubleshoot', { job_id: jobId });
    assert.equal(cancelled.status, 'cancelled', JSON.stringify(cancelled));
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    assert.equal((await callTool(host, 'get_troubleshoot_result', { job_id: jobId })).status, 'cancelled');
    assert.equal(await tickets(), before, 'the cancelled job never reached its last step');
  });

  it("answers another caller's questions about a job with not_found", async () => {
    const started = await callTool(host, 'trouble_shoot_device', { customer_id: 252, subscription_id: subscriptionOf(252), symptom: 'slow' });
    const stranger = { authorization: `Bearer ${await host.mintToken({ sub: 'someone-else', oid: 'someone-else' })}` };
    const res = await postRaw(host.mcpUrl, toolCall(2, 'get_troubleshoot_result', { job_id: started.job_id }), stranger);
    assert.equal(((res.messages[0] as Rpc).result?.structuredContent as Row).status, 'not_found');
  });
});

describe('troubleshoot job over HTTP: the host killed mid-job', () => {
  let host: LocalHostProcess;
  const env = { ...SEEDED_TODAY, TROUBLESHOOT_STEP_DELAY_SECONDS: '1', TROUBLESHOOT_WAIT_SECONDS: '0' };
  before(async () => {
    host = await startLocalHost(env);
  });
  after(async () => host?.stop());

  it('finishes the job after a restart on the same DATA_DIR, with exactly one ticket', async () => {
    const tickets = async () => ((await callTool(host, 'get_support_tickets', { customer_id: 257 })).tickets as Row[]).map((t) => t.ticket_id);
    const before = await tickets();
    const started = await callTool(host, 'trouble_shoot_device', { customer_id: 257, subscription_id: subscriptionOf(257), symptom: 'calls drop' });
    const jobId = String(started.job_id);
    await pollUntil(host, jobId, (job) => ((job.progress as Row | null)?.step as number) >= 3);
    await host.kill('SIGKILL');
    host = await startLocalHost({ ...env, DATA_DIR: host.dataDir });
    const done = await pollUntil(host, jobId, (job) => job.status !== 'running', 90_000);
    assert.equal(done.status, 'completed', JSON.stringify(done));
    const ticketId = (done.result as Row).ticket_id;
    const after = await tickets();
    assert.deepEqual(after.filter((id) => !before.includes(id)), [ticketId], 'one ticket, the one the result names');
  });
});
