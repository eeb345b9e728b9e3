// Tests of the keep-errors sampling: spans are recorded unsampled (as the distro is told to do),
// held per trace until the local root ends, and sent as a whole when the trace had an error or its
// id falls within the ratio, with the sample rate the portal extrapolates from. Decisions match the
// Application Insights sampler's for the same ids.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { ApplicationInsightsSampler } from '@azure/monitor-opentelemetry-exporter';
import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags, type Tracer } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SamplingDecision, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createKeepErrorsProcessor, SAMPLE_RATE_ATTRIBUTE, samplingScore } from '../../../../shared/telemetry/otel/keep-errors-processor.js';

function setUp(ratio: number, limits: { maxTraces?: number; maxSpansPerTrace?: number } = {}) {
  const exported = new InMemorySpanExporter();
  const next = new SimpleSpanProcessor(exported);
  const processor = createKeepErrorsProcessor({ ratio, next, ...limits });
  // Record every span, sample none: what the distro does with samplingRatio 0.
  const provider = new BasicTracerProvider({ sampler: { shouldSample: () => ({ decision: SamplingDecision.RECORD }) }, spanProcessors: [processor] });
  const tracer = provider.getTracer('test');
  return { tracer, processor, exported, names: () => exported.getFinishedSpans().map((span) => span.name) };
}

/** A request span with `children` ended before it; `fail` names a child (or 'root') that failed. */
function request(tracer: Tracer, children: string[], fail?: string, options: { endRoot?: boolean } = {}) {
  const root = tracer.startSpan('request', { kind: SpanKind.SERVER });
  const parent = trace.setSpan(ROOT_CONTEXT, root);
  for (const name of children) {
    const child = tracer.startSpan(name, {}, parent);
    if (fail === name) child.setStatus({ code: SpanStatusCode.ERROR });
    child.end();
  }
  if (fail === 'root') root.setAttribute('error.type', 'tool_error');
  if (options.endRoot !== false) root.end();
  return root;
}

describe('keep-errors sampling', () => {
  it('holds a trace\'s spans until its root ends, then sends them all, marked sampled (ratio 1)', () => {
    const { tracer, exported, names } = setUp(1);
    const root = request(tracer, ['customers.get', 'execute_tool x'], undefined, { endRoot: false });
    assert.deepEqual(names(), [], 'nothing before the root ends');
    root.end();
    assert.deepEqual(names(), ['customers.get', 'execute_tool x', 'request']);
    for (const span of exported.getFinishedSpans()) {
      assert.equal(span.spanContext().traceFlags & TraceFlags.SAMPLED, TraceFlags.SAMPLED);
      assert.equal(span.attributes[SAMPLE_RATE_ATTRIBUTE], 100);
    }
  });

  it('drops successful traces at ratio 0 and keeps every trace with an error, whole, at rate 100', () => {
    const { tracer, exported, names } = setUp(0);
    request(tracer, ['a', 'b']);
    request(tracer, ['c', 'd'], 'd');
    request(tracer, ['e'], 'root');
    assert.deepEqual(names(), ['c', 'd', 'request', 'e', 'request']);
    assert.ok(exported.getFinishedSpans().every((span) => span.attributes[SAMPLE_RATE_ATTRIBUTE] === 100));
  });

  it('keeps successful traces by trace id as the Application Insights sampler does, with the ratio as their sample rate', () => {
    const { tracer, exported } = setUp(0.25);
    const sampler = new ApplicationInsightsSampler(0.25);
    const roots = Array.from({ length: 400 }, () => request(tracer, []));
    const kept = new Set(exported.getFinishedSpans().map((span) => span.spanContext().traceId));
    for (const root of roots) {
      const traceId = root.spanContext().traceId;
      const expected = sampler.shouldSample(ROOT_CONTEXT, traceId, 'request', SpanKind.SERVER, {}, []).decision === SamplingDecision.RECORD_AND_SAMPLED;
      assert.equal(kept.has(traceId), expected, traceId);
    }
    assert.ok(kept.size > 60 && kept.size < 140, `kept ${kept.size} of 400`);
    assert.ok(exported.getFinishedSpans().every((span) => span.attributes[SAMPLE_RATE_ATTRIBUTE] === 25));
  });

  it('scores trace ids in [0, 100], deterministically', () => {
    for (let i = 0; i < 200; i += 1) {
      const traceId = randomBytes(16).toString('hex');
      const score = samplingScore(traceId);
      assert.ok(score >= 0 && score <= 100, `${traceId}: ${score}`);
      assert.equal(samplingScore(traceId), score);
    }
  });

  it('sends a span that ends after its root as its trace was decided', () => {
    const { tracer, names } = setUp(0);
    const root = tracer.startSpan('request', { kind: SpanKind.SERVER });
    root.setStatus({ code: SpanStatusCode.ERROR });
    const late = tracer.startSpan('audit.append', {}, trace.setSpan(context.active(), root));
    root.end();
    late.end();
    assert.deepEqual(names(), ['request', 'audit.append']);
  });

  it('stays bounded: past the limit the oldest open trace is decided on what it has, and spans past the per-trace cap are dropped', () => {
    const { tracer, names } = setUp(1, { maxTraces: 2, maxSpansPerTrace: 2 });
    const first = request(tracer, ['first.a', 'first.b', 'first.c'], undefined, { endRoot: false });
    request(tracer, ['second.a'], undefined, { endRoot: false });
    assert.deepEqual(names(), []);
    request(tracer, ['third.a'], undefined, { endRoot: false });
    assert.deepEqual(names(), ['first.a', 'first.b'], 'the oldest decided early, its third span dropped');
    first.end();
    assert.deepEqual(names(), ['first.a', 'first.b', 'request'], 'its root follows the decision');
  });

  it('decides every open trace and shuts the next processor down on shutdown', async () => {
    const sent: string[] = [];
    let shutDown = false;
    const processor = createKeepErrorsProcessor({
      ratio: 1,
      next: { onStart() {}, onEnd: (span) => sent.push(span.name), forceFlush: async () => {}, shutdown: async () => void (shutDown = true) },
    });
    const tracer = new BasicTracerProvider({ sampler: { shouldSample: () => ({ decision: SamplingDecision.RECORD }) }, spanProcessors: [processor] }).getTracer('test');
    request(tracer, ['open.child'], undefined, { endRoot: false });
    await processor.shutdown();
    assert.deepEqual(sent, ['open.child']);
    assert.equal(shutDown, true);
  });
});
