// The SDK path of the MCP endpoint: everything the fast path does not answer (initialize and
// discovery, batches, streamed calls, resources, prompts, development extensions) goes through a
// fresh per-request SDK server: the 2025-era stateless leg or the SDK's 2026-07-28 handler. This
// module is loaded on first use, so a process that only serves the fast path never loads the
// SDK's server (measured: most of the app's import time).
import {
  createMcpHandler,
  InMemoryServerEventBus,
  isLegacyRequest,
  type McpServerFactory,
} from '@modelcontextprotocol/server';
import { toWebResponse } from '../http/http-answer.js';
import { JSON_RPC, jsonRpcError } from '../http/json-rpc-response.js';
import { acceptsMcpResponsesExplicitly } from '../http/media-types.js';
import type { CallerScope } from '../request/request-scope.js';
import type { Logger } from '../telemetry/logger.js';
import { createServerFactory, type ServerFactoryOptions } from './create-server.js';
import { createLegacyStatelessHandler } from './legacy-stateless-handler.js';
import { mcpMethodName } from './mcp-method-name.js';
import { ALL_PROTOCOL_VERSIONS } from './protocol-versions.js';
import { createRequestStateSeal } from './request-state.js';
import { singleToolCallName, toAuthInfo } from './sdk-request-context.js';
import { createServerNotifier } from './server-extension.js';

export interface SdkPathOptions extends Omit<ServerFactoryOptions, 'requestState' | 'notify'> {
  /** The key sealing multi-round-trip requestState (undefined: every echoed state is refused). */
  requestStateKey: string | undefined;
  maxBodyBytes: number;
  logger: Logger;
}

export interface SdkPath {
  /** Serves one message through a per-request SDK server; the request's body is already read. */
  dispatch(request: Request, message: object, scope: CallerScope): Promise<Response>;
}

export function createSdkPath(options: SdkPathOptions): SdkPath {
  const { maxBodyBytes, logger } = options;
  // subscriptions/listen streams of this process; a multi-instance deployment that publishes
  // change events would put a shared pub/sub bus here.
  const bus = new InMemoryServerEventBus(function logListenerFailure(error) {
    logger.warn('subscription listener failed', { error });
  });
  const factory: McpServerFactory = createServerFactory({
    ...options,
    requestState: createRequestStateSeal(options.requestStateKey),
    notify: createServerNotifier(bus),
  });
  const modern = createMcpHandler(factory, {
    legacy: 'reject',
    responseMode: 'auto',
    maxRequestBodySize: maxBodyBytes,
    bus,
    onerror: function logRejectedMcpRequest(error: Error) {
      logger.debug('mcp request rejected', { error });
    },
  });
  const legacy = createLegacyStatelessHandler(factory, maxBodyBytes);
  const toolNames = new Set(options.tools.map((tool) => tool.name));

  return {
    async dispatch(request, message, scope) {
      // The body is consumed, so the SDK works from `message` and the headers. Its transports insist
      // on both media types in Accept: rebuild the request only when `*/*` was what we accepted.
      const forward = acceptsMcpResponsesExplicitly(request.headers.get('accept')) ? request : withMcpAccept(request);
      const isLegacy = await isLegacyRequest(forward, message, { maxRequestBodySize: maxBodyBytes });
      // 2026-07-28 requests are checked by the SDK, which answers with the request's id and the
      // supported versions; 2025-era ones (initialize included) are checked here.
      const version = request.headers.get('mcp-protocol-version');
      const onlyTool = singleToolCallName(message);
      scope.trace?.message({
        method: mcpMethodName(message),
        era: isLegacy ? 'legacy' : 'modern',
        protocolVersion: version !== null && ALL_PROTOCOL_VERSIONS.includes(version.trim()) ? version.trim() : undefined,
        toolName: onlyTool !== undefined && toolNames.has(onlyTool) ? onlyTool : undefined,
        tenantId: scope.caller.tenantId,
      });
      if (isLegacy && version !== null && !ALL_PROTOCOL_VERSIONS.includes(version.trim())) {
        scope.trace?.refused('unsupported_protocol_version');
        return toWebResponse(
          jsonRpcError(400, JSON_RPC.SERVER_ERROR, `Bad Request: unsupported MCP-Protocol-Version ${JSON.stringify(version.slice(0, 40))}; supported: ${ALL_PROTOCOL_VERSIONS.join(', ')}`),
        );
      }
      const authInfo = toAuthInfo({ scope, onlyTool });
      return isLegacy ? legacy(forward, message, authInfo) : modern.fetch(forward, { authInfo, parsedBody: message });
    },
  };
}

/** A body-less copy of `request` whose Accept names both MCP response types. */
function withMcpAccept(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.set('accept', 'application/json, text/event-stream');
  return new Request(request.url, { method: 'POST', headers, signal: request.signal });
}
