// The signal of a request the local host serves: aborted when the client goes away before its
// answer is complete. Made on first call (then the same one), so a direct answer that never
// reads its head's signal (shared/http/request-head.ts, LazySignalHead) costs no
// AbortController and no close listener.
import type http from 'node:http';

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
