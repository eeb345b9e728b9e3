// The MCP server's extension point in-process: an extension's tools and capabilities are served
// next to the Contoso tools in both eras, and the requestState it seals round-trips while a
// tampered one, or one minted for another caller, is refused before the handler runs.
import type { RequestAuthenticator } from '../../../shared/auth/authenticate-request.js';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { inputRequired } from '@modelcontextprotocol/server';
import * as z from 'zod';
import { developmentPrincipal } from '../../../shared/identity/principal.js';
import { loadConfig } from '../../../shared/config/load-config.js';
import { createApp, type App } from '../../../shared/context/create-app.js';
import { detachedScope } from '../../../shared/request/request-scope.js';
import type { ServerExtension } from '../../../shared/mcp/server-extension.js';

const probe: ServerExtension = {
  name: 'probe',
  capabilities: { prompts: { listChanged: false } },
  register(server, context) {
    server.registerTool('probe_era', { description: 'Returns the era of the request' }, () => ({ content: [{ type: 'text', text: context.era }] }));
    server.registerTool('probe_state', { description: 'Asks once, then completes with its sealed state', inputSchema: z.object({}) }, async (_args, ctx) => {
      const state = z.object({ step: z.literal(1) }).safeParse(ctx.mcpReq.requestState());
      if (state.success) return { content: [{ type: 'text', text: 'state verified' }] };
      if (!context.requestState) throw new Error('no requestState key');
      return inputRequired({
        inputRequests: { ok: inputRequired.elicit({ message: 'OK?', requestedSchema: { type: 'object', properties: { ok: { type: 'boolean' } } } }) },
        requestState: await context.requestState.mint({ step: 1 }, ctx),
      });
    });
    server.registerPrompt('probe_prompt', { description: 'A prompt from the extension' }, () => ({ messages: [] }));
  },
};

const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': { elicitation: {} },
};

interface RpcAnswer {
  result?: { resultType?: string; requestState?: string; content?: Array<{ text?: string }> };
  error?: { code: number };
}

/** A raw 2026-07-28 tools/call to `app`, as `caller`. */
async function callModern(app: App, name: string, caller: string, extra: Record<string, unknown> = {}): Promise<RpcAnswer> {
  const body = { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name, arguments: {}, _meta: ENVELOPE, ...extra } };
  const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': name, 'x-test-caller': caller };
  const res = await app.handlers.mcp.web(new Request('http://localhost/api/mcp', { method: 'POST', headers, body: JSON.stringify(body) }), detachedScope('req-ext'));
  return (await res.json()) as RpcAnswer;
}

/** Authenticates every request as the caller named by its x-test-caller header. */
const authenticate: RequestAuthenticator = async (request) => ({
  ok: true as const,
  principal: { ...developmentPrincipal(), callerId: request.headers.get('x-test-caller') ?? 'local-developer' },
});

describe('MCP server extensions', () => {
  let ctx: App;
  let plain: App;

  async function connect(app: App, era: 'legacy' | 'modern'): Promise<Client> {
    const client = new Client({ name: 'in-process', version: '1' }, era === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {});
    const fetch = async (input: string | URL | Request, init?: RequestInit) => app.handlers.mcp.web(new Request(input, init), detachedScope('req-ext'));
    await client.connect(new StreamableHTTPClientTransport(new URL('http://localhost/api/mcp'), { fetch }));
    return client;
  }

  before(async () => {
    const config = loadConfig({ SQLITE_PATH: ':memory:', SEED_CUSTOMER_COUNT: '0', SEED_ANCHOR_DATE: '2026-01-01', AUTH_MODE: 'disabled' });
    ctx = await createApp(config, { extensions: [probe], logSink: () => {}, authenticate });
    plain = await createApp(config, { logSink: () => {}, authenticate });
  });
  after(async () => {
    await ctx?.close();
    await plain?.close();
  });

  for (const era of ['legacy', 'modern'] as const) {
    it(`serves an extension's tools, prompts and capabilities next to the Contoso tools (${era})`, async () => {
      const client = await connect(ctx, era);
      const { tools } = await client.listTools();
      assert.ok(tools.some((tool) => tool.name === 'get_customer_detail'));
      const result = (await client.callTool({ name: 'probe_era', arguments: {} })) as { content: Array<{ text: string }> };
      assert.equal(result.content[0]?.text, era);
      assert.deepEqual((await client.listPrompts()).prompts.map((prompt) => prompt.name), ['probe_prompt']);
      assert.equal(client.getServerCapabilities()?.prompts?.listChanged, false);
      await client.close();
    });
  }

  it('serves only the Contoso tools without extensions, announcing a list that never changes', async () => {
    const client = await connect(plain, 'legacy');
    assert.ok(!(await client.listTools()).tools.some((tool) => tool.name.startsWith('probe_')));
    assert.deepEqual(client.getServerCapabilities()?.tools, { listChanged: false });
    assert.equal(client.getServerCapabilities()?.prompts, undefined);
    await client.close();
  });

  it('round-trips requestState sealed with the app key', async () => {
    const first = await callModern(ctx, 'probe_state', 'alice');
    assert.equal(first.result?.resultType, 'input_required');
    const state = first.result?.requestState ?? '';
    assert.match(state, /^v1\./);

    const retry = await callModern(ctx, 'probe_state', 'alice', { requestState: state, inputResponses: { ok: { action: 'accept', content: { ok: true } } } });
    assert.equal(retry.result?.content?.[0]?.text, 'state verified');
  });

  it('refuses a tampered requestState, or one minted for another caller, with -32602', async () => {
    const state = (await callModern(ctx, 'probe_state', 'alice')).result?.requestState ?? '';
    const answers = { inputResponses: { ok: { action: 'accept', content: { ok: true } } } };

    assert.equal((await callModern(ctx, 'probe_state', 'alice', { requestState: `${state}x`, ...answers })).error?.code, -32602);
    assert.equal((await callModern(ctx, 'probe_state', 'mallory', { requestState: state, ...answers })).error?.code, -32602);
  });
});

describe('MCP server without a requestState key (Azure until MCP_REQUEST_STATE_KEY is set)', () => {
  let ctx: App;
  before(async () => {
    const config = loadConfig({
      WEBSITE_INSTANCE_ID: 'a1b2c3',
      ALLOW_INSTANCE_LOCAL_STORE: 'true',
      WEBSITE_HOSTNAME: 'contoso-mcp.azurewebsites.net',
      AUTH_AUDIENCE: 'api://contoso-mcp',
      ALLOWED_TENANTS: '11111111-1111-4111-8111-111111111111',
      ALLOWED_HOSTS: 'localhost',
      SQLITE_PATH: ':memory:',
      SEED_CUSTOMER_COUNT: '0',
      SEED_ANCHOR_DATE: '2026-01-01',
    });
    assert.equal(config.mcp.requestStateKey, undefined);
    ctx = await createApp(config, { extensions: [probe], logSink: () => {}, authenticate });
  });
  after(async () => ctx?.close());

  it('refuses every echoed requestState, and a tool cannot seal one', async () => {
    const forged = await callModern(ctx, 'probe_state', 'alice', { requestState: 'v1.e30.AAAA', inputResponses: { ok: { action: 'accept', content: {} } } });
    assert.equal(forged.error?.code, -32602);
    const first = (await callModern(ctx, 'probe_state', 'alice')) as RpcAnswer & { result?: { isError?: boolean } };
    assert.equal(first.result?.isError, true);
  });
});
