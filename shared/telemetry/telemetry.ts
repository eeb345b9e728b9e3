// The telemetry port: traces and metrics of the app, built once per process. With telemetry off
// (no APPLICATIONINSIGHTS_CONNECTION_STRING) the app holds TELEMETRY_OFF, `tracing` is undefined,
// and the composition root wraps nothing: the request path runs exactly as without telemetry and
// no OpenTelemetry module is loaded. With it on, `tracing` decorates the endpoint, the tool runner,
// the store and the job engines once, at start-up (shared/telemetry/otel/).
import type { JwksFetchEvent } from '../auth/remote-jwks.js';
import type { JobEngineSource } from '../jobs/job-engine.js';
import type { McpEndpoint } from '../mcp/mcp-endpoint.js';
import type { ToolCallTracer } from '../mcp/run-tool.js';
import type { ContosoStore } from '../storage/contoso-store.js';
import type { LogFields } from './logger.js';

/** A circuit breaker's state, as the resilience policies report it. */
export type BreakerState = 'closed' | 'open' | 'half_open';

/** The decorators that put spans on the request path; applied once, only while telemetry is on. */
export interface Tracing {
  /** The endpoint with one server span per MCP request (both faces). */
  endpoint(endpoint: McpEndpoint): McpEndpoint;
  /** One span per tool call, and the tool metrics; for ToolRunner.traceToolCall. */
  readonly toolCalls: ToolCallTracer;
  /** The store with a client span per port call (every repo method, ping, seed state). */
  store(store: ContosoStore): ContosoStore;
  /** Job engines whose calls (start, status, terminate …) are client spans. */
  jobEngines(source: JobEngineSource): JobEngineSource;
  /**
   * Any port to an outside service (conversation store, secrets, scheduler …) with a client span
   * `<dependency>.<method>` around each of its methods; for ports added after the store.
   */
  port<T extends object>(dependency: string, port: T): T;
  /** A fetch whose calls are http client spans of `dependency` (e.g. `jwks`). */
  fetch(dependency: string, fetch: typeof globalThis.fetch): typeof globalThis.fetch;
  /** Trace and span id of the active span, for every log line written under it. */
  readonly logFields: () => LogFields | undefined;
}

export interface Telemetry {
  /** Undefined when telemetry is off. */
  readonly tracing: Tracing | undefined;
  /** Counts a fetch of the token signing keys (and its failure class). */
  recordJwksFetch(event: JwksFetchEvent): void;
  /** Records a circuit breaker's change of state for `dependency` (`cosmos`, `blob`, `keyvault`, `jwks` …). */
  recordBreakerState(dependency: string, state: BreakerState): void;
  /** Sends what is buffered and stops; the app's close() calls it. */
  shutdown(): Promise<void>;
}

/** Telemetry off: records nothing, wraps nothing. */
export const TELEMETRY_OFF: Telemetry = Object.freeze({
  tracing: undefined,
  recordJwksFetch() {},
  recordBreakerState() {},
  shutdown: async () => {},
});
