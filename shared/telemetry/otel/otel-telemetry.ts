// The Telemetry port on OpenTelemetry: the request, tool and dependency spans and the metrics of
// this folder, built on a tracer and a meter. Production gets them from the Azure Monitor
// distro (azure-monitor.ts); tests pass in-memory providers. Spans rely on the context manager
// the SDK registers (AsyncLocalStorage), so a child span finds its parent across awaits.
import { trace, type Meter, type Tracer } from '@opentelemetry/api';
import type { Telemetry } from '../telemetry.js';
import { withPortSpans } from './dependency-spans.js';
import { traceMcpEndpoint } from './request-span.js';
import { createTelemetryInstruments } from './telemetry-metrics.js';
import { ATTR } from './telemetry-names.js';
import { createToolCallTracer } from './tool-span.js';
import { traceFetch, traceJobEngines, traceStore } from './traced-dependencies.js';

export interface OtelTelemetryOptions {
  tracer: Tracer;
  meter: Meter;
  /** Flushes and stops the providers (the app's close() calls it). */
  shutdown?: () => Promise<void>;
}

/** Trace and span id of the active span, for log lines. */
function activeSpanIds(): { traceId: string; spanId: string } | undefined {
  const span = trace.getActiveSpan();
  if (span === undefined) return undefined;
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

export function createOtelTelemetry(options: OtelTelemetryOptions): Telemetry {
  const { tracer, meter } = options;
  const instruments = createTelemetryInstruments(meter);
  return {
    tracing: {
      endpoint: (endpoint) => traceMcpEndpoint(endpoint, { tracer, instruments }),
      toolCalls: createToolCallTracer({ tracer, instruments }),
      store: (store) => traceStore(store, tracer),
      jobEngines: (source) => traceJobEngines(source, tracer),
      port: (dependency, port) => withPortSpans(tracer, port, dependency, { [ATTR.DEPENDENCY]: dependency }),
      fetch: (dependency, fetch) => traceFetch(dependency, fetch, tracer),
      logFields: activeSpanIds,
    },
    recordJwksFetch: (event) => instruments.jwksFetch(event),
    recordBreakerState: (dependency, state) => instruments.breakerState(dependency, state),
    shutdown: options.shutdown ?? (async () => {}),
  };
}
