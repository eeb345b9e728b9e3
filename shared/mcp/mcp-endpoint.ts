// The MCP endpoint as a web handler (Request, RequestScope → Response), built once per process.
// A request passes named stages: guardHostAndOrigin (DNS rebinding), answerPreflight (CORS),
// authenticateCaller, checkHttpContract (method, media types), readMcpMessage (size, JSON),
// then the fast path (one tools/list or tools/call, answered from structures built once) or
// dispatchByEra: the 2025-era stateless leg (after its protocol-version check) or the SDK's
// 2026-07-28 handler. Each stage either answers or hands on.
import {
  createMcpHandler,
  isLegacyRequest,
  SUPPORTED_PROTOCOL_VERSIONS,
  type McpServerFactory,
  type ServerEventBus,
} from '@modelcontextprotocol/server';
import type { RequestAuthenticator } from '../auth/authenticate-request.js';
import { withCaller, type CallerScope, type RequestScope } from '../request/request-scope.js';
import type { Logger } from '../telemetry/logger.js';
import { preflightResponse, withCorsHeaders } from '../http/cors.js';
import { isHostAllowed, isOriginAllowed } from '../http/host-origin.js';
import { JSON_RPC, jsonRpcErrorResponse } from '../http/json-rpc-response.js';
import { acceptsMcpResponses, acceptsMcpResponsesExplicitly, isJsonContentType } from '../http/media-types.js';
import { readJsonBody } from '../http/read-json-body.js';
import { createFastPath, type FastPathOptions } from './fast-path/fast-dispatch.js';
import { createLegacyStatelessHandler } from './legacy-stateless-handler.js';
import { singleToolCallName, toAuthInfo } from './sdk-request-context.js';

/** Protocol revisions served through the per-request envelope (2026-07-28 era). */
export const MODERN_PROTOCOL_VERSIONS: readonly string[] = ['2026-07-28'];
export const ALL_PROTOCOL_VERSIONS: readonly string[] = [...SUPPORTED_PROTOCOL_VERSIONS, ...MODERN_PROTOCOL_VERSIONS];

export interface McpEndpointOptions {
  factory: McpServerFactory;
  /** Change events for `subscriptions/listen` streams (default: a bus of this endpoint's own). */
  bus?: ServerEventBus;
  allowedHosts: readonly string[];
  allowedOrigins: readonly string[];
  maxBodyBytes: number;
  /** Verifies the caller; runs after the Host/Origin checks and CORS preflight, before anything else. */
  authenticate: RequestAuthenticator;
  logger: Logger;
  /** Answer single tools/list and tools/call without a per-request SDK server (absent: every request takes the SDK path). */
  fastPath?: Omit<FastPathOptions, 'sdkAnswer'>;
}

export type McpEndpoint = (request: Request, scope: RequestScope) => Promise<Response>;

/** A JSON-RPC message object (or batch) read from the body. */
type McpMessage = object;

