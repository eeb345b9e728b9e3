// How a request span ends: what the endpoint recorded while serving it (the MCP message, a
// refusal, a tool outcome) and the answer it gave become the outcome attributes, the span status
// and the refusal metric. Only the service's own failures (5xx, a throw, a tool's INTERNAL,
// TIMEOUT or UNAVAILABLE) set the status to ERROR; refusals and caller errors carry `error.type`.
import { SpanStatusCode, type Span } from '@opentelemetry/api';
import type { McpMessageInfo, RequestTrace } from '../request-trace.js';
import type { TelemetryInstruments } from './telemetry-metrics.js';
import { setErrorType } from './error-type.js';
import { ATTR, MCP_OUTCOME, SERVER_FAULT_OUTCOMES } from './telemetry-names.js';

/** What the endpoint told the span while it served the request. */
export interface RecordedRequest {
  message?: McpMessageInfo;
  refusal?: string;
  rpcCode?: number;
  toolOutcome?: string;
}

/** The RequestTrace that records into `recorded` and names `span` after the MCP message. */
export function requestRecorder(span: Span, recorded: RecordedRequest): RequestTrace {
  return Object.freeze({
    message(info: McpMessageInfo) {
      recorded.message = info;
      span.updateName(info.toolName === undefined ? info.method : `${info.method} ${info.toolName}`);
      span.setAttribute(ATTR.MCP_METHOD, info.method);
      span.setAttribute(ATTR.MCP_ERA, info.era);
      if (info.protocolVersion !== undefined) span.setAttribute(ATTR.MCP_PROTOCOL_VERSION, info.protocolVersion);
      if (info.toolName !== undefined) {
        span.setAttribute(ATTR.TOOL_NAME, info.toolName);
        span.setAttribute(ATTR.GEN_AI_OPERATION, 'execute_tool');
      }
      if (info.tenantId !== undefined) span.setAttribute(ATTR.TENANT_ID, info.tenantId);
    },
    refused(reason: string, rpcCode?: number) {
      recorded.refusal = reason;
      if (rpcCode !== undefined) recorded.rpcCode = rpcCode;
    },
    toolOutcome(outcome: string) {
      // A batch may hold several calls: the first that did not succeed names the request's outcome.
      if (recorded.toolOutcome === undefined || recorded.toolOutcome === 'ok') recorded.toolOutcome = outcome;
    },
  });
}

/** The code of the (first) JSON-RPC error in a JSON answer body, if it holds one. */
export function rpcErrorCode(body: string): number | undefined {
  if (!body.includes('"error"')) return undefined;
  try {
    const parsed = JSON.parse(body) as unknown;
    for (const message of Array.isArray(parsed) ? parsed : [parsed]) {
      const code = (message as { error?: { code?: unknown } } | null)?.error?.code;
      if (typeof code === 'number') return code;
    }
  } catch {
    // not JSON after all: no code to report
  }
  return undefined;
}

/** How the request ended: its HTTP status and the JSON-RPC error code of its body, or what it threw. */
export type RequestEnd = { status: number; bodyRpcCode?: number | undefined } | { failure: unknown };

/** Sets the outcome attributes and status of the request span and ends it. */
export function endRequestSpan(span: Span, recorded: RecordedRequest, end: RequestEnd, instruments: TelemetryInstruments): void {
  const rpcCode = recorded.rpcCode ?? ('status' in end ? end.bodyRpcCode : undefined);
  let outcome: string = MCP_OUTCOME.OK;
  let errorType: string | undefined;
  let serverFault = false;
  let refusal: string | undefined;
  if ('failure' in end) {
    outcome = MCP_OUTCOME.FAILED;
    errorType = end.failure instanceof Error ? end.failure.name : 'error';
    serverFault = true;
  } else {
    span.setAttribute(ATTR.HTTP_STATUS, end.status);
    refusal = recorded.refusal ?? (end.status >= 400 && end.status < 500 ? `http_${end.status}` : undefined);
    if (refusal !== undefined) {
      outcome = MCP_OUTCOME.REFUSED;
      errorType = refusal;
      serverFault = end.status >= 500;
    } else if (end.status >= 500) {
      outcome = MCP_OUTCOME.FAILED;
      errorType = String(end.status);
      serverFault = true;
    } else if (rpcCode !== undefined) {
      outcome = MCP_OUTCOME.RPC_ERROR;
      errorType = String(rpcCode);
    } else if (recorded.toolOutcome !== undefined && recorded.toolOutcome !== 'ok') {
      outcome = MCP_OUTCOME.TOOL_ERROR;
      errorType = 'tool_error';
      serverFault = SERVER_FAULT_OUTCOMES.has(recorded.toolOutcome);
    }
  }
  if (rpcCode !== undefined) span.setAttribute(ATTR.RPC_STATUS, String(rpcCode));
  if (recorded.toolOutcome !== undefined) span.setAttribute(ATTR.TOOL_OUTCOME, recorded.toolOutcome);
  if (refusal !== undefined) {
    span.setAttribute(ATTR.REFUSAL_REASON, refusal);
    instruments.refusal(refusal);
  }
  span.setAttribute(ATTR.MCP_OUTCOME, outcome);
  if (errorType !== undefined) setErrorType(span, errorType);
  if (serverFault) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}
