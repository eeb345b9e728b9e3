// The MCP endpoint, built once per process, with two faces: `web` (Request → Response) for any
// request, and `direct` (a request head and its whole small body → a complete answer) for hosts
// that have not built a web Request, which answers what it fully can and hands the rest back.
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
import { preflightAnswer, withCorsHeaders, withCorsHeadersOnResponse } from '../http/cors.js';
import { isHostAllowed, isOriginAllowed } from '../http/host-origin.js';
import { toWebResponse, type HttpAnswer } from '../http/http-answer.js';
import { JSON_RPC, jsonRpcError } from '../http/json-rpc-response.js';
import { acceptsMcpResponses, acceptsMcpResponsesExplicitly, isJsonContentType } from '../http/media-types.js';
import { parseJsonBody, readJsonBody, type JsonBody } from '../http/read-json-body.js';
import type { RequestHead } from '../http/request-head.js';
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

export interface McpEndpoint {
  /** Answers any request to the endpoint. */
  web(request: Request, scope: RequestScope): Promise<Response>;
  /**
   * Answers a request whose whole body is at hand when it can do so without the SDK (every
   * refusal, and what the fast path answers); undefined hands it back, to be served by `web`.
   */
  direct(head: RequestHead, body: Uint8Array, scope: RequestScope): Promise<HttpAnswer | undefined>;
}

/** A JSON-RPC message object (or batch) read from the body. */
type McpMessage = object;

/** What the stages decided: a complete answer, or the message for the SDK path. */
type Outcome = { answer: HttpAnswer } | { sdk: McpMessage; caller: CallerScope };

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

  function guardHostAndOrigin(head: RequestHead): HttpAnswer | undefined {
    if (!isHostAllowed(head.headers.get('host') ?? new URL(head.url).host, allowedHosts)) {
      return jsonRpcError(403, JSON_RPC.SERVER_ERROR, 'Forbidden: Host header is not allowed');
    }
    if (!isOriginAllowed(head.headers.get('origin'), allowedOrigins)) {
      return jsonRpcError(403, JSON_RPC.SERVER_ERROR, 'Forbidden: Origin is not allowed');
    }
    return undefined;
  }

  function answerPreflight(origin: string | null): HttpAnswer {
    return origin === null ? jsonRpcError(403, JSON_RPC.SERVER_ERROR, 'Forbidden: preflight without an Origin') : preflightAnswer(origin);
  }

  async function authenticateCaller(head: RequestHead, scope: RequestScope): Promise<CallerScope | HttpAnswer> {
    const auth = await options.authenticate(head);
    return auth.ok ? withCaller(scope, auth.principal) : auth.answer;
  }

  function checkHttpContract(head: RequestHead): HttpAnswer | undefined {
    if (head.method !== 'POST') {
      return jsonRpcError(405, JSON_RPC.SERVER_ERROR, 'Method not allowed: this stateless endpoint accepts POST only', { allow: 'POST' });
    }
    if (!isJsonContentType(head.headers.get('content-type'))) {
      return jsonRpcError(415, JSON_RPC.SERVER_ERROR, 'Unsupported Media Type: Content-Type must be application/json');
    }
    if (!acceptsMcpResponses(head.headers.get('accept'))) {
      return jsonRpcError(406, JSON_RPC.SERVER_ERROR, 'Not Acceptable: Accept must include application/json and text/event-stream');
    }
    return undefined;
  }

  function readMcpMessage(body: JsonBody): { message: McpMessage } | { answer: HttpAnswer } {
    if (body.kind === 'too_large') return { answer: jsonRpcError(413, JSON_RPC.SERVER_ERROR, `Payload Too Large: the body exceeds ${maxBodyBytes} bytes`) };
    if (body.kind === 'unreadable') return { answer: jsonRpcError(400, JSON_RPC.PARSE_ERROR, 'Parse error: the body could not be read') };
    if (body.kind !== 'json') return { answer: jsonRpcError(400, JSON_RPC.PARSE_ERROR, 'Parse error: the body is not valid JSON') };
    if (body.value === null || typeof body.value !== 'object') {
      return { answer: jsonRpcError(400, JSON_RPC.INVALID_REQUEST, 'Invalid Request: expected a JSON-RPC message object') };
    }
    return { message: body.value };
  }

  /** Every stage up to the SDK: an answer, or the message the SDK path must serve. */
  async function decide(head: RequestHead, readBody: () => Promise<JsonBody>, scope: RequestScope): Promise<Outcome> {
    const refused = guardHostAndOrigin(head);
    if (refused) return { answer: refused };
    const origin = head.headers.get('origin');
    if (head.method === 'OPTIONS') return { answer: answerPreflight(origin) };
    const caller = await authenticateCaller(head, scope);
    if (!('caller' in caller)) return { answer: withCorsHeaders(caller, origin) };
    const contractError = checkHttpContract(head);
    if (contractError) return { answer: withCorsHeaders(contractError, origin) };
    const read = readMcpMessage(await readBody());
    if ('answer' in read) return { answer: withCorsHeaders(read.answer, origin) };
    const fast = answerFast ? await answerFast(head, read.message, caller) : undefined;
    return fast ? { answer: withCorsHeaders(fast, origin) } : { sdk: read.message, caller };
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
      return toWebResponse(
        jsonRpcError(400, JSON_RPC.SERVER_ERROR, `Bad Request: unsupported MCP-Protocol-Version ${JSON.stringify(version.slice(0, 40))}; supported: ${ALL_PROTOCOL_VERSIONS.join(', ')}`),
      );
    }
    const authInfo = toAuthInfo({ scope, onlyTool: singleToolCallName(message) });
    return isLegacy ? legacy(forward, message, authInfo) : modern.fetch(forward, { authInfo, parsedBody: message });
  }

  return {
    web: async function handleMcpRequest(request, scope) {
      const outcome = await decide(request, () => readJsonBody(request, maxBodyBytes), scope);
      if ('answer' in outcome) return toWebResponse(outcome.answer);
      return withCorsHeadersOnResponse(await dispatchByEra(request, outcome.sdk, outcome.caller), request.headers.get('origin'));
    },
    direct: async function answerMcpDirectly(head, body, scope) {
      if (body.byteLength > maxBodyBytes) return undefined;
      const outcome = await decide(head, async () => parseJsonBody(body), scope);
      return 'answer' in outcome ? outcome.answer : undefined;
    },
  };
}

/** A body-less copy of `request` whose Accept names both MCP response types. */
function withMcpAccept(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.set('accept', 'application/json, text/event-stream');
  return new Request(request.url, { method: 'POST', headers, signal: request.signal });
}
