// The names the app's telemetry is queried by: span attributes, metric names and the values of
// the outcome attributes. docs/operations.md documents them and its KQL queries use them; a test
// checks the queries against what the exporter really sends. The MCP and GenAI names follow the
// OpenTelemetry semantic conventions for MCP; `contoso.*` names are this app's own.

export const ATTR = {
  /** JSON-RPC method of an MCP request (`tools/call`, `initialize` …). */
  MCP_METHOD: 'mcp.method.name',
  MCP_PROTOCOL_VERSION: 'mcp.protocol.version',
  /** `legacy` (2025-era initialize clients) or `modern` (2026-07-28). */
  MCP_ERA: 'contoso.mcp.era',
  /** `ok`, `refused`, `rpc_error`, `tool_error` or `failed`. */
  MCP_OUTCOME: 'contoso.mcp.outcome',
  /** Why a request was refused (REFUSAL reasons, auth reasons such as `expired`). */
  REFUSAL_REASON: 'contoso.refusal.reason',
  TOOL_NAME: 'gen_ai.tool.name',
  GEN_AI_OPERATION: 'gen_ai.operation.name',
  /** `ok` or the tool result's error code (`NOT_FOUND`, `INVALID_ARGUMENT`, `INTERNAL` …). */
  TOOL_OUTCOME: 'contoso.tool.outcome',
  /** The request id an error answer quotes (`_meta["contoso/error"].request_id`; the invocation id). */
  REQUEST_ID: 'contoso.request_id',
  /** The caller's Entra tenant (allow-listed, so of low cardinality). */
  TENANT_ID: 'contoso.tenant_id',
  /** Set only when something failed: a JSON-RPC code, `tool_error`, a refusal reason, an error class. */
  ERROR_TYPE: 'error.type',
  /** `error.type` again, under a name Application Insights keeps in customDimensions (it drops `error.type` from spans). */
  ERROR_CLASS: 'contoso.error.type',
  RPC_STATUS: 'rpc.response.status_code',
  HTTP_METHOD: 'http.request.method',
  HTTP_STATUS: 'http.response.status_code',
  URL_FULL: 'url.full',
  SERVER_ADDRESS: 'server.address',
  SERVER_PORT: 'server.port',
  DB_SYSTEM: 'db.system.name',
  DB_OPERATION: 'db.operation.name',
  /** Which outside service a span or metric is about: `sqlite`, `cosmos`, `durable`, `jwks` … */
  DEPENDENCY: 'contoso.dependency',
  /** A dependency call that ended with a domain answer rather than a failure (NOT_FOUND, CONFLICT …). */
  DEPENDENCY_OUTCOME: 'contoso.dependency.outcome',
  /** The orchestration a durable `start` starts. */
  JOB_ORCHESTRATION: 'contoso.job.orchestration',
  /** A circuit breaker's new state: `closed`, `open` or `half_open`. */
  BREAKER_STATE: 'contoso.breaker.state',
  /** Why a JWKS fetch failed: `timeout`, `http_<status>`, `invalid_key_set`, `network`. */
  JWKS_OUTCOME: 'contoso.jwks.outcome',
} as const;

export const METRIC = {
  /** Counter: tool calls, by tool and outcome. */
  TOOL_CALLS: 'contoso.tool.calls',
  /** Histogram (ms): tool call duration, by tool and outcome. */
  TOOL_DURATION: 'contoso.tool.duration',
  /** Counter: tool calls whose outcome is not `ok`, by tool and outcome. */
  TOOL_ERRORS: 'contoso.tool.errors',
  /** Counter: refused MCP requests, by reason. */
  REFUSALS: 'contoso.mcp.refusals',
  /** Counter: JWKS fetches, by outcome (`ok` or the failure class). */
  JWKS_FETCHES: 'contoso.jwks.fetches',
  /** Counter: failed JWKS fetches, by failure class. */
  JWKS_FAILURES: 'contoso.jwks.failures',
  /** Counter: circuit breaker state changes, by dependency and new state. */
  BREAKER_TRANSITIONS: 'contoso.breaker.transitions',
  /** Gauge: each breaker's state (0 closed, 1 half open, 2 open), by dependency. */
  BREAKER_STATE: 'contoso.breaker.state',
} as const;

/** What the request span's outcome attribute says. */
export const MCP_OUTCOME = { OK: 'ok', REFUSED: 'refused', RPC_ERROR: 'rpc_error', TOOL_ERROR: 'tool_error', FAILED: 'failed' } as const;

/** Tool outcomes that are the service's fault (the span's status is ERROR); others are the caller's. */
export const SERVER_FAULT_OUTCOMES: ReadonlySet<string> = new Set(['INTERNAL', 'TIMEOUT', 'UNAVAILABLE']);

/** The tracer and meter name (the instrumentation scope). */
export const INSTRUMENTATION_SCOPE = 'contoso-mcp';
