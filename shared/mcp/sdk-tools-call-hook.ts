// Lets the gate see each tools/call the SDK's per-request server actually dispatches (calls in a
// batch or a streamed request), so a call refused for a missing role is audited from the
// dispatch itself, once, and never for a request the SDK refuses before dispatch (an oversized
// batch). The SDK has no public hook for this: it relies on the private `_requestHandlers` map of
// the low-level Server (MCP TypeScript SDK v2 2.4.0) and fails loudly if that ever changes; a
// test pins it. It only observes: the SDK's own handler still answers.
import { ProtocolError, ProtocolErrorCode, type McpServer } from '@modelcontextprotocol/server';

type StoredHandler = (request: { params?: { name?: unknown; arguments?: unknown } }, ctx: unknown) => Promise<unknown>;

function storedHandlers(server: McpServer): Map<string, StoredHandler> {
  const handlers = (server.server as unknown as { _requestHandlers?: unknown })._requestHandlers;
  if (!(handlers instanceof Map)) {
    throw new Error('MCP SDK internals changed: Server._requestHandlers is not a Map (see shared/mcp/sdk-tools-call-hook.ts)');
  }
  return handlers as Map<string, StoredHandler>;
}

/** Calls `observe` with the tool name and arguments of every tools/call `server` dispatches. */
export function observeToolCalls(server: McpServer, observe: (name: string, args: unknown) => void): void {
  const handlers = storedHandlers(server);
  const dispatch = handlers.get('tools/call');
  if (dispatch === undefined) throw new Error('observeToolCalls: the server has no tools/call handler yet');
  handlers.set('tools/call', function observedToolsCall(request, ctx) {
    const name = request.params?.name;
    if (typeof name === 'string') observe(name, request.params?.arguments);
    return dispatch(request, ctx);
  });
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
