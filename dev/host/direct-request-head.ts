// What a direct answer handler gets of a request besides its body (shared/http/request-head.ts),
// with the signal made on first read: aborted when the client goes away before its answer is
// complete. Most direct answers finish without looking at it, and then cost no AbortController
// and no close listener. A class: an object literal with a getter is built on V8's slow path.
import type http from 'node:http';
import type { HeaderReader, RequestHead } from '../../shared/http/request-head.js';

/** The signal of a request whose answer goes to `res`, made on first call (then the same one). */
export function clientGoneSignal(res: http.ServerResponse): () => AbortSignal {
  let signal: AbortSignal | undefined;
  return () => {
    if (signal === undefined) {
      const abort = new AbortController();
      signal = abort.signal;
      const onClose = () => {
        if (!res.writableFinished) abort.abort();
      };
      if (res.closed) onClose();
      else res.once('close', onClose);
    }
    return signal;
  };
}

export class DirectRequestHead implements RequestHead {
  readonly method: string;
  readonly url: string;
  readonly headers: HeaderReader;
  readonly #signal: () => AbortSignal;

  constructor(method: string, url: string, headers: HeaderReader, signal: () => AbortSignal) {
    this.method = method;
    this.url = url;
    this.headers = headers;
    this.#signal = signal;
  }

  get signal(): AbortSignal {
    return this.#signal();
  }
}
