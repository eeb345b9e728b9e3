// Adapts a web-standard handler (Request → Response) to an Azure Functions HTTP handler, with
// streamed bodies both ways. A handler that throws gets the HTTP error mapping, never a crash.
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import azureFunctions, { type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { httpErrorResponse } from '../shared/errors/to-http.js';
import { UnavailableError } from '../shared/errors/domain-error.js';

const { HttpResponse } = azureFunctions;

export type WebHandler = (request: Request, invocation: InvocationContext) => Promise<Response>;

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
  return async (req: HttpRequest, invocation: InvocationContext) => {
    try {
      return toHttpResponse(await handler(toWebRequest(req), invocation));
    } catch (error) {
      invocation.error(`request failed: ${error instanceof Error ? error.name : 'error'}`);
      const mapped = error instanceof Error && error.name === 'ConfigError' ? new UnavailableError('Service is misconfigured') : error;
      return toHttpResponse(httpErrorResponse(mapped, invocation.invocationId));
    }
  };
}
