// One span per tool call (a child of the request's span, active while the tool runs so its store
// and dependency calls nest under it) and the tool metrics. What it records: the tool's name, the
// outcome code of the result (`ok`, NOT_FOUND, INTERNAL …), the duration and the caller's tenant;
// never a token, an argument value or anything of the result. The call's outcome is also told to
// the request's span.
import { context, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { ToolCallTracer } from '../../mcp/run-tool.js';
import type { TelemetryInstruments } from './telemetry-metrics.js';
import { setErrorType } from './error-type.js';
import { ATTR, SERVER_FAULT_OUTCOMES } from './telemetry-names.js';

export interface ToolSpanOptions {
  tracer: Tracer;
  instruments: TelemetryInstruments;
  /** Milliseconds since an arbitrary origin (default performance.now). */
  now?: () => number;
}

/** `ok`, or the error code a tool error result carries (INTERNAL when it carries none). */
export function toolOutcomeOf(result: CallToolResult): string {
  if (result.isError !== true) return 'ok';
  const code = (result._meta?.['contoso/error'] as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : 'INTERNAL';
}

export function createToolCallTracer(options: ToolSpanOptions): ToolCallTracer {
  const { tracer, instruments } = options;
  const now = options.now ?? (() => performance.now());
  return async function traceToolCall(call, run) {
    const name = call.tool.name;
    const span = tracer.startSpan(`execute_tool ${name}`, {
      kind: SpanKind.INTERNAL,
      attributes: { [ATTR.GEN_AI_OPERATION]: 'execute_tool', [ATTR.TOOL_NAME]: name, [ATTR.TENANT_ID]: call.scope.caller.tenantId },
    });
    const started = now();
    let outcome = 'INTERNAL';
    try {
      const result = await context.with(trace.setSpan(context.active(), span), run);
      outcome = toolOutcomeOf(result);
      return result;
    } finally {
      span.setAttribute(ATTR.TOOL_OUTCOME, outcome);
      if (outcome !== 'ok') setErrorType(span, outcome);
      if (SERVER_FAULT_OUTCOMES.has(outcome)) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      instruments.toolCall(name, outcome, now() - started);
      call.scope.trace?.toolOutcome(outcome);
    }
  };
}
