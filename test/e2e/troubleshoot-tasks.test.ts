// trouble_shoot_device as an MCP task for 2026-07-28 clients that declare the tasks extension,
// over real HTTP on the local host and its durable runner: the task is the troubleshoot job, read
// by the v2 client's tasks/get until it completes with the tool's own answer; its owner alone sees
// it; cancelling stops the job; a 2026-07-28 client without the extension and a 2025 client still
// get the tool's synchronous answer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { postRaw, toolCall } from '../support/mcp-clients.js';
import { startLocalHost, type LocalHostProcess } from '../support/local-host-process.js';
import { ACK, connectTasksClient, postTaskRequest, TASK, waitForTask } from '../support/tasks-client.js';

type Row = Record<string, unknown>;
const SEEDED_TODAY = { SEED_ANCHOR_DATE: new Date().toISOString().slice(0, 10), SEED_CUSTOMER_COUNT: '5' };
const TROUBLESHOOT_252 = { name: 'trouble_shoot_device', arguments: { customer_id: 252, subscription_id: 2521, symptom: 'internet slow since yesterday' } };

describe('trouble_shoot_device as an MCP task (2026-07-28, tasks extension)', () => {
  let host: LocalHostProcess;
  let ownerToken: string;
  let owner: Client;
  let stranger: Client;

  before(async () => {
    host = await startLocalHost({ ...SEEDED_TODAY, TROUBLESHOOT_STEP_DELAY_SECONDS: '1', TROUBLESHOOT_WAIT_SECONDS: '1', JOB_RETENTION_HOURS: '24' });
    ownerToken = await host.mintToken({ sub: 'task-owner' });
    [owner, stranger] = await Promise.all([connectTasksClient(host, ownerToken), connectTasksClient(host, await host.mintToken({ sub: 'task-stranger' }))]);
  });
  after(async () => {
    await owner?.close();
    await stranger?.close();
    await host?.stop();
  });

  it('creates a working task at once, reports the step, and completes with the tool answer', async () => {
    const created = await postTaskRequest(host, ownerToken, 'tools/call', TROUBLESHOOT_252);
    assert.equal(created.status, 200, JSON.stringify(created));
    const task = (created.result?.task ?? created.result) as Row;
    const taskId = String(task.taskId);
    assert.match(taskId, /^ts-[0-9a-f-]{36}$/);
    assert.equal(task.status, 'working');
    assert.equal(task.ttl ?? task.ttlMs, 24 * 3_600_000);

    const working = await owner.request({ method: 'tasks/get', params: { taskId } }, TASK);
    assert.equal(working.status, 'working');
    assert.match(working.statusMessage ?? '', /^(Step \d of 9: |Starting)/);

    const done = await waitForTask(owner, taskId, (t) => t.status !== 'working', 250, 240);
    assert.equal(done.status, 'completed', JSON.stringify(done));
    const result = done.result as { structuredContent?: Row; content?: Array<{ text: string }>; isError?: boolean };
    assert.equal(result.isError, undefined);
    assert.equal(result.structuredContent?.job_id, taskId);
    assert.equal(result.structuredContent?.status, 'completed');
    assert.match(String((result.structuredContent?.result as Row).diagnosis), /Tacoma/);
    // The same job is the tool's handle too.
    const viaTool = await postRaw(host.mcpUrl, toolCall(2, 'get_troubleshoot_result', { job_id: taskId }), { authorization: `Bearer ${ownerToken}` });
    assert.equal(((viaTool.messages[0] as { result: { structuredContent: Row } }).result.structuredContent).status, 'completed');
  });

  it("answers another caller's tasks/get and tasks/cancel as for an unknown task, and leaves the job running", async () => {
    const created = await postTaskRequest(host, ownerToken, 'tools/call', TROUBLESHOOT_252);
    const taskId = String(((created.result?.task ?? created.result) as Row).taskId);
    await assert.rejects(stranger.request({ method: 'tasks/get', params: { taskId } }, TASK), { code: -32602 });
    await assert.rejects(stranger.request({ method: 'tasks/cancel', params: { taskId } }, ACK), { code: -32602 });
    await assert.rejects(owner.request({ method: 'tasks/get', params: { taskId: 'ts-not-a-job' } }, TASK), { code: -32602 });
    assert.equal((await owner.request({ method: 'tasks/get', params: { taskId } }, TASK)).status, 'working');

    await owner.request({ method: 'tasks/cancel', params: { taskId } }, ACK);
    assert.equal((await waitForTask(owner, taskId, (t) => t.status === 'cancelled', 100, 100)).status, 'cancelled');
  });

  it('answers a 2026-07-28 client without the extension, and a 2025 client, synchronously', async () => {
    const plain = await postTaskRequest(host, ownerToken, 'tools/call', TROUBLESHOOT_252, false);
    assert.equal(plain.status, 200);
    assert.equal(plain.result?.task, undefined);
    assert.match(String((plain.result?.structuredContent as Row).job_id), /^ts-/);
    const legacy = await postRaw(host.mcpUrl, toolCall(3, 'trouble_shoot_device', TROUBLESHOOT_252.arguments), { authorization: `Bearer ${ownerToken}` });
    assert.match(String(((legacy.messages[0] as { result: { structuredContent: Row } }).result.structuredContent).job_id), /^ts-/);
  });
});
