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
import { CallSignal } from './call-signal.js';
import { createToolCallContext, type ProgressReporter } from './tool-call-context.js';
import { describeToolError, toToolErrorResult } from '../errors/to-mcp.js';
import type { Logger } from '../telemetry/logger.js';
import type { AnyTool } from './define-tool.js';
import { describeInputIssues } from './input-issues.js';
import type { ToolAudit } from './tool-audit.js';
import type { ToolServices } from './tool-services.js';

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
  /**
   * The request's signal, aborted when the client cancels the request. Asked for only if the tool
   * reads its own signal (or reports progress): a host may make the request's signal on demand.
   */
  requestSignal: () => AbortSignal;
  /** Present when the client sent a progress token. */
  reportProgress?: ProgressReporter | undefined;
}

/** Runs the call, traced when telemetry is on (one property check when it is off). */
export function runTool(runner: ToolRunner, call: ToolCall): Promise<CallToolResult> {
  return runner.traceToolCall === undefined ? executeTool(runner, call) : runner.traceToolCall(call, () => executeTool(runner, call));
}

async function executeTool(runner: ToolRunner, call: ToolCall): Promise<CallToolResult> {
  const { tool, scope } = call;
  const audited = runner.audit.covers(tool);
  const auditId = audited ? runner.audit.newAuditId() : undefined;
  const callSignal = new CallSignal(call.requestSignal);
  const ctx = createToolCallContext(runner.services, {
    toolName: tool.name,
    scope,
    appLogger: runner.logger,
    callSignal,
    reportProgress: call.reportProgress,
    auditId,
  });
  const budgetMs = tool.timeoutMs ?? runner.timeoutMs;
  try {
    const raw = await withinBudget(tool.handler(parseToolInput(tool, call.input), ctx), budgetMs, () => {
      const error = new TimeoutError(`${tool.name} did not finish within its ${budgetMs} ms time budget; try again or narrow the request`);
      callSignal.stop(error);
      return error;
    });
    const parsed = tool.output.safeParse(raw);
    if (!parsed.success) {
      throw new Error(`${tool.name} produced output that does not match its schema: ${parsed.error.message}`);
    }
    if (audited) await runner.audit.granted(tool, call.input, scope, parsed.data.replayed === true ? 'replayed' : 'ok', auditId);
    return toolResult(parsed.data, tool.summarize?.(parsed.data));
  } catch (error) {
    const view = describeToolError(error, scope.requestId);
    if (view.expected) ctx.logger.info('tool refused', { errorCode: view.code, message: view.message });
    else ctx.logger.error('tool failed', { error });
    if (audited) await runner.audit.granted(tool, call.input, scope, view.code, auditId);
    return toToolErrorResult(error, scope.requestId);
  } finally {
    callSignal.release();
  }
}

/**
 * Settles as `work` does, or rejects with what `expire()` returns once `budgetMs` has passed
 * (expire runs then, so it can tell the work to stop). One timer per call, cleared when the
 * work settles.
 */
function withinBudget<T>(work: Promise<T>, budgetMs: number, expire: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(expire()), budgetMs);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- forwarded as thrown; runTool describes whatever it is
        reject(error);
      },
    );
  });
}

/** The call's arguments parsed by the tool's input schema; throws InvalidArgumentError naming each problem. */
export function parseToolInput(tool: AnyTool, input: unknown): Record<string, unknown> {
  const args = tool.input.safeParse(input ?? {});
  if (!args.success) throw new InvalidArgumentError(`Invalid arguments for ${tool.name}: ${describeInputIssues(args.error.issues)}`);
  return args.data;
}

/**
 * A successful result as toolResult makes it. It also keeps the JSON text of its
 * structuredContent (the text of its first block), so an encoder writes it without serializing
 * the data again. A class, so recognising one is a prototype check: the JSON stays private, and a
 * copy of the result (spread, or the SDK's parse) is a plain object, encoded the ordinary way.
 */
class SerializedToolResult {
  /** CallToolResult's shape (results may carry more members). */
  [member: string]: unknown;
  content: CallToolResult['content'];
  structuredContent: Record<string, unknown>;
  /** The data serialized here, and its JSON. */
  readonly #data: Record<string, unknown>;
  readonly #json: string;

  constructor(data: Record<string, unknown>, json: string, summary: string | undefined) {
    this.content = summary === undefined ? [{ type: 'text', text: json }] : [{ type: 'text', text: json }, { type: 'text', text: summary }];
    this.structuredContent = data;
    this.#data = data;
    this.#json = json;
  }

  /** JSON.stringify(structuredContent): the kept text, unless structuredContent was replaced since. */
  structuredJson(): string {
    return this.structuredContent === this.#data ? this.#json : JSON.stringify(this.structuredContent);
  }
}

/** A successful result: the data as structuredContent and as JSON text, then the summary if any. */
export function toolResult(data: Record<string, unknown>, summary: string | undefined): CallToolResult {
  return new SerializedToolResult(data, JSON.stringify(data), summary);
}

/** JSON.stringify(result.structuredContent), without serializing it again when toolResult made the result. */
export function structuredContentJson(result: CallToolResult): string {
  return result instanceof SerializedToolResult ? result.structuredJson() : JSON.stringify(result.structuredContent);
}
