// A 2026-07-28 client of the tasks extension for end-to-end tests. The official v2 client (pinned
// to 2026-07-28, declaring the extension) reads, updates and cancels tasks; it cannot decode a
// CreateTaskResult from tools/call (SDK v2 2.4.0: "Unsupported result type 'task'"), so creating
// calls are raw JSON-RPC over fetch with the same envelope and headers.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import * as z from 'zod';
import { parseMessages } from './mcp-clients.js';
import type { LocalHostProcess } from './local-host-process.js';

export const TASKS = 'io.modelcontextprotocol/tasks';
export const TASK = z.looseObject({ taskId: z.string(), status: z.string(), statusMessage: z.string().optional(), inputRequests: z.record(z.string(), z.unknown()).optional(), result: z.looseObject({}).optional() });
export const ACK = z.looseObject({});

export interface Rpc {
  status: number;
  result?: Record<string, unknown>;
  error?: { code: number; message: string; data?: unknown };
}

/** One raw 2026-07-28 request, as a client declaring (or not) the tasks extension. */
export async function postTaskRequest(host: LocalHostProcess, token: string, method: string, params: Record<string, unknown>, declare = true): Promise<Rpc> {
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

export async function connectTasksClient(host: LocalHostProcess, token: string): Promise<Client> {
  const client = new Client({ name: 'e2e-tasks', version: '1' }, { versionNegotiation: { mode: { pin: '2026-07-28' } }, capabilities: { elicitation: {}, extensions: { [TASKS]: {} } } });
  await client.connect(new StreamableHTTPClientTransport(new URL(host.mcpUrl), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  return client;
}

/** tasks/get until `done` holds, every `intervalMs`, at most `attempts` times. */
export async function waitForTask(client: Client, taskId: string, done: (task: z.infer<typeof TASK>) => boolean, intervalMs = 50, attempts = 100): Promise<z.infer<typeof TASK>> {
  for (let attempt = 0; ; attempt += 1) {
    const task = await client.request({ method: 'tasks/get', params: { taskId } }, TASK);
    if (done(task) || attempt >= attempts) return task;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
