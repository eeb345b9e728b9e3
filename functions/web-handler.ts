// Adapts a web-standard handler (Request, RequestScope → Response) to an Azure Functions HTTP
// handler, with streamed bodies both ways. The request scope of the invocation is created here.
// A handler that throws gets the HTTP error mapping, never a crash. A handler may also offer a
// direct answer (a request head and its whole small body → plain answer data), tried first for
// small bodies so a complete JSON answer needs no web Request or Response. The registered handler
// carries both faces (shared/http/direct-web-handler.ts) for hosts that hold the request already.
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import azureFunctions, { type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import {
  DIRECT_ANSWER_HANDLER,
  DIRECT_WEB_HANDLER,
  type DirectAnswerHandler,
  type DirectWebHandler,
  type HostedInvocation,
  type ScopedDirectAnswer,
} from '../shared/http/direct-web-handler.js';
import { toWebResponse, wholeBody, type HttpAnswer } from '../shared/http/http-answer.js';
import { LazySignalHead } from '../shared/http/request-head.js';
import { createRequestScope, type RequestScope } from '../shared/request/request-scope.js';
import { toHttpError } from '../shared/errors/to-http.js';
import { UnavailableError } from '../shared/errors/domain-error.js';

const { HttpResponse } = azureFunctions;

export type WebHandler = (request: Request, scope: RequestScope) => Promise<Response>;

/** Bodies declared at most this large are read at once rather than streamed (most MCP requests). */
const SMALL_BODY_BYTES = 64 * 1024;

/** The whole body when its declared length is small, else undefined (it stays a stream). */
async function smallBody(req: HttpRequest): Promise<Uint8Array | undefined> {
  const method = req.method.toUpperCase();
  if (method === 'GET' || method === 'HEAD' || req.body === null) return new Uint8Array();
  const declared = Number(req.headers.get('content-length') ?? Number.NaN);
  if (!Number.isInteger(declared) || declared < 0 || declared > SMALL_BODY_BYTES) return undefined;
  return new Uint8Array(await req.arrayBuffer());
}

/**
 * The web Request for `req`: its body as the bytes already read, as a stream that fails when read
 * (reading it failed: a 400 for the handler, not a 500), or as the stream itself.
 */
export function toWebRequest(req: HttpRequest, read: Uint8Array | Error | undefined): Request {
  const method = req.method.toUpperCase();
  const hasBody = method !== 'GET' && method !== 'HEAD' && req.body !== null;
  const failing = (error: Error) => new ReadableStream({ start: (controller) => controller.error(error) });
  const body = read instanceof Error ? { body: failing(read), duplex: 'half' } : read !== undefined ? { body: read } : { body: req.body, duplex: 'half' };
  return new Request(req.url, { method, headers: req.headers, ...(hasBody ? body : {}) } as RequestInit);
}

export function toHttpResponse(res: Response): InstanceType<typeof HttpResponse> {
  const init: HttpResponseInit = { status: res.status, headers: res.headers };
  if (res.body !== null) init.body = res.body as unknown as NodeReadableStream;
  return new HttpResponse(init);
}

function failureAnswer(error: unknown, invocation: HostedInvocation): HttpAnswer {
  invocation.error(`request failed: ${error instanceof Error ? error.name : 'error'}`);
  const mapped = error instanceof Error && error.name === 'ConfigError' ? new UnavailableError('Service is misconfigured') : error;
  const view = toHttpError(mapped, invocation.invocationId);
  return { status: view.status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(view.body) };
}

export interface WebHandlerOptions {
  /** Answers requests it fully can from head and body alone; undefined hands them to the web handler. */
  direct?: ScopedDirectAnswer;
}

export function webHandler(handler: WebHandler, options: WebHandlerOptions = {}) {
  const serveWeb: DirectWebHandler = async function serveWeb(request, invocation) {
    try {
      return await handler(request, createRequestScope(invocation));
    } catch (error) {
      return toWebResponse(failureAnswer(error, invocation));
    }
  };
  const direct = options.direct;
  const answerDirectly: DirectAnswerHandler | undefined =
    direct &&
    async function answerDirectly(head, body, invocation) {
      try {
        return await direct(head, body, createRequestScope(invocation));
      } catch (error) {
        return failureAnswer(error, invocation);
      }
    };

  async function handleInvocation(req: HttpRequest, invocation: InvocationContext) {
    const bytes = await smallBody(req).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    if (answerDirectly && bytes instanceof Uint8Array) {
      // The worker tells a buffered request nothing of its client going away: a signal that never
      // aborts, made only if something reads it.
      const head = new LazySignalHead(req.method.toUpperCase(), req.url, req.headers, () => new AbortController().signal);
      const answer = await answerDirectly(head, bytes, invocation);
      if (answer !== undefined) return { status: answer.status, headers: answer.headers, body: wholeBody(answer.body) } satisfies HttpResponseInit;
    }
    return toHttpResponse(await serveWeb(toWebRequest(req, bytes), invocation));
  }
  return Object.assign(handleInvocation, { [DIRECT_WEB_HANDLER]: serveWeb, ...(answerDirectly ? { [DIRECT_ANSWER_HANDLER]: answerDirectly } : {}) });
}

/** A handler whose answers are always complete: one function serves the direct and the web faces. */
export function answerHandler(answer: (scope: RequestScope) => Promise<HttpAnswer>) {
  return webHandler(async (_request, scope) => toWebResponse(await answer(scope)), { direct: (_head, _body, scope) => answer(scope) });
}
