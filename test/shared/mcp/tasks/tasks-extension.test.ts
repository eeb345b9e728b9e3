// The tasks extension (io.modelcontextprotocol/tasks, 2026-07-28) in-process, over the real
// endpoint with a fake provider: capability negotiation per era, task creation from tools/call,
// every tasks/* answer and error, ownership (another caller's task reads as unknown), the role
// gate in front of task creation, the -32021 cases, and the fast path handing task calls over.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inputRequired } from '@modelcontextprotocol/server';
import * as z from 'zod';
import { loadConfig } from '../../../../shared/config/load-config.js';
import { createApp, type App } from '../../../../shared/context/create-app.js';
import { BusinessRuleError } from '../../../../shared/errors/domain-error.js';
import { developmentPrincipal, ROLES, type Principal } from '../../../../shared/identity/principal.js';
import { defineTool, type AnyTool } from '../../../../shared/mcp/define-tool.js';
import { detachedScope } from '../../../../shared/request/request-scope.js';
import { fixedClock } from '../../../../shared/time/clock.js';
import { createFakeTaskProvider, FAKE_CREATED_AT, type FakeTaskProvider } from '../../../support/fake-task-provider.js';

const LINE = z.object({ line_id: z.number().int().positive() });
const DONE = z.object({ outcome: z.string() });

/** Claimed `optional`: needs the write role, and is audited (it mutates). */
const runDiagnostics = defineTool({
  name: 'run_diagnostics',
  title: 'Run diagnostics',
  description: 'Runs line diagnostics',
  input: LINE,
  output: DONE,
  roles: [ROLES.write],
  annotations: { readOnlyHint: false },
  handler: async ({ line_id }) => ({ outcome: `diagnosed line ${line_id} inline` }),
});

/** Claimed `required`. */
const resetLine = defineTool({
  name: 'reset_line',
  title: 'Reset line',
  description: 'Resets a line',
  input: LINE,
  output: DONE,
  roles: [],
  annotations: { readOnlyHint: true },
  handler: async () => ({ outcome: 'reset inline' }),
});

/** Not claimed. */
const pingLine = defineTool({
  name: 'ping_line',
  title: 'Ping line',
  description: 'Pings a line',
  input: LINE,
  output: DONE,
  roles: [],
  annotations: { readOnlyHint: true },
  handler: async () => ({ outcome: 'pong' }),
});

const TOOLS: AnyTool[] = [runDiagnostics, resetLine, pingLine];
const TASKS = 'io.modelcontextprotocol/tasks';

const alice = { ...developmentPrincipal([ROLES.write]), callerId: 'alice' };
const bob = { ...developmentPrincipal([ROLES.write]), callerId: 'bob' };
const aliceElsewhere = { ...alice, tenantId: 'another-tenant' };
const reader = { ...developmentPrincipal([ROLES.read]), callerId: 'reader' };

interface Answer {
  status: number;
  result?: Record<string, unknown>;
  error?: { code: number; message: string; data?: Record<string, unknown> };
}

interface Options {
  as?: Principal;
  /** Declare the tasks extension in the envelope (default true). */
  declare?: boolean;
  era?: 'modern' | 'legacy';
  capabilities?: Record<string, unknown>;
}

async function rpc(app: App, method: string, params: Record<string, unknown>, options: Options = {}): Promise<Answer> {
  const { as = alice, declare = true, era = 'modern' } = options;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'x-test-principal': JSON.stringify(as),
  };
  let body = params;
  if (era === 'modern') {
    const name = typeof params.name === 'string' ? params.name : typeof params.taskId === 'string' ? params.taskId : undefined;
    Object.assign(headers, { 'mcp-protocol-version': '2026-07-28', 'mcp-method': method }, name === undefined ? {} : { 'mcp-name': name });
    const capabilities = options.capabilities ?? { elicitation: {}, ...(declare ? { extensions: { [TASKS]: {} } } : {}) };
    body = {
      ...params,
      _meta: {
        'io.modelcontextprotocol/protocolVersion': '2026-07-28',
        'io.modelcontextprotocol/clientInfo': { name: 'tasks-test', version: '1' },
        'io.modelcontextprotocol/clientCapabilities': capabilities,
      },
    };
  } else headers['mcp-protocol-version'] = '2025-11-25';
  const request = new Request('http://localhost/api/mcp', { method: 'POST', headers, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: body }) });
  const res = await app.handlers.mcp.web(request, detachedScope('req-tasks'));
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').startsWith('text/event-stream') ? text.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5)).at(-1) : text;
  return { status: res.status, ...(JSON.parse(json ?? '{}') as Omit<Answer, 'status'>) };
}

