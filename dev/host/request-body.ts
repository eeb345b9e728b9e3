// The request body as the local host handles it: a web ReadableStream with backpressure for the
// handler and, once the answer is sent, whatever the handler left unread (it refused the request,
// or cancelled an oversized body) is discarded up to a limit, so a keep-alive connection can
// serve its next request. A body too large to discard gets `Connection: close` instead.
import type http from 'node:http';

/** The most request body the host reads and throws away for a handler: the app's MAX_BODY_BYTES. */
export const DISCARD_LIMIT_BYTES = 1024 * 1024;

export interface RequestBody {
  /** The body for the handler; cancelling it stops delivery and leaves the rest to the host. */
  stream(): ReadableStream<Uint8Array>;
  /** Headers the answer must carry: `Connection: close` when the unread rest is too large to discard. */
  answerHeaders(): Record<string, string>;
}

/**
 * Takes charge of `req`'s body at once (paused until the handler reads it) and settles the unread
 * rest when `res` finishes: discarded while the body stays within `limit` bytes, else the
 * connection is destroyed (a chunked body that keeps coming after the answer).
 */
export function trackRequestBody(req: http.IncomingMessage, res: http.ServerResponse, limit = DISCARD_LIMIT_BYTES): RequestBody {
  let received = 0;
  let mode: 'waiting' | 'streaming' | 'cancelled' | 'discarding' = 'waiting';
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let ended = false;
  let closing = false;

  req.on('data', function onBodyChunk(chunk: Buffer) {
    received += chunk.byteLength;
    if (mode === 'discarding') {
      if (received > limit && !req.complete) req.socket.destroy();
      return;
    }
    if (mode !== 'streaming' || !controller) return;
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if ((controller.desiredSize ?? 0) <= 0) req.pause();
  });
  req.once('end', () => {
    if (mode === 'streaming' && !ended) controller?.close();
    ended = true;
  });
  req.on('error', (error) => {
    if (mode === 'streaming' && !ended) controller?.error(error);
    ended = true;
  });
  // Attaching 'data' also marks the request as consumed, so Node leaves its body to us.
  req.pause();
  res.once('finish', discardRest);

  function mustClose(): boolean {
    if (req.complete) return false;
    return received > limit || Number(req.headers['content-length'] ?? 0) > limit;
  }

  function discardRest(): void {
    const reading = mode === 'streaming' && !ended;
    mode = 'discarding';
    if (reading) controller?.error(new Error('The answer was sent before the request body was read'));
    // Node itself closes a connection whose answer said `Connection: close`.
    if (closing || !res.shouldKeepAlive) return;
    req.resume();
  }

  return {
    stream() {
      return new ReadableStream<Uint8Array>({
        start(streamController) {
          controller = streamController;
          mode = 'streaming';
          if (ended) streamController.close();
        },
        pull() {
          if (mode === 'streaming') req.resume();
        },
        cancel() {
          if (mode === 'streaming') mode = 'cancelled';
          req.pause();
        },
      });
    },
    answerHeaders(): Record<string, string> {
      closing = mustClose();
      return closing ? { connection: 'close' } : {};
    },
  };
}
