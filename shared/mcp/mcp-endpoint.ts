// The MCP endpoint, built once per process, with two faces: `web` (Request → Response) for any
// request, and `direct` (a request head and its whole small body → a complete answer) for hosts
// that have not built a web Request, which answers what it fully can and hands the rest back.
// A request passes named stages: guardHostAndOrigin (DNS rebinding), answerPreflight (CORS),
// authenticateCaller, checkHttpContract (method, media types), readMcpMessage (size, JSON),
// then the fast path (one tools/list or tools/call, answered from structures built once) or
// dispatchByEra: the 2025-era stateless leg (after its protocol-version check) or the SDK's
// 2026-07-28 handler. Each stage either answers or hands on; a refusal names its reason to the
// request's telemetry (`scope.trace`, present only while telemetry is on).
import type { RequestAuthenticator } from '../auth/authenticate-request.js';
import { withCaller, type CallerScope, type RequestScope } from '../request/request-scope.js';
import { preflightAnswer, withCorsHeaders, withCorsHeadersOnResponse } from '../http/cors.js';
import { hostAllowList, isOriginAllowed } from '../http/host-origin.js';
import { toWebResponse, type HttpAnswer } from '../http/http-answer.js';
import { JSON_RPC, jsonRpcError } from '../http/json-rpc-response.js';
import { acceptsMcpResponses, isJsonContentType } from '../http/media-types.js';
import { parseJsonBody, readJsonBody, type JsonBody } from '../http/read-json-body.js';
import type { RequestHead } from '../http/request-head.js';
import { createFastPath, type FastPathOptions } from './fast-path/fast-dispatch.js';
import type { SdkPath } from './sdk-path.js';

export interface McpEndpointOptions {
  /** The SDK path, loaded on first use (see sdk-path.ts). */
  sdkPath: () => Promise<SdkPath>;
  allowedHosts: readonly string[];
  allowedOrigins: readonly string[];
  maxBodyBytes: number;
  /** Verifies the caller; runs after the Host/Origin checks and CORS preflight, before anything else. */
  authenticate: RequestAuthenticator;
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

/** A stage's refusal: the answer, and the reason telemetry records (`host_not_allowed` …). */
interface Refusal {
  readonly answer: HttpAnswer;
  readonly reason: string;
}

export function createMcpEndpoint(options: McpEndpointOptions): McpEndpoint {
  const { allowedOrigins, maxBodyBytes } = options;
  const isAllowedHost = hostAllowList(options.allowedHosts);
  const answerFast = options.fastPath ? createFastPath({ ...options.fastPath, sdkAnswer: dispatchByEra }) : undefined;

  function guardHostAndOrigin(head: RequestHead): Refusal | undefined {
    if (!isAllowedHost(head.headers.get('host') ?? new URL(head.url).host)) {
      return { reason: 'host_not_allowed', answer: jsonRpcError(403, JSON_RPC.SERVER_ERROR, 'Forbidden: Host header is not allowed') };
    }
    if (!isOriginAllowed(head.headers.get('origin'), allowedOrigins)) {
      return { reason: 'origin_not_allowed', answer: jsonRpcError(403, JSON_RPC.SERVER_ERROR, 'Forbidden: Origin is not allowed') };
    }
    return undefined;
  }

  function answerPreflight(origin: string | null): HttpAnswer {
    return origin === null ? jsonRpcError(403, JSON_RPC.SERVER_ERROR, 'Forbidden: preflight without an Origin') : preflightAnswer(origin);
  }

  async function authenticateCaller(head: RequestHead, scope: RequestScope): Promise<CallerScope | Refusal> {
    const auth = await options.authenticate(head);
    return auth.ok ? withCaller(scope, auth.principal) : { answer: auth.answer, reason: auth.reason };
  }

  function checkHttpContract(head: RequestHead): Refusal | undefined {
    if (head.method !== 'POST') {
      return { reason: 'method_not_allowed', answer: jsonRpcError(405, JSON_RPC.SERVER_ERROR, 'Method not allowed: this stateless endpoint accepts POST only', { allow: 'POST' }) };
    }
    if (!isJsonContentType(head.headers.get('content-type'))) {
      return { reason: 'unsupported_media_type', answer: jsonRpcError(415, JSON_RPC.SERVER_ERROR, 'Unsupported Media Type: Content-Type must be application/json') };
    }
    if (!acceptsMcpResponses(head.headers.get('accept'))) {
      return { reason: 'not_acceptable', answer: jsonRpcError(406, JSON_RPC.SERVER_ERROR, 'Not Acceptable: Accept must include application/json and text/event-stream') };
    }
    return undefined;
  }

  function readMcpMessage(body: JsonBody): { message: McpMessage } | Refusal {
    if (body.kind === 'too_large') return { reason: 'payload_too_large', answer: jsonRpcError(413, JSON_RPC.SERVER_ERROR, `Payload Too Large: the body exceeds ${maxBodyBytes} bytes`) };
    if (body.kind === 'unreadable') return { reason: 'unreadable_body', answer: jsonRpcError(400, JSON_RPC.PARSE_ERROR, 'Parse error: the body could not be read') };
    if (body.kind !== 'json') return { reason: 'parse_error', answer: jsonRpcError(400, JSON_RPC.PARSE_ERROR, 'Parse error: the body is not valid JSON') };
    if (body.value === null || typeof body.value !== 'object') {
      return { reason: 'invalid_request', answer: jsonRpcError(400, JSON_RPC.INVALID_REQUEST, 'Invalid Request: expected a JSON-RPC message object') };
    }
    return { message: body.value };
  }

  /** The refusal's answer (with CORS headers for an allowed origin), its reason told to telemetry. */
  function refuse(refusal: Refusal, scope: RequestScope, origin?: string | null): { answer: HttpAnswer } {
    scope.trace?.refused(refusal.reason);
    return { answer: origin === undefined ? refusal.answer : withCorsHeaders(refusal.answer, origin) };
  }

  /** Every stage up to the SDK: an answer, or the message the SDK path must serve. */
  async function decide(head: RequestHead, readBody: () => Promise<JsonBody>, scope: RequestScope): Promise<Outcome> {
    const refused = guardHostAndOrigin(head);
    if (refused) return refuse(refused, scope);
    const origin = head.headers.get('origin');
    if (head.method === 'OPTIONS') {
      if (origin === null) scope.trace?.refused('preflight_without_origin');
      return { answer: answerPreflight(origin) };
    }
    const caller = await authenticateCaller(head, scope);
    if (!('caller' in caller)) return refuse(caller, scope, origin);
    const contractError = checkHttpContract(head);
    if (contractError) return refuse(contractError, scope, origin);
    const read = readMcpMessage(await readBody());
    if ('answer' in read) return refuse(read, scope, origin);
    const fast = answerFast ? await answerFast(head, read.message, caller) : undefined;
    return fast ? { answer: withCorsHeaders(fast, origin) } : { sdk: read.message, caller };
  }

  async function dispatchByEra(request: Request, message: McpMessage, scope: CallerScope): Promise<Response> {
    return (await options.sdkPath()).dispatch(request, message, scope);
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
