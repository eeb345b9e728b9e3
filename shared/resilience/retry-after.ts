// Reads a server's "come back later" hint from a failed call: `Retry-After` (seconds or an HTTP
// date, RFC 9110 §10.2.3) and Azure's `retry-after-ms` / `x-ms-retry-after-ms`, wherever the
// error keeps its headers (fetch `Headers`, Azure `HttpHeaders`, a plain record). A leaf module.

/** The longest hint believed: anything longer is treated as this (a day). */
const MAX_HINT_MS = 86_400_000;

/** Header lookup over the shapes errors carry: `get(name)` objects and plain records. */
export type HeaderSource = { get(name: string): string | null | undefined } | Readonly<Record<string, unknown>>;

/** The value of header `name` (case-insensitive) in `headers`, or undefined. */
export function headerValue(headers: HeaderSource | undefined, name: string): string | undefined {
  if (headers === undefined || headers === null || typeof headers !== 'object') return undefined;
  if (typeof (headers as { get?: unknown }).get === 'function') {
    const value = (headers as { get(name: string): string | null | undefined }).get(name);
    return typeof value === 'string' ? value : undefined;
  }
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
  }
  return undefined;
}

/**
 * Milliseconds a `Retry-After` value asks to wait, measured from `now`: delta-seconds or an
 * HTTP date (a date in the past means 0). Undefined when the value is neither.
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_HINT_MS);
  // HTTP dates always name a weekday and GMT; anything else (e.g. "1.5") is not a valid hint.
  if (!/^[A-Za-z]{3}, .+ GMT$/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - now.getTime()), MAX_HINT_MS);
}

/** The wait the headers ask for: `retry-after-ms` / `x-ms-retry-after-ms` first, then `Retry-After`. */
export function retryAfterFromHeaders(headers: HeaderSource | undefined, now: Date): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const ms = headerValue(headers, name)?.trim();
    if (ms !== undefined && /^\d+$/.test(ms)) return Math.min(Number(ms), MAX_HINT_MS);
  }
  return parseRetryAfter(headerValue(headers, 'retry-after'), now);
}
