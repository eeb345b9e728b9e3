// The dependency decorators the composition root applies once when telemetry is on: the store
// port (every repo method a `db` client span: `customers.get`, `billing.addPayment` …), the job
// engines (`durable.start`, `durable.status` …) and a fetch (an http client span per request, e.g.
// the JWKS endpoint). Below them, the Azure SDKs' own instrumentation adds their HTTP calls.
import { context, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import type { JobEngine, JobEngineSource } from '../../jobs/job-engine.js';
import type { ContosoStore } from '../../storage/contoso-store.js';
import { inClientSpan, withMethodSpans } from './dependency-spans.js';
import { setErrorType } from './error-type.js';
import { ATTR } from './telemetry-names.js';

/** The store with a client span around every port method of every repo and of the store itself. */
export function traceStore(store: ContosoStore, tracer: Tracer): ContosoStore {
  const attributes = { [ATTR.DB_SYSTEM]: store.kind === 'cosmos' ? 'azure.cosmosdb' : store.kind, [ATTR.DEPENDENCY]: store.kind };
  const traced = withMethodSpans(tracer, store, 'store', attributes, ATTR.DB_OPERATION) as unknown as Record<string, unknown>;
  for (const [key, member] of Object.entries(store)) {
    if (member !== null && typeof member === 'object') traced[key] = withMethodSpans(tracer, member as object, key, attributes, ATTR.DB_OPERATION);
  }
  return traced as unknown as ContosoStore;
}

/** Job engines whose every call is a client span of the `durable` dependency. */
export function traceJobEngines(source: JobEngineSource, tracer: Tracer): JobEngineSource {
  const attributes = { [ATTR.DEPENDENCY]: 'durable' };
  return {
    async forInvocation(invocation) {
      const engine = await source.forInvocation(invocation);
      const traced = withMethodSpans(tracer, engine, 'durable', attributes);
      return {
        ...traced,
        start: (name, jobId, input) => inClientSpan(tracer, 'durable.start', { ...attributes, [ATTR.JOB_ORCHESTRATION]: name }, () => engine.start(name, jobId, input)),
      } satisfies JobEngine;
    },
  };
}

/** `fetch` with an http client span per request of `dependency` (the URL without its query). */
export function traceFetch(dependency: string, fetch: typeof globalThis.fetch, tracer: Tracer): typeof globalThis.fetch {
  return async function tracedFetch(input, init) {
    const url = new URL(input instanceof Request ? input.url : input);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const span = tracer.startSpan(method, {
      kind: SpanKind.CLIENT,
      attributes: {
        [ATTR.HTTP_METHOD]: method,
        [ATTR.URL_FULL]: `${url.origin}${url.pathname}`,
        [ATTR.SERVER_ADDRESS]: url.hostname,
        [ATTR.SERVER_PORT]: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
        [ATTR.DEPENDENCY]: dependency,
      },
    });
    try {
      const response = await context.with(trace.setSpan(context.active(), span), () => fetch(input, init));
      span.setAttribute(ATTR.HTTP_STATUS, response.status);
      if (response.status >= 400) {
        setErrorType(span, String(response.status));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      return response;
    } catch (error) {
      const name = error instanceof Error ? error.name : 'error';
      setErrorType(span, name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : name);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  };
}
