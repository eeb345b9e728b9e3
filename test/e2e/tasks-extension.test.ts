// The tasks extension end to end over real HTTP: the local host with the conformance fixtures'
// task provider, authentication on, two callers with their own tokens. The official v2 client
// (pinned to 2026-07-28, declaring the extension) reads, updates and cancels tasks; it cannot
// decode a CreateTaskResult from tools/call (SDK v2 2.4.0: "Unsupported result type 'task'"), so
// the creating calls are raw JSON-RPC over fetch with the same envelope and headers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { ACK, connectTasksClient as connect, postTaskRequest as post, TASK, TASKS, waitForTask as waitFor } from '../support/tasks-client.js';
import { startLocalHost, type LocalHostProcess } from '../support/local-host-process.js';

describe('tasks extension over HTTP (local host, conformance fixtures)', () => {
  let host: LocalHostProcess;
  let aliceToken: string;
  let bobToken: string;
  let alice: Client;
  let bob: Client;

  before(async () => {
    host = await startLocalHost({ MCP_CONFORMANCE_FIXTURES: 'true', SEED_CUSTOMER_COUNT: '0' });
    aliceToken = await host.mintToken({ sub: 'e2e-alice' });
    bobToken = await host.mintToken({ sub: 'e2e-bob' });
    [alice, bob] = await Promise.all([connect(host, aliceToken), connect(host, bobToken)]);
  });
  after(async () => {
    await alice?.close();
    await bob?.close();
    await host?.stop();
  });

  it('advertises the extension to a 2026-07-28 client', () => {
    assert.deepEqual(alice.getServerCapabilities()?.extensions, { [TASKS]: {} });
  });

  it('creates a task, readable at once by its creator only, and cancels it', async () => {
    const created = await post(host, aliceToken, 'tools/call', { name: 'slow_compute', arguments: { seconds: 600, label: 'e2e' } });
    assert.equal(created.result?.resultType, 'task', JSON.stringify(created));
    const taskId = String(created.result?.taskId);
    assert.equal((await alice.request({ method: 'tasks/get', params: { taskId } }, TASK)).status, 'working');

    for (const method of ['tasks/get', 'tasks/cancel'] as const) {
      const theirs = await post(host, bobToken, method, { taskId });
      const unknown = await post(host, bobToken, method, { taskId: 'e2e-no-such-task' });
      assert.deepEqual(theirs, unknown, method);
      assert.equal(theirs.error?.code, -32602);
    }
    await assert.rejects(bob.request({ method: 'tasks/get', params: { taskId } }, TASK), { code: -32602 });

    const ack = await alice.request({ method: 'tasks/cancel', params: { taskId } }, ACK);
    assert.ok(!('taskId' in ack) && !('status' in ack), 'an empty acknowledgement');
    assert.equal((await waitFor(alice, taskId, (task) => task.status !== 'working')).status, 'cancelled');
  });

  it('parks a task for input, resumes it with tasks/update and inlines the result', async () => {
    const created = await post(host, aliceToken, 'tools/call', { name: 'confirm_delete', arguments: { filename: 'e2e.txt' } });
    const taskId = String(created.result?.taskId);
    const waiting = await waitFor(alice, taskId, (task) => task.status === 'input_required');
    const keys = Object.keys(waiting.inputRequests ?? {});
    assert.equal(keys.length, 1);
    const inputResponses = Object.fromEntries(keys.map((key) => [key, { action: 'accept', content: { confirm: true } }]));
    await alice.request({ method: 'tasks/update', params: { taskId, inputResponses } }, ACK);
    const completed = await waitFor(alice, taskId, (task) => task.status === 'completed');
    assert.deepEqual(completed.result?.content, [{ type: 'text', text: 'Deleted e2e.txt' }]);
  });

  it('refuses a required-task tool to a client that does not declare the extension', async () => {
    const refused = await post(host, aliceToken, 'tools/call', { name: 'failing_job', arguments: {} }, false);
    assert.equal(refused.status, 400);
    assert.equal(refused.error?.code, -32021);
    assert.deepEqual(refused.error?.data, { requiredCapabilities: { extensions: { [TASKS]: {} } } });
  });
});
