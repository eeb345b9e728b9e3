// The MCP endpoint in-process, with test tools: the time budget, tools that throw or return
// output that breaks their schema, and SSE used only when a call sends progress — in both eras;
// and the 2026-era answer to an unsupported protocol version.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import * as z from 'zod';
import { developmentPrincipal } from '../../../shared/identity/principal.js';
import { loadConfig } from '../../../shared/config/load-config.js';
import { createApp, type App } from '../../../shared/context/create-app.js';
import { detachedScope } from '../../../shared/request/request-scope.js';
import { defineTool } from '../../../shared/mcp/define-tool.js';
import { READ_ONLY } from '../../../shared/tools/common/schemas.js';

const ENVELOPE_2026 = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': {},
};

const slowTool = defineTool({
  name: 'slow_tool',
  title: 'Slow',
  description: 'Waits until aborted, then reports whether it saw the abort.',
  input: z.object({}),
  output: z.object({ ok: z.boolean() }),
  roles: [],
  annotations: READ_ONLY,
  handler: (_input, ctx) =>
    new Promise((resolve) => ctx.signal.addEventListener('abort', () => resolve({ ok: false }), { once: true })),
});

/** Takes 400 ms, over TOOL_TIMEOUT_MS (150 ms) but within its own budget. */
const patientTool = defineTool({
  name: 'patient_tool',
  title: 'Patient',
  description: 'Takes 400 ms, within its own time budget of 2 s.',
  input: z.object({}),
  output: z.object({ ok: z.boolean() }),
  roles: [],
  annotations: READ_ONLY,
  timeoutMs: 2_000,
  handler: async () => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    return { ok: true };
  },
});

/** Its own budget (50 ms) is shorter than TOOL_TIMEOUT_MS. */
const hastyTool = defineTool({ ...slowTool, name: 'hasty_tool', timeoutMs: 50 });

const throwingTool = defineTool({
  name: 'throwing_tool',
  title: 'Throws',
  description: 'Throws an unexpected error carrying a secret-looking message.',
  input: z.object({}),
  output: z.object({ ok: z.boolean() }),
  roles: [],
  annotations: READ_ONLY,
  handler: async () => {
    throw new Error('database password=hunter2 leaked');
  },
});

const badOutputTool = defineTool({
  name: 'bad_output_tool',
  title: 'Bad output',
  description: 'Returns output that does not match its schema.',
  input: z.object({}),
  output: z.object({ count: z.number() }),
  roles: [],
  annotations: READ_ONLY,
  handler: async () => ({ count: 'many' }) as unknown as { count: number },
});

const progressTool = defineTool({
  name: 'progress_tool',
  title: 'Progress',
  description: 'Reports three progress steps when asked.',
  input: z.object({}),
  output: z.object({ steps: z.number() }),
  roles: [],
  annotations: READ_ONLY,
  handler: async (_input, ctx) => {
    for (let step = 1; step <= 3; step += 1) await ctx.progress(step, 3, `step ${step}`);
    return { steps: 3 };
  },
});

const scopeEchoTool = defineTool({
  name: 'scope_echo_tool',
  title: 'Scope echo',
  description: 'Returns what it sees of its request scope.',
  input: z.object({}),
  output: z.object({ request_id: z.string(), function_name: z.string(), caller_id: z.string(), same_caller: z.boolean() }),
  roles: [],
  annotations: READ_ONLY,
  handler: async (_input, ctx) => ({
    request_id: ctx.scope.requestId,
    function_name: ctx.scope.invocation.functionName,
    caller_id: ctx.scope.caller.callerId,
    same_caller: ctx.caller === ctx.scope.caller && ctx.requestId === ctx.scope.requestId,
  }),
});

const restrictedTool = defineTool({
  name: 'restricted_tool',
  title: 'Restricted',
  description: 'Needs a role the development identity lacks in this test.',
  input: z.object({}),
  output: z.object({ ok: z.boolean() }),
  roles: ['nobody-has-this-role'],
  annotations: READ_ONLY,
  handler: async () => ({ ok: true }),
});

