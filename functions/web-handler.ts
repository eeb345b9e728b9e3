// Adapts a web-standard handler (Request, RequestScope → Response) to an Azure Functions HTTP
// handler, with streamed bodies both ways. The request scope of the invocation is created here.
// A handler that throws gets the HTTP error mapping, never a crash.
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import azureFunctions, { type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { createRequestScope, type RequestScope } from '../shared/request/request-scope.js';
import { httpErrorResponse } from '../shared/errors/to-http.js';
import { UnavailableError } from '../shared/errors/domain-error.js';

const { HttpResponse } = azureFunctions;

export type WebHandler = (request: Request, scope: RequestScope) => Promise<Response>;

export function toWebRequest(req: HttpRequest): Request {
  const method = req.method.toUpperCase();
  const hasBody = method !== 'GET' && method !== 'HEAD' && req.body !== null;
  return new Request(req.url, {
    method,
    headers: req.headers,
    ...(hasBody ? { body: req.body, duplex: 'half' } : {}),
  } as RequestInit);
}

export function toHttpResponse(res: Response): InstanceType<typeof HttpResponse> {
  const init: HttpResponseInit = { status: res.status, headers: res.headers };
  if (res.body !== null) init.body = res.body as unknown as NodeReadableStream;
  return new HttpResponse(init);
}

export function webHandler(handler: WebHandler) {
  return async function handleInvocation(req: HttpRequest, invocation: InvocationContext) {
    try {
      return toHttpResponse(await handler(toWebRequest(req), createRequestScope(invocation)));
    } catch (error) {
      invocation.error(`request failed: ${error instanceof Error ? error.name : 'error'}`);
      const mapped = error instanceof Error && error.name === 'ConfigError' ? new UnavailableError('Service is misconfigured') : error;
      return toHttpResponse(httpErrorResponse(mapped, invocation.invocationId));
    }
  };
}
