// The endpoint's direct lane (a request head and its bytes → a complete answer) answers exactly
// as its web lane does, for refusals at every stage and for what the fast path serves, and hands
// back everything else (batches, streams, other methods) for the web lane to serve.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadOrCreateLocalIssuer, type LocalIssuer } from '../../../shared/auth/local-issuer.js';
import { loadConfig } from '../../../shared/config/load-config.js';
import { createApp, type App } from '../../../shared/context/create-app.js';
import { answerText } from '../../../shared/http/http-answer.js';
import type { RequestHead } from '../../../shared/http/request-head.js';
import { LOCAL_TENANT_ID } from '../../../shared/identity/principal.js';
import { detachedScope } from '../../../shared/request/request-scope.js';

interface Seen {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const URL_ = 'http://localhost/api/mcp';

describe('MCP endpoint: direct lane against web lane', () => {
  let app: App;
  let issuer: LocalIssuer;
  let dataDir: string;
  let token: string;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'contoso-direct-'));
    const config = loadConfig({ DATA_DIR: dataDir, SQLITE_PATH: ':memory:', AUTH_MODE: 'local', SEED_CUSTOMER_COUNT: '2', SEED_ANCHOR_DATE: '2026-06-15' });
    app = await createApp(config, { logSink: () => {} });
    issuer = await loadOrCreateLocalIssuer(config.auth.localIssuerKeyFile, { now: () => new Date() });
    token = await issuer.mint({ sub: 'direct', tid: LOCAL_TENANT_ID, roles: ['support.read'], scope: 'MCP.Access', audience: config.auth.audiences[0]!, expiresInSeconds: 600 });
  });
  after(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function both(method: string, headers: Record<string, string>, body: string): Promise<{ web: Seen; direct: Seen | undefined }> {
    const init = { method, headers, ...(method === 'GET' || method === 'HEAD' ? {} : { body }) };
    const webResponse = await app.handlers.mcp.web(new Request(URL_, init), detachedScope('req-lanes'));
    const web = { status: webResponse.status, headers: Object.fromEntries([...(webResponse.headers as unknown as Iterable<[string, string]>)]), body: await webResponse.text() };
    const request = new Request(URL_, init);
    const head: RequestHead = { method, url: URL_, headers: request.headers, signal: request.signal };
    const answer = await app.handlers.mcp.direct(head, new TextEncoder().encode(method === 'GET' ? '' : body), detachedScope('req-lanes'));
    return { web, direct: answer && { status: answer.status, headers: { ...answer.headers }, body: answerText(answer) } };
  }

  const auth = () => ({ authorization: `Bearer ${token}` });
  const mcpHeaders = () => ({ 'content-type': 'application/json', accept: 'application/json, text/event-stream', host: 'localhost', ...auth() });
  const call = (name: string, args: unknown) => JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name, arguments: args } });

  it('answers refusals at every stage identically', async () => {
    const cases: Array<[string, Record<string, string>, string]> = [
      ['POST', { ...mcpHeaders(), host: 'evil.example' }, call('get_products', {})],
      ['POST', { ...mcpHeaders(), origin: 'https://evil.example' }, call('get_products', {})],
      ['OPTIONS', { host: 'localhost', origin: 'http://localhost:6274' }, ''],
      ['OPTIONS', { host: 'localhost' }, ''],
      ['POST', { ...mcpHeaders(), authorization: '' }, call('get_products', {})],
      ['POST', { ...mcpHeaders(), authorization: 'Bearer not.a.token' }, call('get_products', {})],
      ['GET', { ...mcpHeaders() }, ''],
      ['DELETE', { ...mcpHeaders() }, ''],
      ['POST', { ...mcpHeaders(), 'content-type': 'text/plain' }, call('get_products', {})],
      ['POST', { ...mcpHeaders(), accept: 'application/json' }, call('get_products', {})],
      ['POST', { ...mcpHeaders() }, '{"jsonrpc": '],
      ['POST', { ...mcpHeaders() }, '42'],
      ['POST', { ...mcpHeaders(), origin: 'http://localhost:6274' }, call('get_products', {})],
    ];
    for (const [method, headers, body] of cases) {
      const { web, direct } = await both(method, headers, body);
      assert.deepEqual(direct, web, `${method} ${JSON.stringify(headers)} ${body}`);
    }
  });

  it('answers what the fast path serves identically, and lets the web lane capture a tools/list first', async () => {
    const list = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    const fresh = await app.handlers.mcp.direct(
      { method: 'POST', url: URL_, headers: new Headers(mcpHeaders()), signal: new AbortController().signal },
      new TextEncoder().encode(list),
      detachedScope('req-lanes'),
    );
    assert.equal(fresh, undefined, 'a tools/list answer not captured yet goes the web way');
    for (const body of [list, call('get_products', {}), call('get_customer_detail', { customer_id: 251 }), call('pay_invoice', { invoice_id: 1, amount: 1 }), call('nope', {})]) {
      const { web, direct } = await both('POST', mcpHeaders(), body);
      assert.deepEqual(direct, web, body);
    }
  });

  it('hands back what only the SDK path serves', async () => {
    const batch = JSON.stringify([{ jsonrpc: '2.0', id: 1, method: 'tools/list' }]);
    const progress = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'get_products', arguments: {}, _meta: { progressToken: 1 } } });
    const initialize = JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'x', version: '1' } } });
    for (const body of [batch, progress, initialize]) {
      const { direct } = await both('POST', mcpHeaders(), body);
      assert.equal(direct, undefined, body);
    }
  });
});
