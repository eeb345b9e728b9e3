// Requests written byte for byte to a socket, where fetch would normalise or refuse them: Host
// games, lying or duplicated Content-Length, chunked framing, duplicate headers, malformed
// header lines, odd request lines. Broken framing may be refused or the connection closed.
import { MAX_BODY_BYTES } from '../../../shared/config/load-config.js';
import { ANY, refusedWith, REFUSED, type Expectation, type SocketCase } from './fuzz-case.js';
import { json, rpc, toolCall } from './requests.js';

const READ = json(toolCall('get_customer_detail', { customer_id: 251 }));
const LIST = json(rpc('tools/list'));
/** Refused, or the connection dropped: what broken HTTP framing may get. */
const BROKEN: Expectation = { allow: ['status4xx', 'closed'] };
/**
 * Framing Node's HTTP parser tolerates (an unknown transfer coding before `chunked`, a request
 * line without a version): it may be served as what it carries, refused, or dropped.
 */
const TOLERATED: Expectation = { allow: [...ANY.allow, 'closed'] };
const MEDIA = ['Content-Type: application/json', 'Accept: application/json, text/event-stream', 'MCP-Protocol-Version: 2025-11-25'];

function socketCase(name: string, head: string[], body: string | Uint8Array | undefined, expect: Expectation, halfClose = false): SocketCase {
  return { via: 'socket', category: 'http-surface', name, head, body, expect, auth: 'valid', halfClose };
}

/** A POST with the usual headers; `lines` replace the Host/length defaults when given. */
function postHead(lines: { host?: string[]; length?: string[]; extra?: string[]; requestLine?: string } = {}): string[] {
  return [
    lines.requestLine ?? 'POST /api/mcp HTTP/1.1',
    ...(lines.host ?? ['Host: {{host}}']),
    '{{auth}}',
    ...MEDIA,
    ...(lines.length ?? ['Content-Length: {{length}}']),
    'Connection: close',
    ...(lines.extra ?? []),
  ];
}

function chunked(...chunks: string[]): string {
  return `${chunks.map((chunk) => `${Buffer.byteLength(chunk).toString(16)}\r\n${chunk}\r\n`).join('')}0\r\n\r\n`;
}

