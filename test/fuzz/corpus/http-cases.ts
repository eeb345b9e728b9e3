// The HTTP surface through fetch: other methods, Content-Type and Accept variants, odd
// MCP-Protocol-Version values, Origin games, paths and query strings. Raw framing (Host,
// duplicate headers, lying Content-Length) is in socket-cases.ts, since fetch normalises it.
import { ANY, FAILS, post, REFUSED, refusedWith, type Expectation, type FuzzCase } from './fuzz-case.js';
import { json, rpc, toolCall } from './requests.js';

const LIST = json(rpc('tools/list'));
const READ = json(toolCall('get_customer_detail', { customer_id: 251 }));

export function methodCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const method of ['GET', 'DELETE', 'HEAD']) {
    cases.push({ via: 'fetch', category: 'http-surface', name: `${method} without a body`, method, auth: 'valid', expect: refusedWith(405) });
  }
  // Node's HTTP parser itself refuses methods it does not know (FOO) with 400.
  for (const method of ['PUT', 'PATCH', 'DELETE', 'PROPFIND', 'FOO']) {
    cases.push({ via: 'fetch', category: 'http-surface', name: `${method} with a body`, method, body: READ, auth: 'valid', expect: refusedWith(400, 404, 405) });
  }
  cases.push({ via: 'fetch', category: 'http-surface', name: 'OPTIONS without Origin', method: 'OPTIONS', auth: 'none', expect: refusedWith(403) });
  cases.push({
    via: 'fetch',
    category: 'http-surface',
    name: 'OPTIONS preflight from an allowed origin',
    method: 'OPTIONS',
    auth: 'none',
    headers: { origin: 'http://localhost:6274', 'access-control-request-method': 'POST' },
    expect: { allow: ['accepted'] },
  });
  cases.push({
    via: 'fetch',
    category: 'http-surface',
    name: 'OPTIONS preflight from a foreign origin',
    method: 'OPTIONS',
    auth: 'none',
    headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
    expect: refusedWith(403),
  });
  return cases;
}

export function headerCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const withHeaders = (name: string, headers: Record<string, string | null>, expect: Expectation, body: string | Uint8Array = READ) =>
    cases.push(post('http-surface', name, body, expect, { headers }));

  const contentTypes: Array<[string | null, Expectation]> = [
    [null, refusedWith(415)],
    ['text/plain', refusedWith(415)],
    ['', refusedWith(415)],
    ['application/json; charset=utf-8', ANY],
    ['application/json;charset=latin1', ANY],
    ['APPLICATION/JSON', ANY],
    ['application/json ; foo=bar', ANY],
    ['application/json-rpc', refusedWith(415)],
    ['application/jsonx', refusedWith(415)],
    ['application/x-www-form-urlencoded', refusedWith(415)],
    ['multipart/form-data; boundary=x', refusedWith(415)],
    ['application/json, text/plain', refusedWith(415)],
    ['application/*', refusedWith(415)],
    ['*/*', refusedWith(415)],
    ['text/json', refusedWith(415)],
  ];
  for (const [value, expect] of contentTypes) {
    // A Uint8Array body keeps fetch from inventing a Content-Type when the case removes it.
    withHeaders(`Content-Type ${JSON.stringify(value)}`, { 'content-type': value }, expect, new TextEncoder().encode(READ));
  }

  const accepts: Array<[string, Expectation]> = [
    ['', refusedWith(406)],
    ['application/json', refusedWith(406)],
    ['text/event-stream', refusedWith(406)],
    ['text/html', refusedWith(406)],
    ['application/*, text/*', refusedWith(406)],
    ['application/json text/event-stream', refusedWith(406)],
    ['*/*', ANY],
    ['*/*;q=0', ANY],
    ['TEXT/EVENT-STREAM, APPLICATION/JSON', ANY],
    ['application/json;q=0, text/event-stream;q=0', ANY],
    ['application/json, text/event-stream, */*', ANY],
    [`${'x/y, '.repeat(2000)}application/json`, refusedWith(406)],
  ];
  for (const [value, expect] of accepts) withHeaders(`Accept ${JSON.stringify(value.slice(0, 60))}`, { accept: value }, expect);

  const versions: Array<[string, Expectation]> = [
    ['1999-01-01', refusedWith(400)],
    ['', refusedWith(400)],
    ['2025-11-26', refusedWith(400)],
    ['2025-11-25, 2025-11-25', refusedWith(400)],
    ['latest', refusedWith(400)],
    ['null', refusedWith(400)],
    ['../../etc/passwd', refusedWith(400)],
    ['<script>alert(1)</script>', refusedWith(400)],
    ['9'.repeat(5000), refusedWith(400)],
    ['2024-11-05', ANY],
    ['2025-03-26', ANY],
    ['2025-06-18', ANY],
    // A modern version on a message without the envelope: the modern path refuses it.
    ['2026-07-28', FAILS],
  ];
  for (const [value, expect] of versions) withHeaders(`MCP-Protocol-Version ${JSON.stringify(value.slice(0, 40))}`, { 'mcp-protocol-version': value }, expect);
  withHeaders('no MCP-Protocol-Version', { 'mcp-protocol-version': null }, ANY);

  const origins: Array<[string, Expectation]> = [
    ['null', refusedWith(403)],
    ['', refusedWith(403)],
    ['https://evil.example.com', refusedWith(403)],
    ['http://localhost.evil.com', refusedWith(403)],
    ['http://localhost@evil.com', refusedWith(403)],
    ['http://evil.com#@localhost', refusedWith(403)],
    ['file://', refusedWith(403)],
    ['javascript:alert(1)', refusedWith(403)],
    ['http://localhost:99999', refusedWith(403)],
    ['http://127.0.0.1.nip.io', refusedWith(403)],
    ['http://localhost:6274', ANY],
    ['https://LOCALHOST', ANY],
    ['http://127.0.0.1', ANY],
    ['http://[::1]:3000', ANY],
    ['http://%6c%6f%63%61%6c%68%6f%73%74', ANY],
  ];
  for (const [value, expect] of origins) withHeaders(`Origin ${JSON.stringify(value)}`, { origin: value }, expect);

  const paths: Array<[string, Expectation]> = [
    ['/api/mcp?access_token=abc', refusedWith(401)],
    ['/api/mcp?ACCESS_TOKEN=abc', refusedWith(401)],
    ['/api/mcp?code=abc', ANY],
    ['/api/mcp?', ANY],
    ['/api/mcp/', ANY],
    ['/api/MCP', ANY],
    ['/api//mcp', REFUSED],
    ['/api/mcp%00', REFUSED],
    ['/api/mcp/../manage/seed', REFUSED],
    ['/api/mcp;jsessionid=1', REFUSED],
  ];
  for (const [path, expect] of paths) cases.push(post('http-surface', `path ${path}`, LIST, expect, { path }));

  withHeaders('Mcp-Session-Id sent to a stateless server', { 'mcp-session-id': 'abc' }, ANY);
  withHeaders('Last-Event-ID sent with a POST', { 'last-event-id': '42' }, ANY);
  withHeaders('X-Forwarded-Host of another site', { 'x-forwarded-host': 'evil.example.com', 'x-forwarded-proto': 'https' }, ANY);
  withHeaders('Content-Encoding gzip on a plain body', { 'content-encoding': 'gzip' }, ANY);
  return cases;
}