async function createTask(app: App, as: Principal = alice): Promise<string> {
  const created = await rpc(app, 'tools/call', { name: 'run_diagnostics', arguments: { line_id: 7 } }, { as });
  assert.equal(created.result?.resultType, 'task', JSON.stringify(created));
  return created.result?.taskId as string;
}

/** The result without the server's identity stamp. */
function withoutStamp(result: Record<string, unknown> | undefined): Record<string, unknown> {
  const { _meta: meta, ...rest } = result ?? {};
  const own = { ...(meta as Record<string, unknown> | undefined) };
  delete own['io.modelcontextprotocol/serverInfo'];
  return Object.keys(own).length > 0 ? { ...rest, _meta: own } : rest;
}

async function makeApp(provider: FakeTaskProvider, fastPath = true): Promise<App> {
  const config = loadConfig({ SQLITE_PATH: ':memory:', AUTH_MODE: 'disabled', SEED_CUSTOMER_COUNT: '0', SEED_ANCHOR_DATE: '2026-06-15' });
  return createApp(config, {
    tools: TOOLS,
    taskProviders: [provider],
    fastPath,
    clock: fixedClock('2026-06-15T12:00:00.000Z'),
    logSink: () => {},
    authenticate: async (request) => ({ ok: true, principal: JSON.parse(request.headers.get('x-test-principal') ?? '{}') as Principal }),
  });
}