describe('MCP endpoint (in-process)', () => {
  let app: App;
  const contentTypes: string[] = [];
  const fetchInProcess = async (input: string | URL | Request, init?: RequestInit) => {
    const res = await app.handlers.mcp.web(new Request(input, init), detachedScope('req-test'));
    contentTypes.push(res.headers.get('content-type') ?? '');
    return res;
  };

  async function connect(era: 'legacy' | 'modern'): Promise<Client> {
    const client = new Client({ name: 'in-process', version: '1' }, era === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {});
    await client.connect(new StreamableHTTPClientTransport(new URL('http://localhost/api/mcp'), { fetch: fetchInProcess }));
    return client;
  }

  before(async () => {
    const config = loadConfig({ SQLITE_PATH: ':memory:', SEED_CUSTOMER_COUNT: '3', SEED_ANCHOR_DATE: '2026-01-01', TOOL_TIMEOUT_MS: '150', AUTH_MODE: 'disabled' });
    app = await createApp(config, {
      tools: [slowTool, patientTool, hastyTool, throwingTool, badOutputTool, progressTool, restrictedTool, scopeEchoTool],
      logSink: () => {},
      authenticate: async () => ({ ok: true, principal: developmentPrincipal() }),
    });
  });
  after(async () => app?.close());

  for (const era of ['legacy', 'modern'] as const) {
    describe(`${era} era`, () => {
      let client: Client;
      before(async () => {
        client = await connect(era);
      });
      after(async () => client?.close());

      it('stops a tool at its time budget with a clear tool error', async () => {
        const started = Date.now();
        const result = (await client.callTool({ name: 'slow_tool', arguments: {} })) as { isError?: boolean; content: Array<{ text: string }> };
        assert.equal(result.isError, true);
        assert.match(result.content[0]?.text ?? '', /^TIMEOUT: slow_tool did not finish within its 150 ms time budget/);
        assert.ok(Date.now() - started < 5_000);
      });

      it("gives a tool that declares its own time budget that budget instead of TOOL_TIMEOUT_MS", async () => {
        const patient = (await client.callTool({ name: 'patient_tool', arguments: {} })) as { isError?: boolean; structuredContent?: unknown };
        assert.equal(patient.isError, undefined);
        assert.deepEqual(patient.structuredContent, { ok: true });
        const hasty = (await client.callTool({ name: 'hasty_tool', arguments: {} })) as { isError?: boolean; content: Array<{ text: string }> };
        assert.match(hasty.content[0]?.text ?? '', /^TIMEOUT: hasty_tool did not finish within its 50 ms time budget/);
      });

      it('turns an unexpected throw into a tool error without the original message', async () => {
        const result = (await client.callTool({ name: 'throwing_tool', arguments: {} })) as { isError?: boolean; content: Array<{ text: string }> };
        assert.equal(result.isError, true);
        assert.match(result.content[0]?.text ?? '', /INTERNAL: .*request id req-test/);
        assert.doesNotMatch(JSON.stringify(result), /hunter2/);
      });

      it('refuses output that breaks the tool schema as an internal tool error', async () => {
        const result = (await client.callTool({ name: 'bad_output_tool', arguments: {} })) as { isError?: boolean; content: Array<{ text: string }> };
        assert.equal(result.isError, true);
        assert.match(result.content[0]?.text ?? '', /^INTERNAL:/);
      });

      it('streams progress over SSE only when the caller sends a progress token', async () => {
        contentTypes.length = 0;
        const progress: number[] = [];
        const withToken = await client.callTool({ name: 'progress_tool', arguments: {} }, { onprogress: (p) => progress.push(p.progress) });
        assert.deepEqual((withToken as { structuredContent: unknown }).structuredContent, { steps: 3 });
        assert.deepEqual(progress, [1, 2, 3]);
        assert.match(contentTypes.at(-1) ?? '', /^text\/event-stream/);
        const plain = await client.callTool({ name: 'progress_tool', arguments: {} });
        assert.deepEqual((plain as { structuredContent: unknown }).structuredContent, { steps: 3 });
        assert.match(contentTypes.at(-1) ?? '', /^application\/json/);
      });

      it("hands the tool the invocation's request scope with the verified caller", async () => {
        const result = (await client.callTool({ name: 'scope_echo_tool', arguments: {} })) as { structuredContent?: unknown };
        assert.deepEqual(result.structuredContent, { request_id: 'req-test', function_name: 'detached', caller_id: 'local-developer', same_caller: true });
      });

      it('hides a tool the caller lacks the role for and refuses it like an unknown tool', async () => {
        const { tools } = await client.listTools();
        assert.ok(!tools.some((t) => t.name === 'restricted_tool'));
        const restricted = await client.callTool({ name: 'restricted_tool', arguments: {} }).then(
          (r) => JSON.stringify(r),
          (e: Error) => e.message,
        );
        const unknown = await client.callTool({ name: 'no_such_tool', arguments: {} }).then(
          (r) => JSON.stringify(r),
          (e: Error) => e.message,
        );
        assert.equal(restricted.replace('restricted_tool', 'X'), unknown.replace('no_such_tool', 'X'));
      });
    });
  }

  it('answers an unsupported 2026-era protocol version with the request id and the supported versions', async () => {
    const body = { jsonrpc: '2.0', id: 301, method: 'server/discover', params: { _meta: { ...ENVELOPE_2026, 'io.modelcontextprotocol/protocolVersion': 'v999' } } };
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': 'v999', 'mcp-method': 'server/discover' };
    const res = await app.handlers.mcp.web(new Request('http://localhost/api/mcp', { method: 'POST', headers, body: JSON.stringify(body) }), detachedScope('req-test'));
    const answer = (await res.json()) as { id: unknown; error?: { data?: { supported?: string[]; requested?: string } } };

    assert.equal(res.status, 400);
    assert.equal(answer.id, 301);
    assert.deepEqual(answer.error?.data, { supported: ['2026-07-28'], requested: 'v999' });
  });
});
