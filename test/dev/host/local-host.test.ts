// The local host's own handling of requests a web Request cannot represent: a Host header or an
// absolute-form target carrying userinfo is a 400, not a 500 (found by the fuzz corpus), also
// when the same target comes again (parsed URLs are kept). And the connection timeouts its
// servers carry.
import assert from 'node:assert/strict';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { CONNECTION_TIMEOUTS, createHostServer, createLocalHostServer } from '../../../dev/host/local-host.js';
import { compileRoute } from '../../../dev/host/route-matcher.js';

/** Sends `head` (request line and headers) and returns the status of the answer. */
function statusOf(port: number, head: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`${head.join('\r\n')}\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)));
  });
}

describe('local host request handling', () => {
  const server = createLocalHostServer({
    functionKey: 'key',
    routes: [{ functionName: 'ping', route: compileRoute('api/ping'), methods: new Set(['GET']), authLevel: 'anonymous', callback: () => ({ body: 'pong' }) }],
  });
  let port = 0;
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves a plain request', async () => {
    assert.equal(await statusOf(port, ['GET /api/ping HTTP/1.1', 'Host: localhost']), 200);
  });

  it('answers 400 to a Host header with userinfo', async () => {
    assert.equal(await statusOf(port, ['GET /api/ping HTTP/1.1', 'Host: user:secret@localhost']), 400);
  });

  it('answers 400 to an absolute-form target with userinfo', async () => {
    assert.equal(await statusOf(port, ['GET http://user:secret@localhost/api/ping HTTP/1.1', 'Host: localhost']), 400);
  });

  it('answers the same when a request target comes again (parsed URLs are kept), and for long or many targets', async () => {
    const cases: Array<[string[], number]> = [
      [['GET /api/ping HTTP/1.1', 'Host: localhost'], 200],
      [['GET /api/ping HTTP/1.1', 'Host: user:secret@localhost'], 400],
      [['GET /api/other HTTP/1.1', 'Host: localhost'], 404],
      [['GET /api/./ping HTTP/1.1', 'Host: localhost'], 200],
      [[`GET /api/ping?pad=${'x'.repeat(2000)} HTTP/1.1`, 'Host: localhost'], 200],
      [[`GET /api/${'y'.repeat(2000)} HTTP/1.1`, 'Host: localhost'], 404],
    ];
    for (const round of [1, 2]) {
      for (const [head, status] of cases) assert.equal(await statusOf(port, head), status, `${head[0]?.slice(0, 40)} (round ${round})`);
    }
    for (let index = 0; index < 300; index++) assert.equal(await statusOf(port, [`GET /api/ping?n=${index} HTTP/1.1`, 'Host: localhost']), 200);
    assert.equal(await statusOf(port, ['GET /api/ping HTTP/1.1', 'Host: user:secret@localhost']), 400);
  });
});

describe('local host connection timeouts', () => {
  it('are carried by every server the host listens with', () => {
    for (const server of [createHostServer(() => {}), createLocalHostServer({ functionKey: 'key', routes: [] })]) {
      assert.equal(server.keepAliveTimeout, 65_000);
      assert.equal(server.headersTimeout, CONNECTION_TIMEOUTS.headersTimeout);
      assert.equal(server.requestTimeout, CONNECTION_TIMEOUTS.requestTimeout);
    }
  });
});
