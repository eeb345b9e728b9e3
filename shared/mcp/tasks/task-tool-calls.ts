// Routes a 2026-07-28 tools/call of a tool some task provider runs: from a client that declares the
// extension it becomes a task (the provider creates it; the answer is the flat CreateTaskResult);
// from one that does not, an `optional` tool runs synchronously as usual and a `required` one is
// refused with -32021. Every other call, and any call of a tool this caller may not use, goes on
// to the server's own tools/call handler untouched (which answers "Tool … not found" for a hidden
// tool exactly as for an unknown one).
import { isInputRequiredResult, type McpServer, type Result, type ServerContext } from '@modelcontextprotocol/server';
import { describeToolError, toToolErrorResult } from '../../errors/to-mcp.js';
import type { CallerScope } from '../../request/request-scope.js';
import type { Logger } from '../../telemetry/logger.js';
import type { AnyTool } from '../define-tool.js';
import { parseToolInput } from '../run-tool.js';
import { underInputRequiredSeam, wrapToolCalls, type DispatchedToolCall, type ToolCallDispatch } from '../sdk-tools-call-hook.js';
import type { ToolAudit } from '../tool-audit.js';
import type { TaskProvider, TaskSupport } from './task-provider.js';
import { createTaskResult, declaresTasksExtension, missingTasksExtension } from './task-wire.js';

/** A tool a provider runs as a task. */
export interface ClaimedTool {
  readonly provider: TaskProvider;
  readonly support: TaskSupport;
}

/**
 * How the per-request server sees a claimed tool: hidden from this caller (then the call goes on
 * to be refused like an unknown tool), or callable, with the Contoso tool definition when it is one
 * (its input schema parses the arguments, its audit rules apply).
 */
export type ToolAccess = { readonly callable: false } | { readonly callable: true; readonly tool?: AnyTool };

export interface TaskCallRouting {
  /** Claimed tools by name. */
  readonly claims: ReadonlyMap<string, ClaimedTool>;
  readonly logger: Logger;
  readonly audit: ToolAudit;
}

/** Puts the task routing in front of `server`'s tools/call handler, for the caller of `scope`. */
export function routeTaskCalls(server: McpServer, routing: TaskCallRouting, scope: CallerScope, access: (name: string) => ToolAccess): void {
  wrapToolCalls(server, (dispatch: ToolCallDispatch) =>
    async function routeToolCall(request: DispatchedToolCall, ctx: ServerContext): Promise<Result> {
      const name = request.params?.name;
      const claim = typeof name === 'string' ? routing.claims.get(name) : undefined;
      if (claim === undefined || typeof name !== 'string') return dispatch(request, ctx);
      const seen = access(name);
      if (!seen.callable) return dispatch(request, ctx);
      if (!declaresTasksExtension(ctx)) {
        if (claim.support === 'required') throw missingTasksExtension();
        return dispatch(request, ctx);
      }
      const task = { name, args: request.params?.arguments, tool: seen.tool, scope };
      // The provider may ask for input before it creates the task: the SDK's seam checks such a round.
      return underInputRequiredSeam(server, (_request, seamCtx) => createTask(routing, claim, { ...task, ctx: seamCtx }), request, ctx);
    },
  );
}

interface TaskRequest {
  readonly name: string;
  readonly args: unknown;
  readonly tool: AnyTool | undefined;
  readonly scope: CallerScope;
  readonly ctx: ServerContext;
}

/** The provider's task for the call as a CreateTaskResult, its input_required round, or a tool error result. */
async function createTask(routing: TaskCallRouting, claim: ClaimedTool, request: TaskRequest): Promise<Result> {
  const { name, tool, scope, ctx } = request;
  const audited = tool !== undefined && routing.audit.covers(tool);
  try {
    const args = tool === undefined ? plainArguments(request.args) : parseToolInput(tool, request.args);
    const outcome = await claim.provider.create({
      toolName: name,
      arguments: args,
      scope,
      inputResponses: ctx.mcpReq.inputResponses,
      signal: ctx.mcpReq.signal,
    });
    if (isInputRequiredResult(outcome)) return outcome;
    if (audited) await routing.audit.granted(tool, request.args, scope, 'task_created');
    return createTaskResult(outcome);
  } catch (error) {
    const view = describeToolError(error, scope.requestId);
    const logger = routing.logger.child({ tool: name, provider: claim.provider.name, requestId: scope.requestId });
    if (view.expected) logger.info('task refused', { errorCode: view.code, message: view.message });
    else logger.error('task creation failed', { error });
    if (audited) await routing.audit.granted(tool, request.args, scope, view.code);
    return toToolErrorResult(error, scope.requestId);
  }
}

/** The arguments of a tool the app has no schema for: the object the client sent, or none. */
function plainArguments(args: unknown): Record<string, unknown> {
  return args !== null && typeof args === 'object' && !Array.isArray(args) ? { ...(args as Record<string, unknown>) } : {};
}
