// The local host's direct lane makes a request's signal only when a handler reads it: no
// AbortController and no close listener otherwise. Read, it is aborted when the client goes away
// before the answer is complete (also when read after that), never after a finished answer.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { clientGoneSignal } from '../../../dev/host/client-gone-signal.js';
import { createLocalHostServer } from '../../../dev/host/local-host.js';
import { compileRoute } from '../../../dev/host/route-matcher.js';
import { DIRECT_ANSWER_HANDLER, type DirectAnswerHandler } from '../../../shared/http/direct-web-handler.js';

/** What clientGoneSignal reads of a response. */
class FakeResponse extends EventEmitter {
  closed = false;
  writableFinished = false;
  close(finished: boolean): void {
    this.writableFinished = finished;
    this.closed = true;
    this.emit('close');
  }
}

function signalOf(res: FakeResponse): () => AbortSignal {
  return clientGoneSignal(res as unknown as http.ServerResponse);
}

describe('clientGoneSignal', () => {
  it('listens for the close only once the signal is read, and hands out one signal', () => {
    const res = new FakeResponse();
    const signal = signalOf(res);
    assert.equal(res.listenerCount('close'), 0);
    const first = signal();
    assert.equal(signal(), first);
    assert.equal(res.listenerCount('close'), 1);
    res.close(false);
    assert.equal(first.aborted, true);
  });

  it('is not aborted by the close of a finished answer', () => {
    const res = new FakeResponse();
    const signal = signalOf(res)();
    res.close(true);
    assert.equal(signal.aborted, false);
  });

  it('read after the client went away, is aborted at once; after a finished answer, not', () => {
    const gone = new FakeResponse();
    const goneSignal = signalOf(gone);
    gone.close(false);
    assert.equal(goneSignal().aborted, true);
    const done = new FakeResponse();
    const doneSignal = signalOf(done);
    done.close(true);
    assert.equal(doneSignal().aborted, false);
  });
});

describe('local host direct lane', () => {
  it("aborts a direct handler's signal when the client goes away before the answer", async () => {
    let sawAbort: (aborted: boolean) => void = () => {};
    const aborted = new Promise<boolean>((resolve) => (sawAbort = resolve));
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => (started = resolve));
    const direct: DirectAnswerHandler = (head) =>
      new Promise((resolve) => {
        started();
        head.signal.addEventListener('abort', () => {
          sawAbort(true);
          resolve({ status: 200, headers: {}, body: 'late' });
        });
      });
    const callback = Object.assign(() => ({ body: 'web' }), { [DIRECT_ANSWER_HANDLER]: direct });
    const server = createLocalHostServer({
      functionKey: 'key',
      routes: [{ functionName: 'wait', route: compileRoute('api/wait'), methods: new Set(['POST']), authLevel: 'anonymous', callback }],
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
      socket.on('error', () => {});
      socket.write('POST /api/wait HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}');
      await running;
      socket.destroy();
      assert.equal(await aborted, true);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
