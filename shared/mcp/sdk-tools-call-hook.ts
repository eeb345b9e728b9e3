// Puts app code in front of the tools/call handler of the SDK's per-request server: the gate sees
// each tools/call the server actually dispatches (calls in a batch or a streamed request), so a
// call refused for a missing role is audited from the dispatch itself, once, and never for a
// request the SDK refuses before dispatch (an oversized batch); and the tasks extension takes over
// the calls its providers run as tasks (shared/mcp/tasks/). The SDK has no public hook for this:
// `wrapToolCalls` relies on the private `_requestHandlers` map of the low-level Server, and
// `underInputRequiredSeam` on its private `_invokeInputRequiredCapableHandler` (MCP TypeScript SDK
// v2 2.4.0); both fail loudly if that ever changes, and tests pin them. Every call a wrapper
// passes on still gets the SDK's own handler, with its validation.
import { ProtocolError, ProtocolErrorCode, type McpServer, type Result, type ServerContext } from '@modelcontextprotocol/server';

/** A tools/call request as the stored handler receives it (envelope and retry fields lifted into `ctx`). */
export interface DispatchedToolCall {
  readonly params?: { readonly name?: unknown; readonly arguments?: unknown };
}

/** The stored tools/call handler: the SDK's (validation, tool lookup, result projection) or a wrapper of it. */
export type ToolCallDispatch = (request: DispatchedToolCall, ctx: ServerContext) => Promise<Result>;

function storedHandlers(server: McpServer): Map<string, ToolCallDispatch> {
  const handlers = (server.server as unknown as { _requestHandlers?: unknown })._requestHandlers;
  if (!(handlers instanceof Map)) {
    throw new Error('MCP SDK internals changed: Server._requestHandlers is not a Map (see shared/mcp/sdk-tools-call-hook.ts)');
  }
  return handlers as Map<string, ToolCallDispatch>;
}

/**
 * Replaces the server's stored tools/call handler with `wrap(dispatch)`, where `dispatch` is the
 * handler stored so far. The one place that touches the SDK's private handler map.
 */
export function wrapToolCalls(server: McpServer, wrap: (dispatch: ToolCallDispatch) => ToolCallDispatch): void {
  const handlers = storedHandlers(server);
  const dispatch = handlers.get('tools/call');
  if (dispatch === undefined) throw new Error('wrapToolCalls: the server has no tools/call handler yet');
  handlers.set('tools/call', wrap(dispatch));
}

type SeamHandler = (request: DispatchedToolCall, ctx: ServerContext) => Promise<Result>;
type InputRequiredSeam = (method: 'tools/call', handler: SeamHandler, request: DispatchedToolCall, ctx: ServerContext) => Promise<Result>;

/**
 * Runs `handler` for a tools/call the way the SDK runs a registered tool's handler, minus the
 * result normalisation: an echoed requestState is verified first (-32602 when refused), and an
 * input_required result must carry input requests or state and ask only for what the request's
 * client capabilities declare (-32021 otherwise). Any other result comes back untouched. The one
 * place that calls the SDK's private multi-round-trip seam.
 */
export function underInputRequiredSeam(server: McpServer, handler: SeamHandler, request: DispatchedToolCall, ctx: ServerContext): Promise<Result> {
  const low = server.server as unknown as { _invokeInputRequiredCapableHandler?: unknown };
  const seam = low._invokeInputRequiredCapableHandler;
  if (typeof seam !== 'function') {
    throw new Error('MCP SDK internals changed: Server._invokeInputRequiredCapableHandler is not a function (see shared/mcp/sdk-tools-call-hook.ts)');
  }
  return (seam as InputRequiredSeam).call(server.server, 'tools/call', handler, request, ctx);
}

/** Calls `observe` with the tool name and arguments of every tools/call `server` dispatches. */
export function observeToolCalls(server: McpServer, observe: (name: string, args: unknown) => void): void {
  wrapToolCalls(server, (dispatch) =>
    function observedToolsCall(request, ctx) {
      const name = request.params?.name;
      if (typeof name === 'string') observe(name, request.params?.arguments);
      return dispatch(request, ctx);
    },
  );
}

/**
 * Gives a server with no tool registered the same tools/list and tools/call answers as one whose
 * tools the caller may not see: an empty list, and "Tool … not found" (the SDK installs these
 * handlers only with the first registered tool). Public SDK API.
 */
export function installEmptyToolHandlers(server: McpServer): void {
  server.server.setRequestHandler('tools/list', () => ({ tools: [] }));
  server.server.setRequestHandler('tools/call', (request) => {
    throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Tool ${request.params.name} not found`);
  });
}
