// The tasks extension end to end over real HTTP: the local host with the conformance fixtures'
// task provider, authentication on, two callers with their own tokens. The official v2 client
// (pinned to 2026-07-28, declaring the extension) reads, updates and cancels tasks; it cannot
// decode a CreateTaskResult from tools/call (SDK v2 2.4.0: "Unsupported result type 'task'"), so
// the creating calls are raw JSON-RPC over fetch with the same envelope and headers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import * as z from 'zod';
import { parseMessages } from '../support/mcp-clients.js';
import { startLocalHost, type LocalHostProcess } from '../support/local-host-process.js';

const TASKS = 'io.modelcontextprotocol/tasks';
const TASK = z.looseObject({ taskId: z.string(), status: z.string(), statusMessage: z.string().optional(), inputRequests: z.record(z.string(), z.unknown()).optional(), result: z.looseObject({}).optional() });
const ACK = z.looseObject({});

interface Rpc {
  status: number;
  result?: Record<string, unknown>;
  error?: { code: number; message: string; data?: unknown };
}

/** One raw 2026-07-28 request, as a client declaring (or not) the tasks extension. */
async function post(host: LocalHostProcess, token: string, method: string, params: Record<string, unknown>, declare = true): Promise<Rpc> {
  const name = typeof params.name === 'string' ? params.name : String(params.taskId);
  const meta = {
    'io.modelcontextprotocol/protocolVersion': '2026-07-28',
    'io.modelcontextprotocol/clientInfo': { name: 'e2e-raw', version: '1' },
    'io.modelcontextprotocol/clientCapabilities': { elicitation: {}, ...(declare ? { extensions: { [TASKS]: {} } } : {}) },
  };
  const res = await fetch(host.mcpUrl, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': method,
      'mcp-name': name,
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: { ...params, _meta: meta } }),
  });
  const [message] = parseMessages(res.headers.get('content-type'), await res.text()) as Array<Omit<Rpc, 'status'>>;
  return { status: res.status, ...message };
}

async function connect(host: LocalHostProcess, token: string): Promise<Client> {
  const client = new Client({ name: 'e2e-tasks', version: '1' }, { versionNegotiation: { mode: { pin: '2026-07-28' } }, capabilities: { elicitation: {}, extensions: { [TASKS]: {} } } });
  await client.connect(new StreamableHTTPClientTransport(new URL(host.mcpUrl), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  return client;
}

/** tasks/get until `done` holds (the fixtures settle within a few hundred milliseconds). */
async function waitFor(client: Client, taskId: string, done: (task: z.infer<typeof TASK>) => boolean): Promise<z.infer<typeof TASK>> {
  for (let attempt = 0; ; attempt += 1) {
    const task = await client.request({ method: 'tasks/get', params: { taskId } }, TASK);
    if (done(task) || attempt >= 100) return task;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

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
