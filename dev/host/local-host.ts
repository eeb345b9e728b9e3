// A small stand-in for the Azure Functions host: serves the registered HTTP functions over
// node:http with the same routing, method and function-key rules, streaming bodies both ways.
// Development tooling only; in Azure the real host does this.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { Readable } from 'node:stream';
import azureFunctions, { type HttpRequestInit } from '@azure/functions';
import { hasValidFunctionKey } from './function-keys.js';
import type { HttpRoute } from './http-routes.js';
import { trackRequestBody, type RequestBody } from './request-body.js';

const { HttpRequest, HttpResponse, InvocationContext } = azureFunctions;

export interface LocalHostOptions {
  routes: readonly HttpRoute[];
  functionKey: string;
  /** Where function logs (context.log) go. */
  log?: (level: string, message: string) => void;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/**
 * How long connections may idle, send their headers and send a whole request: the keep-alive
 * timeout outlasts the 60 s idle timeout of common proxies and load balancers.
 */
export const CONNECTION_TIMEOUTS = { keepAliveTimeout: 65_000, headersTimeout: 30_000, requestTimeout: 120_000 } as const;

/** The node:http server every local host listens with, carrying CONNECTION_TIMEOUTS. */
export function createHostServer(listener: http.RequestListener): http.Server {
  return http.createServer({ ...CONNECTION_TIMEOUTS }, listener);
}

/** A server for `options.routes`: createHostServer with createLocalHostListener. */
export function createLocalHostServer(options: LocalHostOptions): http.Server {
  return createHostServer(createLocalHostListener(options));
}

/** Serves `options.routes` like the Functions host; for a server made by createHostServer. */
export function createLocalHostListener(options: LocalHostOptions): http.RequestListener {
  const log = options.log ?? (() => {});
  return function serveLocalHost(req, res) {
    const body = trackRequestBody(req, res);
    handle(req, res, body).catch((error: unknown) => {
      log('error', `local host failure: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'INTERNAL', message: 'Internal error' } }, body.answerHeaders());
      else res.destroy();
    });
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: RequestBody): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    } catch {
      sendJson(res, 400, { error: { code: 'BAD_REQUEST', message: 'Invalid Host header or URL' } }, body.answerHeaders());
      return;
    }
    // `Host: user@localhost` (or an absolute-form target with userinfo) parses, but a web
    // Request refuses URLs with credentials: a client error, not a 500.
    if (url.username !== '' || url.password !== '') {
      sendJson(res, 400, { error: { code: 'BAD_REQUEST', message: 'Invalid Host header or URL' } }, body.answerHeaders());
      return;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const candidates = options.routes
      .map((route) => ({ route, params: route.route.match(url.pathname) }))
      .filter((entry) => entry.params !== null);
    const hit = candidates.find((entry) => entry.route.methods.has(method));
    if (!hit) {
      if (candidates.length > 0) {
        const allow = [...new Set(candidates.flatMap((entry) => [...entry.route.methods]))].join(', ');
        sendJson(res, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: `Use ${allow}` } }, { allow, ...body.answerHeaders() });
      } else sendJson(res, 404, { error: { code: 'NOT_FOUND', message: `No function at ${url.pathname}` } }, body.answerHeaders());
      return;
    }
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const nativeRequest = new Request(url, {
      method,
      headers: toHeaders(req.headers),
      signal: abort.signal,
      ...(hasBody ? { body: body.stream(), duplex: 'half' } : {}),
    });
    if (hit.route.authLevel !== 'anonymous' && !hasValidFunctionKey(nativeRequest, options.functionKey)) {
      const message = 'A function key is required (x-functions-key header or code query parameter)';
      sendJson(res, 401, { error: { code: 'UNAUTHORIZED', message } }, body.answerHeaders());
      return;
    }
    // The same construction the real worker uses for streamed HTTP (a native Request inside).
    const request = new HttpRequest({ nativeRequest, params: hit.params ?? {} } as unknown as HttpRequestInit);
    const invocationId = randomUUID();
    const context = new InvocationContext({
      invocationId,
      functionName: hit.route.functionName,
      logHandler: (level, ...args) => log(level, args.map(String).join(' ')),
    });
    const result = await hit.route.callback(request, context);
    const response = result instanceof HttpResponse ? result : new HttpResponse((result ?? {}));
    await writeResponse(res, response, body.answerHeaders());
  }
}

function toHeaders(incoming: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

async function writeResponse(res: http.ServerResponse, response: InstanceType<typeof HttpResponse>, hostHeaders: Record<string, string>): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  Object.assign(headers, hostHeaders);
  res.writeHead(response.status ?? 200, headers);
  // Streams (SSE) must show their headers at once; a plain body goes out with them in one write.
  if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream')) res.flushHeaders();
  const body = response.body;
  if (body === null) {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = Readable.fromWeb(body);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}
