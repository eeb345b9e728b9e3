// The load generator's connection and response reader against a scripted TCP server: bodies
// framed by Content-Length or chunked encoding, split at any byte, kept or only counted, the
// shared read buffer under concurrent connections, Connection: close and malformed answers.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Http1Connection } from '../../../bench/load/http1-connection.js';

/** What the server writes for one request: byte pieces, each written on its own turn of the event loop. */
type Script = (request: string) => Buffer[];

const REQUEST = Buffer.from('POST /mcp HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\n\r\n{}');

function response(status: number, body: Buffer, extraHeaders = ''): Buffer {
  return Buffer.concat([Buffer.from(`HTTP/1.1 ${status} X\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n${extraHeaders}\r\n`), body]);
}

function chunked(body: Buffer, pieceBytes: number): Buffer {
  const chunks: Buffer[] = [Buffer.from('HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n')];
  for (let at = 0; at < body.length; at += pieceBytes) {
    const piece = body.subarray(at, at + pieceBytes);
    chunks.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(chunks);
}

/** Splits `bytes` into pieces of `size` bytes (the last may be shorter). */
function split(bytes: Buffer, size: number): Buffer[] {
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
  return pieces;
}

function patterned(length: number, seed: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + seed) & 0xff;
  return bytes;
}

describe('load generator: Http1Connection', () => {
  let server: net.Server;
  let port: number;
  let script: Script = () => [];
  const sockets = new Set<net.Socket>();

  before(async () => {
    server = net.createServer((socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      socket.setNoDelay(true);
      let pending = '';
      const answer = async (request: string) => {
        for (const piece of script(request)) {
          if (socket.destroyed) return;
          socket.write(piece);
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      };
      socket.on('data', (data) => {
        pending += data.toString('latin1');
        const end = pending.indexOf('\r\n\r\n');
        if (end < 0 || pending.length < end + 4 + 2) return;
        void answer(pending);
        pending = '';
      });
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });

  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('keeps a Content-Length body when asked, and only counts it otherwise', async () => {
    const body = patterned(51_000, 1);
    script = () => [response(200, body)];
    const connection = await Http1Connection.open('127.0.0.1', port);
    const kept = await connection.send(REQUEST, { keepBody: true });
    assert.equal(kept.status, 200);
    assert.equal(kept.contentType, 'application/json');
    assert.ok(kept.body.equals(body));
    assert.equal(kept.bodyBytes, body.length);
    const counted = await connection.send(REQUEST, { keepBody: false });
    assert.equal(counted.status, 200);
    assert.equal(counted.body.length, 0);
    assert.equal(counted.bodyBytes, body.length);
    // Sending without options keeps the body (what the cold-start probe relies on).
    assert.ok((await connection.send(REQUEST)).body.equals(body));
    connection.close();
  });

  it('keeps the body of an answer that is not 200 even when not asked to', async () => {
    const body = Buffer.from('{"error":{"code":"UNAUTHORIZED"}}');
    script = () => [response(401, body)];
    const connection = await Http1Connection.open('127.0.0.1', port);
    const answer = await connection.send(REQUEST, { keepBody: false });
    assert.equal(answer.status, 401);
    assert.equal(answer.body.toString(), body.toString());
    connection.close();
  });

  it('reads an answer split at every byte, head included, on a kept-alive connection', async () => {
    const body = patterned(300, 2);
    script = () => split(response(200, body), 1);
    const connection = await Http1Connection.open('127.0.0.1', port);
    for (let round = 0; round < 2; round++) {
      const answer = await connection.send(REQUEST, { keepBody: true });
      assert.ok(answer.body.equals(body), `round ${round}`);
    }
    assert.equal(connection.usable, true);
    connection.close();
  });

  it('decodes a chunked body, split across reads', async () => {
    const body = patterned(5_000, 3);
    script = () => split(chunked(body, 700), 333);
    const connection = await Http1Connection.open('127.0.0.1', port);
    const answer = await connection.send(REQUEST, { keepBody: false });
    assert.equal(answer.contentType, 'text/event-stream');
    assert.ok(answer.body.equals(body));
    assert.equal(answer.bodyBytes, body.length);
    connection.close();
  });

  it('keeps the bodies of concurrent connections apart although they share one read buffer', async () => {
    // Larger than the 64 KiB read buffer, and each connection gets its own bytes.
    script = (request) => split(response(200, patterned(200_000, Number(/x-seed: (\d+)/.exec(request)?.[1]))), 50_000);
    const connections = await Promise.all(Array.from({ length: 8 }, () => Http1Connection.open('127.0.0.1', port)));
    const answers = await Promise.all(
      connections.map((connection, seed) => connection.send(Buffer.from(`POST /mcp HTTP/1.1\r\nx-seed: ${seed}\r\ncontent-length: 2\r\n\r\n{}`), { keepBody: true })),
    );
    answers.forEach((answer, seed) => assert.ok(answer.body.equals(patterned(200_000, seed)), `connection ${seed}`));
    connections.forEach((connection) => connection.close());
  });

  it('marks the connection unusable after Connection: close', async () => {
    script = () => [response(200, Buffer.from('{}'), 'connection: close\r\n')];
    const connection = await Http1Connection.open('127.0.0.1', port);
    const answer = await connection.send(REQUEST);
    assert.equal(answer.close, true);
    assert.equal(connection.usable, false);
    await assert.rejects(connection.send(REQUEST), /closed/);
  });

  it('rejects an answer that is not HTTP/1.1, and an invalid Content-Length', async () => {
    script = () => [Buffer.from('SSH-2.0-OpenSSH\r\n\r\n')];
    const garbage = await Http1Connection.open('127.0.0.1', port);
    await assert.rejects(garbage.send(REQUEST), /not an HTTP\/1\.1 status line/);
    assert.equal(garbage.usable, false);
    script = () => [Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: -5\r\n\r\n')];
    const negative = await Http1Connection.open('127.0.0.1', port);
    await assert.rejects(negative.send(REQUEST), /invalid Content-Length: -5/);
  });

  it('rejects the pending request when the server closes the connection mid-answer', async () => {
    script = () => [Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{"partial"')];
    const connection = await Http1Connection.open('127.0.0.1', port);
    const pending = connection.send(REQUEST);
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const socket of sockets) socket.destroy();
    await assert.rejects(pending, /closed by the server/);
    assert.equal(connection.usable, false);
  });
});
