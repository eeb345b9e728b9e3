// Runs one granted tool call: validates the arguments against the tool's schema, builds the
// tool's context from the services and the request scope, enforces the time budget, validates
// the output, audits the outcome (audited tools) and turns any failure into a tool error result
// (with its code and the request id, bad arguments included). A result carries its data twice:
// as `structuredContent` and serialized as JSON in the first text block (clients that read only
// text get the data), followed by the tool's short summary. Knows nothing of the SDK: the caller passes
// the cancellation signal and, when the client asked for progress, a way to report it.
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { CallerScope } from '../request/request-scope.js';
import { InvalidArgumentError, TimeoutError } from '../errors/domain-error.js';
import { describeToolError, toToolErrorResult } from '../errors/to-mcp.js';
import type { Logger } from '../telemetry/logger.js';
import type { AnyTool, ToolContext } from './define-tool.js';
import { describeInputIssues } from './input-issues.js';
import type { ToolAudit } from './tool-audit.js';
import type { ToolServices } from './tool-services.js';

/** Sends one `notifications/progress` for the call. */
export type ProgressReporter = (done: number, total: number, message?: string) => Promise<void>;

/** What runTool needs from the process, besides what it hands to tools. */
export interface ToolRunner {
  readonly services: ToolServices;
  readonly logger: Logger;
  readonly audit: ToolAudit;
  /** Time budget of one call, in milliseconds, unless the tool declares its own. */
  readonly timeoutMs: number;
  /** Wraps every call in a span (shared/telemetry/); absent while telemetry is off. */
  readonly traceToolCall?: ToolCallTracer | undefined;
}

/** Runs `run` (the whole call, answered as a tool result) inside the call's span; never changes the result. */
export type ToolCallTracer = (call: ToolCall, run: () => Promise<CallToolResult>) => Promise<CallToolResult>;

export interface ToolCall {
  tool: AnyTool;
  /** The call's arguments as the client sent them (validated here against `tool.input`). */
  input: unknown;
  scope: CallerScope;
  /** Aborted when the client cancels the request. */
  signal: AbortSignal;
  /** Present when the client sent a progress token. */
  reportProgress?: ProgressReporter | undefined;
}

/** Runs the call, traced when telemetry is on (one property check when it is off). */
export function runTool(runner: ToolRunner, call: ToolCall): Promise<CallToolResult> {
  return runner.traceToolCall === undefined ? executeTool(runner, call) : runner.traceToolCall(call, () => executeTool(runner, call));
}

async function executeTool(runner: ToolRunner, call: ToolCall): Promise<CallToolResult> {
  const { tool, scope } = call;
  const logger = runner.logger.child({ tool: tool.name, requestId: scope.requestId });
  const audited = runner.audit.covers(tool);
  const auditId = audited ? runner.audit.newAuditId() : undefined;
  const controller = new AbortController();
  const cancel = () => controller.abort(call.signal.reason);
  call.signal.addEventListener('abort', cancel, { once: true });
  const ctx: ToolContext = {
    ...runner.services,
    scope,
    caller: scope.caller,
    requestId: scope.requestId,
    logger,
    signal: controller.signal,
    async progress(done, total, message) {
      if (call.reportProgress === undefined || controller.signal.aborted) return;
      await call.reportProgress(done, total, message);
    },
    progressRequested: call.reportProgress !== undefined,
    auditId,
  };
  let timer: NodeJS.Timeout | undefined;
  const budgetMs = tool.timeoutMs ?? runner.timeoutMs;
  const budget = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new TimeoutError(`${tool.name} did not finish within its ${budgetMs} ms time budget; try again or narrow the request`);
      reject(error); // settle the race first, then tell the handler to stop
      controller.abort(error);
    }, budgetMs);
  });
  try {
    const raw = await Promise.race([tool.handler(parseToolInput(tool, call.input), ctx), budget]);
    const parsed = tool.output.safeParse(raw);
    if (!parsed.success) {
      throw new Error(`${tool.name} produced output that does not match its schema: ${parsed.error.message}`);
    }
    if (audited) await runner.audit.granted(tool, call.input, scope, parsed.data.replayed === true ? 'replayed' : 'ok', auditId);
    return toolResult(parsed.data, tool.summarize?.(parsed.data));
  } catch (error) {
    const view = describeToolError(error, scope.requestId);
    if (view.expected) logger.info('tool refused', { errorCode: view.code, message: view.message });
    else logger.error('tool failed', { error });
    if (audited) await runner.audit.granted(tool, call.input, scope, view.code, auditId);
    return toToolErrorResult(error, scope.requestId);
  } finally {
    clearTimeout(timer);
    call.signal.removeEventListener('abort', cancel);
  }
}

/** The call's arguments parsed by the tool's input schema; throws InvalidArgumentError naming each problem. */
export function parseToolInput(tool: AnyTool, input: unknown): Record<string, unknown> {
  const args = tool.input.safeParse(input ?? {});
  if (!args.success) throw new InvalidArgumentError(`Invalid arguments for ${tool.name}: ${describeInputIssues(args.error.issues)}`);
  return args.data;
}

/** The JSON text of each result's structuredContent, as its first text block holds it (encoders reuse it). */
const structuredJson = new WeakMap<object, string>();

/** A successful result: the data as structuredContent and as JSON text, then the summary if any. */
export function toolResult(data: Record<string, unknown>, summary: string | undefined): CallToolResult {
  const json = JSON.stringify(data);
  structuredJson.set(data, json);
  const content: CallToolResult['content'] = [{ type: 'text', text: json }];
  if (summary !== undefined) content.push({ type: 'text', text: summary });
  return { content, structuredContent: data };
}

/** JSON.stringify(structuredContent) of a result toolResult made, without serializing it again. */
export function structuredContentJson(structuredContent: unknown): string {
  const known = typeof structuredContent === 'object' && structuredContent !== null ? structuredJson.get(structuredContent) : undefined;
  return known ?? JSON.stringify(structuredContent);
}
