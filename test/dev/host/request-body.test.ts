// What the local host does with a request body its handler left unread, over real sockets: the
// rest is discarded so a keep-alive connection serves its next request; a body too large for
// that gets its answer with `Connection: close`, and a chunked one that keeps coming is cut off.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { HttpRequest } from '@azure/functions';
import { createLocalHostServer } from '../../../dev/host/local-host.js';
import { DISCARD_LIMIT_BYTES } from '../../../dev/host/request-body.js';
import { compileRoute } from '../../../dev/host/route-matcher.js';
import type { HttpCallback, HttpRoute } from '../../../dev/host/http-routes.js';

/** Every socket wait in this file gives up after this long: without the fix they hang. */
const SOCKET_WAIT_MS = 5_000;

function route(name: string, methods: string[], callback: HttpCallback, authLevel: HttpRoute['authLevel'] = 'anonymous'): HttpRoute {
  return { functionName: name, route: compileRoute(`api/${name}`), methods: new Set(methods), authLevel, callback };
}

/** Reads the body up to DISCARD_LIMIT_BYTES and cancels it beyond, answering 413 like the app. */
async function readLimited(request: unknown): Promise<{ status: number; body: string }> {
  const reader = (request as HttpRequest).body?.getReader() as ReadableStreamDefaultReader<Uint8Array> | undefined;
  let total = 0;
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) return { status: 200, body: String(total) };
    total += chunk.value.byteLength;
    if (total > DISCARD_LIMIT_BYTES) {
      await reader?.cancel();
      return { status: 413, body: 'too large' };
    }
  }
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  socket: net.Socket;
  reusedSocket: boolean;
}

function send(agent: http.Agent, url: string, method: string, body?: Buffer, headers: Record<string, string> = {}): Promise<Answer> {
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

interface Exchange {
  /** Everything the server sent before it closed the connection. */
  text: string;
  /** Resolves when the server closed the connection. */
  closed: Promise<void>;
  socket: net.Socket;
}

/** Opens a raw connection, writes `head` and `body`, and collects the answer until the server closes. */
function exchange(port: number, head: string[], body: Buffer | string): Exchange {
  const socket = net.connect(port, '127.0.0.1');
  const result: Exchange = {
    text: '',
    socket,
    closed: new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`the server did not close the connection in ${SOCKET_WAIT_MS} ms; got: ${result.text.slice(0, 300)}`));
      }, SOCKET_WAIT_MS);
      socket.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
    }),
  };
  socket.on('data', (chunk: Buffer) => (result.text += chunk.toString('latin1')));
  // The server may reset a connection it stops reading; what it answered first still arrives.
  socket.on('error', () => {});
  socket.write(`${head.join('\r\n')}\r\n\r\n`);
  socket.write(body);
  return result;
}

function chunk(size: number): string {
  return `${size.toString(16)}\r\n${'x'.repeat(size)}\r\n`;
}

