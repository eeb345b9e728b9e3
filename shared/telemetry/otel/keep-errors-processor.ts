// Sampling that keeps every error: the spans of one trace are held until its local root (the
// request span) ends, then the whole trace is sent when any span in it failed (status ERROR or
// an `error.type`), and otherwise when its trace id falls within TELEMETRY_SAMPLING_RATIO. The
// score is the Application Insights SDKs' hash of the trace id, so every instance (and the
// Functions host's own sampling, at the same percentage) keeps the same operations. Kept spans
// carry their sample rate (100 for errors), so the portal's counts stay unbiased.
import { SpanStatusCode, TraceFlags, type Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** The attribute the Azure Monitor exporter reads a span's sample rate (a percentage) from. */
export const SAMPLE_RATE_ATTRIBUTE = 'microsoft.sample_rate';

export interface KeepErrorsOptions {
  /** Share of successful traces kept, 0–1. */
  ratio: number;
  /** Where kept spans go (a BatchSpanProcessor over the exporter). */
  next: SpanProcessor;
  /** Traces held at once; past it the oldest is decided on what it has (default 2000). */
  maxTraces?: number;
  /** Spans held per trace; further ones are dropped (default 256). */
  maxSpansPerTrace?: number;
}

/** The trace id's score in [0, 100]: the hash the Application Insights SDKs sample operations by. */
export function samplingScore(traceId: string): number {
  let input = traceId;
  while (input.length < 8) input += input;
  let hash = 5381;
  for (let i = 0; i < input.length; i += 1) hash = ((((hash << 5) + hash) | 0) + input.charCodeAt(i)) | 0;
  const positive = hash <= -2147483648 ? 2147483647 : Math.abs(hash);
  return (positive / 2147483647) * 100;
}

const isError = (span: ReadableSpan) => span.status.code === SpanStatusCode.ERROR || span.attributes['error.type'] !== undefined;
const isLocalRoot = (span: ReadableSpan) => span.parentSpanContext === undefined || span.parentSpanContext.isRemote === true;

/** `span` marked sampled, with its sample rate. */
function keptView(span: ReadableSpan, rate: number): ReadableSpan {
  const context = span.spanContext();
  const kept = { ...context, traceFlags: context.traceFlags | TraceFlags.SAMPLED };
  return {
    name: span.name,
    kind: span.kind,
    spanContext: () => kept,
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status: span.status,
    attributes: { ...span.attributes, [SAMPLE_RATE_ATTRIBUTE]: rate },
    links: span.links,
    events: span.events,
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

export function createKeepErrorsProcessor(options: KeepErrorsOptions): SpanProcessor {
  const { next } = options;
  const maxTraces = options.maxTraces ?? 2000;
  const maxSpans = options.maxSpansPerTrace ?? 256;
  const successRate = Math.round(Math.min(1, Math.max(0, options.ratio)) * 10_000) / 100;
  /** Traces whose local root has not ended, oldest first. */
  const pending = new Map<string, { spans: ReadableSpan[]; error: boolean }>();
  /** Recent decisions (the sample rate sent with, or false), for spans that end after their root. */
  const decided = new Map<string, number | false>();

  function decide(traceId: string): void {
    const entry = pending.get(traceId);
    if (entry === undefined) return;
    pending.delete(traceId);
    const rate = entry.error ? 100 : successRate >= 100 || (successRate > 0 && samplingScore(traceId) < successRate) ? successRate : false;
    decided.set(traceId, rate);
    if (decided.size > maxTraces * 2) decided.delete(decided.keys().next().value as string);
    if (rate !== false) for (const span of entry.spans) next.onEnd(keptView(span, rate));
  }

  return {
    onStart(_span: Span, _parentContext: Context) {},
    onEnd(span: ReadableSpan) {
      const traceId = span.spanContext().traceId;
      const earlier = decided.get(traceId);
      if (earlier !== undefined) {
        if (earlier !== false) next.onEnd(keptView(span, earlier));
        return;
      }
      let entry = pending.get(traceId);
      if (entry === undefined) {
        entry = { spans: [], error: false };
        pending.set(traceId, entry);
        if (pending.size > maxTraces) decide(pending.keys().next().value as string);
      }
      if (entry.spans.length < maxSpans) entry.spans.push(span);
      entry.error ||= isError(span);
      if (isLocalRoot(span)) decide(traceId);
    },
    forceFlush: () => next.forceFlush(),
    async shutdown() {
      for (const traceId of [...pending.keys()]) decide(traceId);
      await next.shutdown();
    },
  };
}
