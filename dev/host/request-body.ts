// The request body as the local host handles it: a web ReadableStream with backpressure for the
// handler and, once the answer is sent, whatever the handler left unread (it refused the request,
// or cancelled an oversized body) is discarded up to a limit, so a keep-alive connection can
// serve its next request. A body too large to discard gets `Connection: close` instead, and a
// lingering close: the host sends its answer and FIN, then keeps reading and dropping what the
// client still sends (for LINGER_MS at most) rather than closing a socket with unread data, which
// makes the kernel answer with a reset that can destroy the answer before the client reads it.
import type http from 'node:http';
import type { Socket } from 'node:net';

/** The most request body the host reads and throws away for a handler: the app's MAX_BODY_BYTES. */
export const DISCARD_LIMIT_BYTES = 1024 * 1024;

/** How long a connection closed after an oversized body keeps draining what the client still sends. */
export const LINGER_MS = 2_000;

/** Bodies declared at most this large are read whole before the handler runs. */
export const SMALL_BODY_BYTES = 64 * 1024;

export interface RequestBody {
  /** The body for the handler; cancelling it stops delivery and leaves the rest to the host. */
  stream(): ReadableStream<Uint8Array>;
  /**
   * The whole body, read at once, when its declared length is at most SMALL_BODY_BYTES (most
   * MCP requests: one buffer instead of a stream); undefined for any other body (use stream()).
   */
  small(): Promise<Buffer | undefined>;
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
  let mode: 'waiting' | 'streaming' | 'buffering' | 'cancelled' | 'discarding' = 'waiting';
  const buffered: Buffer[] = [];
  let bufferedDone: ((body: Buffer) => void) | undefined;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let ended = false;
  let closing = false;

  req.on('data', function onBodyChunk(chunk: Buffer) {
    received += chunk.byteLength;
    if (mode === 'discarding') {
      // A lingering close drains to its deadline; a kept-alive connection drains up to the limit.
      if (!closing && received > limit && !req.complete) req.socket.destroy();
      return;
    }
    if (mode === 'buffering') {
      buffered.push(chunk);
      return;
    }
    if (mode !== 'streaming' || !controller) return;
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if ((controller.desiredSize ?? 0) <= 0) req.pause();
  });
  req.once('end', () => {
    if (mode === 'streaming' && !ended) controller?.close();
    ended = true;
    if (mode === 'buffering') bufferedDone?.(Buffer.concat(buffered));
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
    // Node itself closes a connection whose answer said `Connection: close` (lingering, when it is ours).
    if (closing) {
      req.resume();
      return;
    }
    if (!res.shouldKeepAlive) return;
    req.resume();
  }

  return {
    small() {
      const declared = Number(req.headers['content-length'] ?? Number.NaN);
      if (mode !== 'waiting' || !Number.isInteger(declared) || declared < 0 || declared > SMALL_BODY_BYTES) return Promise.resolve(undefined);
      mode = 'buffering';
      if (ended) return Promise.resolve(Buffer.alloc(0));
      return new Promise<Buffer>((resolve, reject) => {
        bufferedDone = resolve;
        req.once('error', reject);
        req.resume();
      });
    },
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
      if (closing) lingerOnClose(req.socket);
      return closing ? { connection: 'close' } : {};
    },
  };
}

/**
 * Makes the close Node performs after a `Connection: close` answer a lingering one: FIN after the
 * answer, the rest of the body read and dropped, the socket destroyed when the client closes its
 * side or after LINGER_MS.
 */
function lingerOnClose(socket: Socket): void {
  socket.destroySoon = function lingeringClose() {
    socket.end();
    const deadline = setTimeout(() => socket.destroy(), LINGER_MS);
    deadline.unref();
    socket.once('end', () => socket.destroy());
    socket.once('close', () => clearTimeout(deadline));
  };
}
