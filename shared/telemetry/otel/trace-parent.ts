// The parent of a request's span: the Functions host's request, named by the invocation's W3C
// `traceparent` (InvocationContext.traceContext), so the app's spans join the host's operation in
// Application Insights (one operation_Id end to end). Parsed here rather than through a global
// propagator: it works the same under the host, the local host and in tests, and needs nothing
// registered. A malformed value is ignored (the request starts a trace of its own).
import { isSpanContextValid, trace, type Context, type SpanContext } from '@opentelemetry/api';

/** version-traceid-parentid-flags; versions other than 00 may append fields (W3C Trace Context §3.2). */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/** The remote span context `traceParent` names, or undefined when it is absent or malformed. */
export function parseTraceParent(traceParent: string | null | undefined): SpanContext | undefined {
  if (typeof traceParent !== 'string' || traceParent.length > 512) return undefined;
  const match = TRACEPARENT.exec(traceParent.trim());
  if (match === null) return undefined;
  const [, version, traceId, spanId, flags, rest] = match;
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  const spanContext: SpanContext = { traceId: traceId as string, spanId: spanId as string, traceFlags: Number.parseInt(flags as string, 16) & 1, isRemote: true };
  return isSpanContextValid(spanContext) ? spanContext : undefined;
}

/** `base` with the span `traceParent` names as its parent, or `base` itself when there is none. */
export function withRemoteParent(base: Context, traceParent: string | null | undefined): Context {
  const parent = parseTraceParent(traceParent);
  return parent === undefined ? base : trace.setSpanContext(base, parent);
}
