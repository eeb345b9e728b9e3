// Tests of the size-limited body reader: bodies within the limit are returned whole, oversized
// ones are refused from Content-Length without reading, or while counting streamed bytes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readLimitedBody } from '../../../shared/http/read-limited-body.js';

const URL_ = 'http://localhost:7071/mcp';

interface ProbedStream {
  stream: ReadableStream<Uint8Array>;
  pulls: () => number;
  cancelled: () => boolean;
}

/** A body stream that serves `chunks` one per pull and records pulls and cancellation. */
function probedStream(chunks: readonly Uint8Array[]): ProbedStream {
  let pulls = 0;
  let cancelled = false;
  const queue = [...chunks];
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        pulls += 1;
        const next = queue.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulls: () => pulls, cancelled: () => cancelled };
}

function post(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request(URL_, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

const bytes = (n: number, fill = 0x61) => new Uint8Array(n).fill(fill);

describe('readLimitedBody', () => {
  it('returns a body within the limit byte for byte', async () => {
    const result = await readLimitedBody(post('{"jsonrpc":"2.0"}'), 1024);

    assert.ok(result.ok);
    assert.equal(new TextDecoder().decode(result.bytes), '{"jsonrpc":"2.0"}');
  });

  it('accepts a body of exactly the limit', async () => {
    const result = await readLimitedBody(post(bytes(16), { 'content-length': '16' }), 16);

    assert.ok(result.ok);
    assert.equal(result.bytes.byteLength, 16);
  });

  it('joins a streamed body of several chunks in order', async () => {
    const probe = probedStream([bytes(3, 0x61), bytes(2, 0x62), bytes(1, 0x63)]);

    const result = await readLimitedBody(post(probe.stream), 100);

    assert.ok(result.ok);
    assert.equal(new TextDecoder().decode(result.bytes), 'aaabbc');
  });

  it('returns an empty body when there is none', async () => {
    const result = await readLimitedBody(new Request(URL_, { method: 'POST' }), 10);

    assert.deepEqual(result, { ok: true, bytes: new Uint8Array() });
  });

  it('refuses a Content-Length over the limit without reading the body', async () => {
    const probe = probedStream([bytes(64), bytes(64)]);

    const result = await readLimitedBody(post(probe.stream, { 'content-length': '128' }), 100);

    assert.deepEqual(result, { ok: false, reason: 'too_large' });
    assert.equal(probe.pulls(), 0, 'the body was read');
    assert.equal(probe.cancelled(), true, 'the body was not released');
  });

  it('refuses a streamed body with no Content-Length once it passes the limit', async () => {
    const probe = probedStream([bytes(40), bytes(40), bytes(40), bytes(40), bytes(40)]);

    const result = await readLimitedBody(post(probe.stream), 100);

    assert.deepEqual(result, { ok: false, reason: 'too_large' });
    assert.equal(probe.pulls(), 3, 'reading went on past the chunk that crossed the limit');
    assert.equal(probe.cancelled(), true);
  });

  it('refuses a body longer than its Content-Length claimed, by counting', async () => {
    const probe = probedStream([bytes(60), bytes(60)]);

    const result = await readLimitedBody(post(probe.stream, { 'content-length': '10' }), 100);

    assert.deepEqual(result, { ok: false, reason: 'too_large' });
  });

  it('calls an invalid Content-Length unreadable', async () => {
    for (const value of ['abc', '-1', '1e3', '12.5', '99999999999999999999']) {
      const result = await readLimitedBody(post('x', { 'content-length': value }), 100);
      assert.deepEqual(result, { ok: false, reason: 'unreadable' }, `Content-Length ${value}`);
    }
  });

  it('calls a body stream that fails unreadable', async () => {
    const failing = new ReadableStream<Uint8Array>({
      pull() {
        throw new Error('connection reset');
      },
    });

    const result = await readLimitedBody(post(failing), 100);

    assert.deepEqual(result, { ok: false, reason: 'unreadable' });
  });
});
