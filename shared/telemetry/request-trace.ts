// What the MCP endpoint tells the telemetry about one request as it learns it: the MCP message it
// carries, a refusal and why, a tool call's outcome. A request scope carries one only while
// telemetry is on (shared/telemetry/otel/request-span.ts creates it); with telemetry off the scope
// has none and each call site costs one property check. Values are fixed, low-cardinality names:
// never a token, an argument value or anything a caller typed.

/** The protocol era of a request (2025-era `initialize` clients, or 2026-07-28). */
export type McpEra = 'legacy' | 'modern';

export interface McpMessageInfo {
  /** The JSON-RPC method (`tools/call`, `initialize` …); `batch` for a batch. */
  readonly method: string;
  readonly era: McpEra;
  /** The negotiated MCP protocol version, when known. */
  readonly protocolVersion?: string | undefined;
  /** The tool a tools/call names (only a name the server serves; never an unknown caller-typed one). */
  readonly toolName?: string | undefined;
  /** The verified caller's tenant id. */
  readonly tenantId?: string | undefined;
}

/**
 * Why a request was refused: a fixed name (`host_not_allowed`, `payload_too_large`, an auth
 * reason such as `expired` or `tenant_not_allowed`, `missing_role`, `unknown_tool` …).
 */
export type RefusalReason = string;

export interface RequestTrace {
  message(info: McpMessageInfo): void;
  /** The request was refused; `rpcCode` is the JSON-RPC error code answered, when there is one. */
  refused(reason: RefusalReason, rpcCode?: number): void;
  /** A tools/call of this request ended: `ok` or the error code of its result (`NOT_FOUND`, `INTERNAL` …). */
  toolOutcome(outcome: string): void;
}