describe('tasks extension', () => {
  let provider: FakeTaskProvider;
  let app: App;
  before(async () => {
    provider = createFakeTaskProvider({ run_diagnostics: 'optional', reset_line: 'required' });
    app = await makeApp(provider);
  });
  after(async () => app?.close());

  describe('capabilities', () => {
    it('advertises the extension to 2026-07-28 clients, and no 2025 tasks slot', async () => {
      const discovered = await rpc(app, 'server/discover', {});
      const capabilities = discovered.result?.capabilities as Record<string, unknown>;
      assert.deepEqual(capabilities.extensions, { [TASKS]: {} });
      assert.equal(capabilities.tasks, undefined);
    });

    it('offers nothing of it in the 2025 era: no capability, tasks/* unknown, claimed tools run inline', async () => {
      const init = await rpc(app, 'initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } }, { era: 'legacy' });
      assert.equal((init.result?.capabilities as Record<string, unknown>).extensions, undefined);
      assert.equal((await rpc(app, 'tasks/get', { taskId: 'x' }, { era: 'legacy' })).error?.code, -32601);
      const call = await rpc(app, 'tools/call', { name: 'reset_line', arguments: { line_id: 1 } }, { era: 'legacy' });
      assert.deepEqual(call.result?.structuredContent, { outcome: 'reset inline' });
    });

    it('declares no execution.taskSupport in tools/list: the 2026-07-28 Tool has no such field', async () => {
      const listed = await rpc(app, 'tools/list', {});
      const tools = listed.result?.tools as Array<Record<string, unknown>>;
      assert.deepEqual(tools.map((tool) => tool.name).sort(), ['ping_line', 'reset_line', 'run_diagnostics']);
      assert.ok(tools.every((tool) => !('execution' in tool)));
    });
  });

  describe('tools/call', () => {
    it('answers a claimed tool with a flat CreateTaskResult the provider created for the verified caller', async () => {
      const before = provider.received.length;
      const created = await rpc(app, 'tools/call', { name: 'run_diagnostics', arguments: { line_id: 7 }, task: { ttl: 1000 } });
      assert.equal(created.status, 200);
      const taskId = created.result?.taskId as string;
      assert.deepEqual(withoutStamp(created.result), {
        resultType: 'task',
        taskId,
        status: 'working',
        statusMessage: 'Queued',
        createdAt: FAKE_CREATED_AT,
        lastUpdatedAt: FAKE_CREATED_AT,
        ttlMs: 3_600_000,
        pollIntervalMs: 1000,
      });
      const received = provider.received.slice(before);
      assert.equal(received.length, 1);
      const call = received[0]?.method === 'create' ? received[0].call : assert.fail('create was not called');
      assert.equal(call.toolName, 'run_diagnostics');
      assert.deepEqual(call.arguments, { line_id: 7 });
      assert.equal(call.scope.caller.callerId, 'alice');
      assert.equal(call.inputResponses, undefined);
      assert.equal((await rpc(app, 'tasks/get', { taskId })).result?.taskId, taskId, 'readable at once');
    });

    it('audits the creation of an audited tool as task_created', async () => {
      const taskId = await createTask(app);
      const records = await app.services.store.audit.list(50);
      assert.ok(records.some((record) => record.tool === 'run_diagnostics' && record.result === 'task_created' && record.callerId === 'alice'), taskId);
    });

    it('parses the arguments with the tool schema first: bad ones are an INVALID_ARGUMENT result and no task', async () => {
      const before = provider.received.length;
      const refused = await rpc(app, 'tools/call', { name: 'run_diagnostics', arguments: { line_id: 'seven' } });
      assert.equal(refused.result?.isError, true);
      assert.match(JSON.stringify(refused.result?.content), /INVALID_ARGUMENT: Invalid arguments for run_diagnostics: line_id/);
      assert.equal(provider.received.length, before);
    });

    it('refuses a claimed tool the caller may not use exactly like an unknown tool, and creates nothing', async () => {
      const before = provider.received.length;
      const hidden = await rpc(app, 'tools/call', { name: 'run_diagnostics', arguments: { line_id: 7 } }, { as: reader });
      const unknown = await rpc(app, 'tools/call', { name: 'no_such_tool', arguments: { line_id: 7 } }, { as: reader });
      assert.equal(hidden.error?.code, -32602);
      assert.equal(hidden.error?.message.replace('run_diagnostics', 'X'), unknown.error?.message.replace('no_such_tool', 'X'));
      assert.equal(provider.received.length, before);
      const refusals = (await app.services.store.audit.list(50)).filter((record) => record.outcome === 'refused' && record.callerId === 'reader');
      assert.equal(refusals.length, 1);
    });

    it('runs an optional tool inline for a client without the extension', async () => {
      const inline = await rpc(app, 'tools/call', { name: 'run_diagnostics', arguments: { line_id: 3 } }, { declare: false });
      assert.equal(inline.result?.resultType, 'complete');
      assert.deepEqual(inline.result?.structuredContent, { outcome: 'diagnosed line 3 inline' });
    });

    it('refuses a required tool from a client without the extension with -32021 naming it', async () => {
      const refused = await rpc(app, 'tools/call', { name: 'reset_line', arguments: { line_id: 3 } }, { declare: false });
      assert.equal(refused.status, 400);
      assert.equal(refused.error?.code, -32021);
      assert.deepEqual(refused.error?.data, { requiredCapabilities: { extensions: { [TASKS]: {} } } });
      const declared = await rpc(app, 'tools/call', { name: 'reset_line', arguments: { line_id: 3 } });
      assert.equal(declared.result?.resultType, 'task');
    });

    it('leaves unclaimed tools alone, a legacy task param included', async () => {
      const plain = await rpc(app, 'tools/call', { name: 'ping_line', arguments: { line_id: 1 }, task: { ttl: 60_000, pollInterval: 100 } });
      assert.equal(plain.result?.resultType, 'complete');
      assert.deepEqual(plain.result?.structuredContent, { outcome: 'pong' });
    });

    it('passes an input_required round from the provider through, and its answers on the retry', async () => {
      const ask = inputRequired({ inputRequests: { confirm: inputRequired.elicit({ message: 'Sure?', requestedSchema: { type: 'object', properties: {} } }) } });
      provider.nextCreate({ inputRequired: ask });
      const round = await rpc(app, 'tools/call', { name: 'run_diagnostics', arguments: { line_id: 1 } });
      assert.equal(round.result?.resultType, 'input_required');
      assert.ok(!('taskId' in (round.result ?? {})));
      const answers = { confirm: { action: 'accept', content: {} } };
      const retried = await rpc(app, 'tools/call', { name: 'run_diagnostics', arguments: { line_id: 1 }, inputResponses: answers });
      assert.equal(retried.result?.resultType, 'task');
      const last = provider.received.at(-1);
      assert.deepEqual(last?.method === 'create' ? last.call.inputResponses : undefined, answers);
    });

    it('lets the SDK refuse an input_required round the client did not declare it can answer (-32021)', async () => {
      const ask = inputRequired({ inputRequests: { confirm: inputRequired.elicit({ message: 'Sure?', requestedSchema: { type: 'object', properties: {} } }) } });
      provider.nextCreate({ inputRequired: ask });
      const refused = await rpc(app, 'tools/call', { name: 'run_diagnostics', arguments: { line_id: 1 } }, { capabilities: { extensions: { [TASKS]: {} } } });
      assert.equal(refused.error?.code, -32021);
    });

    it('turns a provider failure into a tool error result: a domain error keeps its code, anything else is INTERNAL', async () => {
      provider.nextCreate({ throws: new BusinessRuleError('the line is already being diagnosed') });
      const rule = await rpc(app, 'tools/call', { name: 'run_diagnostics', arguments: { line_id: 1 } });
      assert.equal(rule.result?.isError, true);
      assert.match(JSON.stringify(rule.result?.content), /BUSINESS_RULE: the line is already being diagnosed/);
      provider.nextCreate({ throws: new Error('job engine down: secret detail') });
      const broken = await rpc(app, 'tools/call', { name: 'run_diagnostics', arguments: { line_id: 1 } });
      assert.equal(broken.result?.isError, true);
      assert.doesNotMatch(JSON.stringify(broken.result), /secret detail/);
      assert.match(JSON.stringify(broken.result?.content), /INTERNAL/);
    });
  });

  describe('tasks/get', () => {
    it('answers each status with what it carries, and resultType complete', async () => {
      const taskId = await createTask(app);
      const base = { taskId, createdAt: FAKE_CREATED_AT, ttlMs: 3_600_000, pollIntervalMs: 1000, resultType: 'complete' };
      const get = async () => withoutStamp((await rpc(app, 'tasks/get', { taskId })).result);

      assert.deepEqual(await get(), { ...base, status: 'working', statusMessage: 'Queued', lastUpdatedAt: FAKE_CREATED_AT });
      const updated = { ...base, lastUpdatedAt: '2026-06-15T12:05:00.000Z' };
      const inputRequests = { confirm: { method: 'elicitation/create', params: { message: 'Go?', requestedSchema: { type: 'object', properties: {} } } } };
      provider.set(taskId, { status: 'input_required', inputRequests: inputRequests as never, statusMessage: 'Waiting' });
      assert.deepEqual(await get(), { ...updated, status: 'input_required', statusMessage: 'Waiting', inputRequests });
      provider.set(taskId, { status: 'completed', result: { content: [{ type: 'text', text: 'done' }], isError: false } });
      assert.deepEqual(await get(), { ...updated, status: 'completed', result: { content: [{ type: 'text', text: 'done' }], isError: false } });
      provider.set(taskId, { status: 'failed', error: { code: -32603, message: 'broke' } });
      assert.deepEqual(await get(), { ...updated, status: 'failed', error: { code: -32603, message: 'broke' } });
      provider.set(taskId, { status: 'cancelled' });
      assert.deepEqual(await get(), { ...updated, status: 'cancelled' });
    });

    it('answers an unknown task with -32602', async () => {
      const unknown = await rpc(app, 'tasks/get', { taskId: 'no-such-task' });
      assert.deepEqual(unknown.error, { code: -32602, message: 'Task not found' });
    });
  });

  describe('tasks/cancel and tasks/update', () => {
    it('cancels with an empty acknowledgement, again on a finished task, and -32602 for an unknown one', async () => {
      const taskId = await createTask(app);
      for (let i = 0; i < 2; i += 1) {
        const ack = await rpc(app, 'tasks/cancel', { taskId });
        assert.deepEqual(withoutStamp(ack.result), { resultType: 'complete' });
      }
      assert.equal((await rpc(app, 'tasks/get', { taskId })).result?.status, 'cancelled');
      assert.equal((await rpc(app, 'tasks/cancel', { taskId: 'no-such-task' })).error?.code, -32602);
    });

    it('delivers inputResponses to the provider with an empty acknowledgement; -32602 for an unknown task or none given', async () => {
      const taskId = await createTask(app);
      const inputResponses = { confirm: { action: 'accept', content: { ok: true } }, 'unknown-key': { ignored: true } };
      const ack = await rpc(app, 'tasks/update', { taskId, inputResponses });
      assert.deepEqual(withoutStamp(ack.result), { resultType: 'complete' });
      const last = provider.received.at(-1);
      assert.deepEqual(last, { method: 'update', taskId, callerId: 'alice', inputResponses });
      assert.equal((await rpc(app, 'tasks/update', { taskId: 'no-such-task', inputResponses })).error?.code, -32602);
      assert.equal((await rpc(app, 'tasks/update', { taskId })).error?.code, -32602);
    });
  });

  describe('negotiation and removed methods', () => {
    it('refuses tasks/get, tasks/update and tasks/cancel without the extension with -32021', async () => {
      const taskId = await createTask(app);
      for (const [method, params] of [
        ['tasks/get', { taskId }],
        ['tasks/update', { taskId, inputResponses: {} }],
        ['tasks/cancel', { taskId }],
      ] as const) {
        const refused = await rpc(app, method, params, { declare: false });
        assert.equal(refused.error?.code, -32021, method);
        assert.deepEqual(refused.error?.data, { requiredCapabilities: { extensions: { [TASKS]: {} } } }, method);
      }
      assert.equal((await rpc(app, 'tasks/get', { taskId })).result?.status, 'working', 'nothing was cancelled');
    });

    it('answers tasks/result and tasks/list with -32601', async () => {
      assert.equal((await rpc(app, 'tasks/result', { taskId: 'x' })).error?.code, -32601);
      assert.equal((await rpc(app, 'tasks/list', {})).error?.code, -32601);
    });

    it('refuses a tasks/get whose Mcp-Name header is not its taskId (the SDK checks routing headers)', async () => {
      const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tasks/get', 'mcp-name': 'other', 'x-test-principal': JSON.stringify(alice) };
      const meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': { extensions: { [TASKS]: {} } } };
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tasks/get', params: { taskId: 'x', _meta: meta } });
      const res = await app.handlers.mcp.web(new Request('http://localhost/api/mcp', { method: 'POST', headers, body }), detachedScope('req-tasks'));
      assert.equal(res.status, 400);
      assert.equal(((await res.json()) as Answer).error?.code, -32020);
    });
  });

  describe('ownership', () => {
    it('answers another caller, or the same caller id in another tenant, exactly as for an unknown task', async () => {
      const taskId = await createTask(app, alice);
      for (const stranger of [bob, aliceElsewhere]) {
        for (const [method, extra] of [
          ['tasks/get', {}],
          ['tasks/cancel', {}],
          ['tasks/update', { inputResponses: { a: { action: 'accept', content: {} } } }],
        ] as const) {
          const theirs = await rpc(app, method, { taskId, ...extra }, { as: stranger });
          const unknown = await rpc(app, method, { taskId: 'no-such-task', ...extra }, { as: stranger });
          assert.deepEqual(theirs, unknown, `${method} as ${stranger.callerId}@${stranger.tenantId}`);
        }
      }
      assert.equal((await rpc(app, 'tasks/get', { taskId }, { as: alice })).result?.status, 'working', 'the stranger cancelled nothing');
    });
  });

  describe('fast path', () => {
    it('leaves every 2026-07-28 call of a claimed tool to the SDK path, and still answers 2025-era ones', async () => {
      const sdkOnly = await makeApp(createFakeTaskProvider({ run_diagnostics: 'optional', reset_line: 'required' }), false);
      try {
        for (const target of [app, sdkOnly]) {
          assert.equal((await rpc(target, 'tools/call', { name: 'run_diagnostics', arguments: { line_id: 1 } })).result?.resultType, 'task');
          assert.equal((await rpc(target, 'tools/call', { name: 'reset_line', arguments: { line_id: 1 } }, { declare: false })).error?.code, -32021);
        }
        const fast = await rpc(app, 'tools/call', { name: 'run_diagnostics', arguments: { line_id: 1 } }, { era: 'legacy' });
        const sdk = await rpc(sdkOnly, 'tools/call', { name: 'run_diagnostics', arguments: { line_id: 1 } }, { era: 'legacy' });
        assert.deepEqual(fast, sdk);
      } finally {
        await sdkOnly.close();
      }
    });
  });
});
