// Runs one tool call: builds the tool's context, enforces the time budget, validates the
// output against the tool's schema and turns any failure into a tool error result.
import type { CallToolResult, ServerContext } from '@modelcontextprotocol/server';
import { TimeoutError } from '../errors/domain-error.js';
import { describeToolError, toToolErrorResult } from '../errors/to-mcp.js';
import type { AnyTool, ToolContext } from './define-tool.js';
import type { RequestCaller } from './request-caller.js';
import type { ToolServices } from './tool-services.js';

export interface RunToolOptions {
  tool: AnyTool;
  input: unknown;
  extra: ServerContext;
  caller: RequestCaller;
  services: ToolServices;
  timeoutMs: number;
}

export async function runTool(options: RunToolOptions): Promise<CallToolResult> {
  const { tool, extra, caller, services } = options;
  const logger = services.logger.child({ tool: tool.name, requestId: caller.requestId });
  const controller = new AbortController();
  const cancel = () => controller.abort(extra.mcpReq.signal.reason);
  extra.mcpReq.signal.addEventListener('abort', cancel, { once: true });
  const progressToken = extra.mcpReq._meta?.progressToken;
  const ctx: ToolContext = {
    caller: caller.principal,
    requestId: caller.requestId,
    logger,
    store: services.store,
    clock: services.clock,
    newId: services.newId,
    signal: controller.signal,
    async progress(done, total, message) {
      if (progressToken === undefined || controller.signal.aborted) return;
      await extra.mcpReq.notify({
        method: 'notifications/progress',
        params: { progressToken, progress: done, total, ...(message === undefined ? {} : { message }) },
      });
    },
  };
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new TimeoutError(`${tool.name} did not finish within its ${options.timeoutMs} ms time budget; try again or narrow the request`);
      reject(error); // settle the race first, then tell the handler to stop
      controller.abort(error);
    }, options.timeoutMs);
  });
  try {
    const raw = await Promise.race([tool.handler(options.input, ctx), budget]);
    const parsed = tool.output.safeParse(raw);
    if (!parsed.success) {
      throw new Error(`${tool.name} produced output that does not match its schema: ${parsed.error.message}`);
    }
    const text = tool.summarize ? tool.summarize(parsed.data) : JSON.stringify(parsed.data);
    await services.audit.granted(tool, options.input, caller, 'ok');
    return { content: [{ type: 'text', text }], structuredContent: parsed.data as Record<string, unknown> };
  } catch (error) {
    const view = describeToolError(error, caller.requestId);
    if (view.expected) logger.info('tool refused', { errorCode: view.code, message: view.message });
    else logger.error('tool failed', { error });
    await services.audit.granted(tool, options.input, caller, view.code);
    return toToolErrorResult(error, caller.requestId);
  } finally {
    clearTimeout(timer);
    extra.mcpReq.signal.removeEventListener('abort', cancel);
  }
}