describe('local host request bodies left unread', () => {
  const server = createLocalHostServer({
    functionKey: 'key',
    routes: [
      route('refuse', ['POST', 'DELETE'], () => ({ status: 401, body: 'refused without reading' })),
      route('echo', ['POST'], async (request) => ({ body: String((await (request as HttpRequest).arrayBuffer()).byteLength) })),
      route('limited', ['POST'], readLimited),
      route('read-only', ['GET'], () => ({ body: 'read' })),
      route('keyed', ['POST'], () => ({ body: 'unreachable without the key' }), 'function'),
    ],
  });
  let base = '';
  let port = 0;
  const agents: http.Agent[] = [];
  /** A keep-alive agent with one socket, so consecutive requests share a connection. */
  const oneConnection = () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(agent);
    return agent;
  };
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });
  after(async () => {
    for (const agent of agents) agent.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** Sends `first`, then a small POST to the echo route on the same connection, and checks both. */
  async function assertConnectionServesNext(agent: http.Agent, first: Answer, expectedStatus: number): Promise<void> {
    assert.equal(first.status, expectedStatus, first.body);
    assert.notEqual(first.headers.connection, 'close');
    const next = await send(agent, `${base}/api/echo`, 'POST', Buffer.from('hello'));
    assert.equal(next.status, 200);
    assert.equal(next.body, '5');
    assert.equal(next.socket, first.socket, 'the second request went out on another connection');
    assert.equal(next.reusedSocket, true);
  }

  it('serves the next request after a handler answers without reading a 300 KB body', async () => {
    const agent = oneConnection();
    const first = await send(agent, `${base}/api/refuse`, 'DELETE', Buffer.alloc(300 * 1024, 'x'));
    await assertConnectionServesNext(agent, first, 401);
  });

  it('serves the next request after the host answers 404, 405 or 401 before the body is read', async () => {
    const body = Buffer.alloc(300 * 1024, 'x');
    const cases: Array<[string, string, number]> = [
      ['/api/nowhere', 'POST', 404],
      ['/api/read-only', 'POST', 405],
      ['/api/keyed', 'POST', 401],
    ];
    for (const [path, method, status] of cases) {
      const agent = oneConnection();
      await assertConnectionServesNext(agent, await send(agent, `${base}${path}`, method, body), status);
    }
  });

  it('serves the next request after a GET carrying a body', async () => {
    const agent = oneConnection();
    const first = await send(agent, `${base}/api/read-only`, 'GET', Buffer.alloc(300 * 1024, 'x'));
    await assertConnectionServesNext(agent, first, 200);
  });

  it('serves the next request after a body of exactly the limit', async () => {
    const agent = oneConnection();
    const first = await send(agent, `${base}/api/refuse`, 'POST', Buffer.alloc(DISCARD_LIMIT_BYTES, 'x'));
    await assertConnectionServesNext(agent, first, 401);
  });

  it('answers a declared body over the limit with Connection: close, then closes', async () => {
    const size = 2 * DISCARD_LIMIT_BYTES;
    const sent = exchange(port, ['POST /api/refuse HTTP/1.1', 'Host: localhost', `Content-Length: ${size}`], Buffer.alloc(size, 'x'));
    await sent.closed;
    assert.match(sent.text, /^HTTP\/1\.1 401 /);
    assert.match(sent.text, /\r\nConnection: close\r\n/i);
    assert.match(sent.text, /refused without reading/);
  });

  it('gives a handler that cancels an oversized chunked body its 413, with Connection: close', async () => {
    const head = ['POST /api/limited HTTP/1.1', 'Host: localhost', 'Transfer-Encoding: chunked'];
    const sent = exchange(port, head, Array.from({ length: 20 }, () => chunk(64 * 1024)).join(''));
    await sent.closed;
    assert.match(sent.text, /^HTTP\/1\.1 413 /);
    assert.match(sent.text, /\r\nConnection: close\r\n/i);
    assert.match(sent.text, /too large/);
  });

  it('closes a connection whose chunked body keeps coming past the limit after a keep-alive answer', async () => {
    const head = ['POST /api/refuse HTTP/1.1', 'Host: localhost', 'Transfer-Encoding: chunked'];
    const sent = exchange(port, head, chunk(1024));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer in ${SOCKET_WAIT_MS} ms`)), SOCKET_WAIT_MS);
      sent.socket.on('data', () => {
        if (!sent.text.includes('refused without reading')) return;
        clearTimeout(timer);
        resolve();
      });
    });
    assert.match(sent.text, /^HTTP\/1\.1 401 /);
    assert.match(sent.text, /\r\nConnection: keep-alive\r\n/i);
    for (let sentBytes = 0; sentBytes <= DISCARD_LIMIT_BYTES; sentBytes += 64 * 1024) sent.socket.write(chunk(64 * 1024));
    await sent.closed;
  });
});