export function socketCases(): SocketCase[] {
  const cases: SocketCase[] = [];
  const hosts: Array<[string, string[], Expectation]> = [
    ['foreign Host', ['Host: evil.example.com'], refusedWith(403)],
    ['Host localhost, any port', ['Host: localhost'], ANY],
    ['Host in capitals', ['Host: LOCALHOST:{{port}}'], ANY],
    ['Host [::1] with port', ['Host: [::1]:{{port}}'], ANY],
    ['Host with a trailing dot', ['Host: localhost.'], REFUSED],
    ['empty Host', ['Host: '], REFUSED],
    ['Host with userinfo', ['Host: user:secret@localhost'], refusedWith(400)],
    ['Host with an impossible port', ['Host: localhost:99999'], REFUSED],
    ['Host with an unclosed bracket', ['Host: [::1'], REFUSED],
    ['Host with a path', ['Host: localhost/evil'], REFUSED],
    ['Host with a NUL byte', ['Host: localhost\u0000.evil.com'], BROKEN],
    ['no Host on HTTP/1.1', [], BROKEN],
    ['two Host headers, allowed first', ['Host: localhost', 'Host: evil.example.com'], ANY],
    ['two Host headers, foreign first', ['Host: evil.example.com', 'Host: localhost'], BROKEN],
  ];
  for (const [name, host, expect] of hosts) cases.push(socketCase(name, postHead({ host }), READ, expect));
  cases.push(socketCase('HTTP/1.0 without Host', postHead({ host: [], requestLine: 'POST /api/mcp HTTP/1.0' }), READ, ANY));
  cases.push(socketCase('absolute-form URL naming another host', postHead({ requestLine: 'POST http://evil.example.com/api/mcp HTTP/1.1' }), READ, ANY));
  cases.push(socketCase('absolute-form URL with userinfo', postHead({ requestLine: 'POST http://user:secret@localhost/api/mcp HTTP/1.1' }), READ, refusedWith(400)));

  const lengths: Array<[string, string[], Expectation, boolean?]> = [
    ['Content-Length shorter than the body', ['Content-Length: 20'], BROKEN],
    ['Content-Length 0 with a body', ['Content-Length: 0'], BROKEN],
    ['Content-Length longer than the body', ['Content-Length: 400'], BROKEN, true],
    ['Content-Length of 2 MiB on a small body', [`Content-Length: ${2 * MAX_BODY_BYTES}`], BROKEN, true],
    ['Content-Length 20 digits', ['Content-Length: 99999999999999999999'], BROKEN, true],
    ['Content-Length not a number', ['Content-Length: abc'], BROKEN],
    ['negative Content-Length', ['Content-Length: -1'], BROKEN],
    ['Content-Length with a plus sign', ['Content-Length: +{{length}}'], BROKEN],
    ['Content-Length in exponent form', ['Content-Length: 1e2'], BROKEN],
    ['two different Content-Lengths', ['Content-Length: {{length}}', 'Content-Length: 5'], BROKEN],
    ['two equal Content-Lengths', ['Content-Length: {{length}}', 'Content-Length: {{length}}'], TOLERATED],
    ['Content-Length and chunked together', ['Content-Length: {{length}}', 'Transfer-Encoding: chunked'], BROKEN],
  ];
  for (const [name, length, expect, halfClose] of lengths) cases.push(socketCase(name, postHead({ length }), READ, expect, halfClose ?? false));

  const te = ['Transfer-Encoding: chunked'];
  cases.push(socketCase('valid chunked body', postHead({ length: te }), chunked(READ.slice(0, 10), READ.slice(10)), ANY));
  cases.push(socketCase('chunk extensions', postHead({ length: te }), `${Buffer.byteLength(READ).toString(16)};ext="1"\r\n${READ}\r\n0\r\n\r\n`, ANY));
  cases.push(socketCase('chunk size not hex', postHead({ length: te }), `zz\r\n${READ}\r\n0\r\n\r\n`, BROKEN));
  cases.push(socketCase('chunk size larger than the data', postHead({ length: te }), `ffff\r\n${READ}\r\n`, BROKEN, true));
  cases.push(socketCase('no final chunk', postHead({ length: te }), `${Buffer.byteLength(READ).toString(16)}\r\n${READ}\r\n`, BROKEN, true));
  cases.push(socketCase('Transfer-Encoding gzip, chunked', postHead({ length: ['Transfer-Encoding: gzip, chunked'] }), chunked(READ), TOLERATED));
  const big = 'x'.repeat(64 * 1024);
  cases.push(socketCase('chunked body over 1 MiB', postHead({ length: te }), chunked(`{"pad":"`, ...Array.from({ length: 17 }, () => big), '"}'), refusedWith(413), true));
  cases.push(socketCase('chunked body just under 1 MiB', postHead({ length: te }), chunked(`{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"pad":"`, ...Array.from({ length: 15 }, () => big), '"}}'), ANY));

  const dupes: Array<[string, string[], Expectation]> = [
    ['two Content-Types, JSON first', ['Content-Type: text/plain'], ANY],
    ['two Accepts', ['Accept: text/html'], ANY],
    ['two MCP-Protocol-Versions', ['MCP-Protocol-Version: 2025-11-25'], refusedWith(400)],
    ['a second, garbage Authorization', ['Authorization: Bearer garbage'], ANY],
    ['two Origins', ['Origin: http://localhost:1234', 'Origin: https://evil.example.com'], ANY],
    ['two Mcp-Method headers', ['Mcp-Method: tools/call', 'Mcp-Method: tools/list'], ANY],
    ['header line folded (obs-fold)', ['X-Folded: a', ' b'], BROKEN],
    ['header line without a colon', ['NoColonHere'], BROKEN],
    ['space before the colon', ['Accept : text/html'], BROKEN],
    ['bare CR in a value', ['X-Test: a\rb'], BROKEN],
    ['raw UTF-8 in MCP-Protocol-Version', ['MCP-Protocol-Version: 2025-11-25é'], BROKEN],
    ['20 KB header', [`X-Big: ${'a'.repeat(20 * 1024)}`], BROKEN],
    ['300 headers', Array.from({ length: 300 }, (_, i) => `X-H${i}: ${i}`), ANY],
    ['Expect: 100-continue', ['Expect: 100-continue'], ANY],
    ['Expect: something-else', ['Expect: something-else'], BROKEN],
    ['Upgrade: websocket on a POST', ['Upgrade: websocket', 'Connection: Upgrade'], TOLERATED],
  ];
  for (const [name, extra, expect] of dupes) cases.push(socketCase(name, postHead({ extra }), READ, expect));
  cases.push(socketCase('garbage Authorization first, valid second', postHead({ extra: ['Authorization: Bearer {{token}}'] }).map((line) => (line === '{{auth}}' ? 'Authorization: Bearer garbage' : line)), READ, refusedWith(401)));
  cases.push(socketCase('no Accept header at all', postHead().filter((line) => !line.startsWith('Accept:')), READ, refusedWith(406)));
  cases.push(socketCase('no Content-Type header at all', postHead().filter((line) => !line.startsWith('Content-Type:')), READ, refusedWith(415)));
  cases.push(socketCase('Content-Type text/plain first', postHead().map((line) => (line === MEDIA[0] ? 'Content-Type: text/plain\r\nContent-Type: application/json' : line)), READ, refusedWith(415)));

  const lines: Array<[string, string, Expectation]> = [
    ['lowercase method', 'post /api/mcp HTTP/1.1', BROKEN],
    ['TRACE', 'TRACE /api/mcp HTTP/1.1', BROKEN],
    ['GET with a body', 'GET /api/mcp HTTP/1.1', BROKEN],
    ['space inside the path', 'POST /api/ mcp HTTP/1.1', BROKEN],
    ['dot segments in the path', 'POST /api/x/../mcp HTTP/1.1', ANY],
    ['HTTP/2 preface', 'PRI * HTTP/2.0', BROKEN],
    ['HTTP/1.2', 'POST /api/mcp HTTP/1.2', TOLERATED],
    ['HTTP/9.9', 'POST /api/mcp HTTP/9.9', BROKEN],
    ['no version (HTTP/0.9 style)', 'POST /api/mcp', TOLERATED],
  ];
  for (const [name, requestLine, expect] of lines) cases.push(socketCase(name, postHead({ requestLine }), LIST, expect));
  // Clients that vanish mid-request: the server must shrug it off (the final checks show it did).
  const dropped = (name: string, head: string[], body: string, afterMs: number, expect = BROKEN): SocketCase => ({ ...socketCase(name, head, body, expect), abortAfterMs: afterMs });
  cases.push(dropped('dropped after half the declared body', postHead({ length: ['Content-Length: 1000'] }), READ, 5));
  cases.push(dropped('dropped in the middle of a chunked body', postHead({ length: te }), `${(64 * 1024).toString(16)}\r\n${big.slice(0, 1000)}`, 5));
  cases.push(dropped('dropped while waiting for 100 Continue', postHead({ extra: ['Expect: 100-continue'] }), '', 5));
  cases.push(dropped('dropped right after a valid request', postHead(), READ, 0, TOLERATED));
  cases.push(socketCase('CONNECT', ['CONNECT localhost:80 HTTP/1.1', 'Host: {{host}}', '{{auth}}', 'Connection: close'], undefined, BROKEN));
  return cases;
}
