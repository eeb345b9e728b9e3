// The app's real telemetry (shared/telemetry/otel/) on in-memory providers: finished spans are
// kept in an array and metrics are collected on demand, with the AsyncLocalStorage context
// manager the Azure Monitor distro registers in production (so parent/child spans work the same).
import { context, type Attributes } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { MeterProvider, MetricReader, type DataPoint, type Histogram } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createOtelTelemetry } from '../../shared/telemetry/otel/otel-telemetry.js';
import type { Telemetry } from '../../shared/telemetry/telemetry.js';

/** A reader that collects only when asked. */
class OnDemandMetricReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

/** One data point of a metric, flattened. */
export interface MetricPoint {
  readonly name: string;
  readonly attributes: Attributes;
  /** A counter's or gauge's value; a histogram's sum. */
  readonly value: number;
  /** A histogram's count (1 for other kinds). */
  readonly count: number;
}

export interface InMemoryTelemetry {
  readonly telemetry: Telemetry;
  /** Every span ended so far, in the order they ended. */
  spans(): ReadableSpan[];
  /** The metrics recorded so far (cumulative). */
  metrics(): Promise<MetricPoint[]>;
  /** Forgets the spans ended so far. */
  resetSpans(): void;
}

let contextManagerInstalled = false;

export function createInMemoryTelemetry(): InMemoryTelemetry {
  if (!contextManagerInstalled) {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    contextManagerInstalled = true;
  }
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const reader = new OnDemandMetricReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  const telemetry = createOtelTelemetry({
    tracer: tracerProvider.getTracer('contoso-mcp-test'),
    meter: meterProvider.getMeter('contoso-mcp-test'),
    shutdown: async () => {
      await tracerProvider.shutdown();
      await meterProvider.shutdown();
    },
  });
  return {
    telemetry,
    spans: () => exporter.getFinishedSpans(),
    resetSpans: () => exporter.reset(),
    async metrics() {
      const { resourceMetrics } = await reader.collect();
      return resourceMetrics.scopeMetrics.flatMap((scope) =>
        scope.metrics.flatMap((metric) =>
          (metric.dataPoints as Array<DataPoint<number | Histogram>>).map((point) => {
            const histogram = typeof point.value === 'number' ? undefined : point.value;
            return {
              name: metric.descriptor.name,
              attributes: point.attributes,
              value: histogram === undefined ? (point.value as number) : (histogram.sum ?? 0),
              count: histogram === undefined ? 1 : histogram.count,
            };
          }),
        ),
      );
    },
  };
}
