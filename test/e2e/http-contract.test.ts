// The HTTP contract of POST /api/mcp, case by case over real HTTP against the local host:
// methods, media types, sizes, JSON-RPC errors, DNS-rebinding protection, CORS, protocol
// versions and many concurrent calls.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { MCP_HEADERS, postRaw, toolCall, type RawResult } from '../support/mcp-clients.js';
import { generateDataset } from '../../shared/seed/generate-dataset.js';
import { startLocalHost, TEST_ANCHOR_DATE, type LocalHostProcess } from '../support/local-host-process.js';

type Rpc = { id?: unknown; result?: Record<string, unknown>; error?: { code: number; message: string } };

describe('POST /api/mcp HTTP contract', () => {
  let host: LocalHostProcess;
  let auth: Record<string, string>;
  const post = (body: string | object, headers: Record<string, string> = {}): Promise<RawResult> => postRaw(host.mcpUrl, body, { ...auth, ...headers });
  before(async () => {
    host = await startLocalHost({ ALLOWED_ORIGINS: 'https://inspector.example.com,http://localhost:*' });
    auth = await host.authHeaders();
  });
  after(async () => host?.stop());

  it('answers every method but POST with the same 405, Allow: POST and body, from the handler', async () => {
    const answers = new Set<string>();
    for (const method of ['GET', 'DELETE', 'PUT', 'PATCH']) {
      const res = await fetch(host.mcpUrl, { method, headers: { ...auth, accept: 'application/json, text/event-stream' }, ...(method.startsWith('P') ? { body: '{}' } : {}) });
      assert.equal(res.status, 405, method);
      assert.equal(res.headers.get('allow'), 'POST', method);
      const body = (await res.json()) as Rpc;
      assert.equal(body.error?.code, -32000);
      answers.add(JSON.stringify(body));
    }
    assert.equal(answers.size, 1, [...answers].join('\n'));
    const head = await fetch(host.mcpUrl, { method: 'HEAD', headers: auth });
    assert.equal(head.status, 405);
    assert.equal(head.headers.get('allow'), 'POST');
  });

  it('answers a plain call with JSON, not SSE', async () => {
    const res = await post({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.ok(Array.isArray((res.messages[0] as Rpc).result?.tools));
  });

  it('answers malformed JSON with 400 and -32700', async () => {
    const res = await post('{"jsonrpc": "2.0", "id": 1, "method": ');
    assert.equal(res.status, 400);
    assert.equal((res.messages[0] as Rpc).error?.code, -32700);
  });

  it('answers a wrong Content-Type with 415', async () => {
    const res = await post({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, { 'content-type': 'text/plain' });
    assert.equal(res.status, 415);
  });

  it('answers an Accept without JSON and event-stream with 406, and accepts */*', async () => {
    const bad = await post({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, { accept: 'application/json' });
    assert.equal(bad.status, 406);
    const html = await post({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, { accept: 'text/html' });
    assert.equal(html.status, 406);
    const any = await post({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, { accept: '*/*' });
    assert.equal(any.status, 200);
  });

  it('refuses a body over 1 MiB by Content-Length with 413', async () => {
    const big = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { pad: 'x'.repeat(1024 * 1024) } });
    const res = await post(big);
    assert.equal(res.status, 413);
  });

  it('refuses a chunked body over 1 MiB (no Content-Length) with 413 while reading', async () => {
    const url = new URL(host.mcpUrl);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { ...MCP_HEADERS, ...auth, 'transfer-encoding': 'chunked' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
      const chunk = 'x'.repeat(64 * 1024);
      req.write('{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"pad":"');
      for (let i = 0; i < 20; i += 1) req.write(chunk);
      req.end('"}}');
    });
    assert.equal(status, 413);
  });

  it('answers an unknown method with -32601', async () => {
    const res = await post({ jsonrpc: '2.0', id: 7, method: 'contoso/does-not-exist' });
    assert.equal((res.messages[0] as Rpc).error?.code, -32601);
  });

  it('answers bad tool arguments with a tool error naming the field', async () => {
    const res = await post(toolCall(3, 'get_subscription_detail', { subscription_id: -4 }));
    const result = (res.messages[0] as Rpc).result as { isError?: boolean; content: Array<{ text: string }> };
    assert.equal(res.status, 200);
    assert.equal(result.isError, true);
    assert.match(result.content[0]?.text ?? '', /subscription_id/);
  });

  it('refuses a Host header that is not allowed with 403 (DNS rebinding)', async () => {
    const url = new URL(host.mcpUrl);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { ...MCP_HEADERS, ...auth, host: 'evil.example.com' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }));
    });
    assert.equal(status, 403);
  });

  it('refuses an Origin that is not allowed with 403 and allows a listed one with CORS headers', async () => {
    const refused = await post({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, { origin: 'https://evil.example.com' });
    assert.equal(refused.status, 403);
    const allowed = await post({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, { origin: 'https://inspector.example.com' });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://inspector.example.com');
    assert.match(allowed.headers.get('access-control-expose-headers') ?? '', /mcp-protocol-version/);
    const localPort = await post({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, { origin: 'http://localhost:6274' });
    assert.equal(localPort.status, 200);
  });

  it('answers a CORS preflight for allowed origins only', async () => {
    const ok = await fetch(host.mcpUrl, {
      method: 'OPTIONS',
      headers: { origin: 'https://inspector.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, mcp-protocol-version' },
    });
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://inspector.example.com');
    assert.match(ok.headers.get('access-control-allow-headers') ?? '', /mcp-protocol-version/);
    assert.match(ok.headers.get('access-control-allow-methods') ?? '', /POST/);
    const refused = await fetch(host.mcpUrl, { method: 'OPTIONS', headers: { origin: 'https://evil.example.com' } });
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
  });

  it('refuses an unsupported MCP-Protocol-Version with 400', async () => {
    const res = await post({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, { 'mcp-protocol-version': '1999-01-01' });
    assert.equal(res.status, 400);
    assert.match((res.messages[0] as Rpc).error?.message ?? '', /MCP-Protocol-Version/);
  });

  it('serves 60 concurrent tool calls correctly', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => 1 + ((i * 7) % 259));
    const results = await Promise.all(ids.map((id, i) => post(toolCall(i, 'get_customer_detail', { customer_id: id }))));
    results.forEach((res, i) => {
      assert.equal(res.status, 200);
      const rpc = res.messages[0] as Rpc;
      assert.equal(rpc.id, i);
      assert.equal((rpc.result?.structuredContent as { customer_id: number }).customer_id, ids[i]);
    });
  });

  it('serves health and readiness as JSON', async () => {
    const health = await fetch(`${host.baseUrl}/api/health`);
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as { status: string }).status, 'ok');
    const ready = await fetch(`${host.baseUrl}/api/ready`);
    assert.equal(ready.status, 200);
    const expected = generateDataset({ customerCount: 250, anchorDate: TEST_ANCHOR_DATE }).customers.length;
    const answer = (await ready.json()) as Record<string, unknown>;
    assert.deepEqual({ ...answer, dependencies: undefined, degraded: undefined }, { status: 'ready', store: 'sqlite', seeded: true, customers: expected, dependencies: undefined, degraded: undefined });
    // Every other dependency is listed by name with its state, without secrets.
    assert.equal(answer.degraded, false);
    for (const dependency of answer.dependencies as Array<Record<string, unknown>>) {
      assert.equal(typeof dependency.name, 'string');
      assert.equal(dependency.status, 'ok', JSON.stringify(dependency));
    }
  });
});
