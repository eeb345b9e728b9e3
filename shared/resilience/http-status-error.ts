// A failed HTTP answer as an error: what an adapter's fetch wrapper throws for a status the
// resilience policy should see (5xx, 429, 408), keeping the status and the headers that carry a
// Retry-After hint. The body is not kept (it may hold anything, and errors end up in logs).

/** An HTTP response whose status made the call fail. */
export class HttpStatusError extends Error {
  override readonly name = 'HttpStatusError';
  constructor(
    readonly status: number,
    readonly headers: Headers,
    /** What was called, for the message: a dependency name or a URL without credentials. */
    target: string,
  ) {
    super(`${target} answered HTTP ${status}`);
  }
}

/** HTTP statuses worth another attempt: timeout, throttling, and gateway/overload answers. */
export const TRANSIENT_HTTP_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

/**
 * Wraps `fetch` so that an answer with a transient status (TRANSIENT_HTTP_STATUSES) becomes a
 * thrown HttpStatusError (its body drained), and `signal` also aborts every request made.
 */
export function failOnTransientStatus(fetchImpl: typeof fetch, target: string, signal?: AbortSignal): typeof fetch {
  return async function fetchFailingOnTransientStatus(input, init) {
    const signals = [init?.signal, signal].filter((s): s is AbortSignal => s !== undefined && s !== null);
    const response = await fetchImpl(input, { ...init, ...(signals.length > 0 ? { signal: AbortSignal.any(signals) } : {}) });
    if (!TRANSIENT_HTTP_STATUSES.has(response.status)) return response;
    await response.body?.cancel().catch(() => {});
    throw new HttpStatusError(response.status, response.headers, target);
  };
}