export function createMcpEndpoint(options: McpEndpointOptions): McpEndpoint {
  const { allowedHosts, allowedOrigins, maxBodyBytes, logger } = options;
  const modern = createMcpHandler(options.factory, {
    legacy: 'reject',
    responseMode: 'auto',
    maxRequestBodySize: maxBodyBytes,
    onerror: function logRejectedMcpRequest(error: Error) {
      logger.debug('mcp request rejected', { error });
    },
    ...(options.bus ? { bus: options.bus } : {}),
  });
  const legacy = createLegacyStatelessHandler(options.factory, maxBodyBytes);
  const answerFast = options.fastPath ? createFastPath({ ...options.fastPath, sdkAnswer: dispatchByEra }) : undefined;

  function guardHostAndOrigin(request: Request): Response | undefined {
    if (!isHostAllowed(request.headers.get('host') ?? new URL(request.url).host, allowedHosts)) {
      return jsonRpcErrorResponse(403, JSON_RPC.SERVER_ERROR, 'Forbidden: Host header is not allowed');
    }
    if (!isOriginAllowed(request.headers.get('origin'), allowedOrigins)) {
      return jsonRpcErrorResponse(403, JSON_RPC.SERVER_ERROR, 'Forbidden: Origin is not allowed');
    }
    return undefined;
  }

  function answerPreflight(origin: string | null): Response {
    return origin === null
      ? jsonRpcErrorResponse(403, JSON_RPC.SERVER_ERROR, 'Forbidden: preflight without an Origin')
      : preflightResponse(origin);
  }

  async function authenticateCaller(request: Request, scope: RequestScope): Promise<CallerScope | Response> {
    const auth = await options.authenticate(request);
    return auth.ok ? withCaller(scope, auth.principal) : auth.response;
  }

  function checkHttpContract(request: Request): Response | undefined {
    if (request.method !== 'POST') {
      return jsonRpcErrorResponse(405, JSON_RPC.SERVER_ERROR, 'Method not allowed: this stateless endpoint accepts POST only', {
        allow: 'POST',
      });
    }
    if (!isJsonContentType(request.headers.get('content-type'))) {
      return jsonRpcErrorResponse(415, JSON_RPC.SERVER_ERROR, 'Unsupported Media Type: Content-Type must be application/json');
    }
    if (!acceptsMcpResponses(request.headers.get('accept'))) {
      return jsonRpcErrorResponse(406, JSON_RPC.SERVER_ERROR, 'Not Acceptable: Accept must include application/json and text/event-stream');
    }
    return undefined;
  }

  async function readMcpMessage(request: Request): Promise<McpMessage | Response> {
    const body = await readJsonBody(request, maxBodyBytes);
    if (body.kind === 'too_large') {
      return jsonRpcErrorResponse(413, JSON_RPC.SERVER_ERROR, `Payload Too Large: the body exceeds ${maxBodyBytes} bytes`);
    }
    if (body.kind === 'unreadable') return jsonRpcErrorResponse(400, JSON_RPC.PARSE_ERROR, 'Parse error: the body could not be read');
    if (body.kind !== 'json') return jsonRpcErrorResponse(400, JSON_RPC.PARSE_ERROR, 'Parse error: the body is not valid JSON');
    if (body.value === null || typeof body.value !== 'object') {
      return jsonRpcErrorResponse(400, JSON_RPC.INVALID_REQUEST, 'Invalid Request: expected a JSON-RPC message object');
    }
    return body.value;
  }

  async function dispatchByEra(request: Request, message: McpMessage, scope: CallerScope): Promise<Response> {
    // The body is consumed, so the SDK works from `message` and the headers. Its transports insist
    // on both media types in Accept: rebuild the request only when `*/*` was what we accepted.
    const forward = acceptsMcpResponsesExplicitly(request.headers.get('accept')) ? request : withMcpAccept(request);
    const isLegacy = await isLegacyRequest(forward, message, { maxRequestBodySize: maxBodyBytes });
    // 2026-07-28 requests are checked by the SDK, which answers with the request's id and the
    // supported versions; 2025-era ones (initialize included) are checked here.
    const version = request.headers.get('mcp-protocol-version');
    if (isLegacy && version !== null && !ALL_PROTOCOL_VERSIONS.includes(version.trim())) {
      return jsonRpcErrorResponse(400, JSON_RPC.SERVER_ERROR, `Bad Request: unsupported MCP-Protocol-Version ${JSON.stringify(version.slice(0, 40))}; supported: ${ALL_PROTOCOL_VERSIONS.join(', ')}`);
    }
    const authInfo = toAuthInfo({ scope, onlyTool: singleToolCallName(message) });
    return isLegacy ? legacy(forward, message, authInfo) : modern.fetch(forward, { authInfo, parsedBody: message });
  }

  return async function handleMcpRequest(request, scope) {
    const refused = guardHostAndOrigin(request);
    if (refused) return refused;
    const origin = request.headers.get('origin');
    if (request.method === 'OPTIONS') return answerPreflight(origin);
    const caller = await authenticateCaller(request, scope);
    if (caller instanceof Response) return withCorsHeaders(caller, origin);
    const contractError = checkHttpContract(request);
    if (contractError) return withCorsHeaders(contractError, origin);
    const message = await readMcpMessage(request);
    if (message instanceof Response) return withCorsHeaders(message, origin);
    const fast = answerFast ? await answerFast(request, message, caller) : undefined;
    return withCorsHeaders(fast ?? (await dispatchByEra(request, message, caller)), origin);
  };
}

/** A body-less copy of `request` whose Accept names both MCP response types. */
function withMcpAccept(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.set('accept', 'application/json, text/event-stream');
  return new Request(request.url, { method: 'POST', headers, signal: request.signal });
}
