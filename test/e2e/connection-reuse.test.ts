// Keep-alive connections to the real local host stay usable after /api/mcp refuses a request
// without reading its body (405, 401, 415): the next request on the same socket is answered.
// A body over the size limit gets its 413 with Connection: close; the listening server carries
// the host's keep-alive timeout.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { MAX_BODY_BYTES } from '../../shared/config/load-config.js';
import { MCP_HEADERS } from '../support/mcp-clients.js';
import { startLocalHost, type LocalHostProcess } from '../support/local-host-process.js';

/** Every socket wait gives up after this long: without keep-alive care the second request hangs. */
const SOCKET_WAIT_MS = 5_000;
const LARGE_BODY = Buffer.alloc(300 * 1024, 'x');
const TOOLS_LIST = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }));

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  socket: net.Socket;
  reusedSocket: boolean;
}

function send(agent: http.Agent, url: string, method: string, headers: Record<string, string>, body?: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) } });
    req.setTimeout(SOCKET_WAIT_MS, () => req.destroy(new Error(`${method} ${url}: no answer in ${SOCKET_WAIT_MS} ms`)));
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, socket: req.socket as net.Socket, reusedSocket: req.reusedSocket }));
      res.on('error', reject);
    });
    req.end(body);
  });
}

describe('keep-alive connections to the local host', () => {
  let host: LocalHostProcess;
  let auth: Record<string, string>;
  const agents: http.Agent[] = [];
  before(async () => {
    host = await startLocalHost();
    auth = await host.authHeaders();
  });
  after(async () => {
    for (const agent of agents) agent.destroy();
    await host?.stop();
  });

  /** Sends `method` with `headers` and `body`, then tools/list on the same connection; both are answered. */
  async function assertNextRequestServed(method: string, headers: Record<string, string>, body: Buffer, status: number): Promise<Answer> {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(agent);
    const first = await send(agent, host.mcpUrl, method, headers, body);
    assert.equal(first.status, status, first.body);
    const next = await send(agent, host.mcpUrl, 'POST', { ...MCP_HEADERS, ...auth }, TOOLS_LIST);
    assert.equal(next.status, 200, next.body);
    assert.match(next.body, /"tools"/);
    assert.equal(next.socket, first.socket, 'the second request went out on another connection');
    assert.equal(next.reusedSocket, true);
    return first;
  }

  it('answers a POST after a DELETE with a 300 KB body on the same connection', async () => {
    await assertNextRequestServed('DELETE', { ...MCP_HEADERS, ...auth }, LARGE_BODY, 405);
  });

  it('answers a POST after a 401 for a large body sent without a token', async () => {
    await assertNextRequestServed('POST', { ...MCP_HEADERS }, LARGE_BODY, 401);
  });

  it('answers a POST after a 415 for a large text/plain body', async () => {
    await assertNextRequestServed('POST', { ...MCP_HEADERS, ...auth, 'content-type': 'text/plain' }, LARGE_BODY, 415);
  });

  it('answers a POST after a 405 for a GET with a body', async () => {
    await assertNextRequestServed('GET', { ...MCP_HEADERS, ...auth }, LARGE_BODY, 405);
  });

  it('advertises the host keep-alive timeout of 65 s on the listening server', async () => {
    const first = await assertNextRequestServed('POST', { ...MCP_HEADERS, ...auth }, TOOLS_LIST, 200);
    assert.equal(first.headers['keep-alive'], 'timeout=65');
  });

  it('answers a body over the size limit with 413 and Connection: close, then closes the connection', async () => {
    const size = 2 * MAX_BODY_BYTES;
    const { port } = new URL(host.baseUrl);
    const head = ['POST /api/mcp HTTP/1.1', `Host: 127.0.0.1:${port}`, `Authorization: ${auth.authorization}`, 'Content-Type: application/json', `Accept: ${MCP_HEADERS.accept}`, `Content-Length: ${size}`];
    const socket = net.connect(Number(port), '127.0.0.1');
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    // The host stops reading an oversized body; its answer arrives before any reset.
    socket.on('error', () => {});
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
    socket.write(Buffer.alloc(size, ' '));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`the host did not close the connection in ${SOCKET_WAIT_MS} ms; got: ${text.slice(0, 300)}`));
      }, SOCKET_WAIT_MS);
      socket.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    assert.match(text, /^HTTP\/1\.1 413 /);
    assert.match(text, /\r\nConnection: close\r\n/i);
    assert.match(text, /Payload Too Large/);
  });
});
