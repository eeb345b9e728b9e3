// A small stand-in for the Azure Functions host: serves the registered HTTP functions over
// node:http with the same routing, method and function-key rules, streaming bodies both ways.
// Development tooling only; in Azure the real host does this.
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import azureFunctions, { type HttpRequestInit } from '@azure/functions';
import { directAnswerHandlerOf, directWebHandlerOf } from '../../shared/http/direct-web-handler.js';
import { nodeHttp } from '../../shared/runtime/node-http.js';
import type { HttpAnswer } from '../../shared/http/http-answer.js';
import { memoizeByText } from '../../shared/http/memoize-by-text.js';
import { LazySignalHead } from '../../shared/http/request-head.js';
import { hasValidFunctionKey } from './function-keys.js';
import type { HttpRoute } from './http-routes.js';
import { createInvocationContext, LazyInvocationContext, readsProvidedInput, type ExtraInputValues } from './invocation-context.js';
import { rawHeaderReader } from './raw-headers.js';
import { trackRequestBody, type RequestBody } from './request-body.js';
import { clientGoneSignal } from './client-gone-signal.js';
import type { RunOutcome } from './timer-functions.js';

const ADMIN_RUN_PATH = /^\/admin\/functions\/([A-Za-z0-9_-]{1,128})$/;
const ADMIN_RUN_STATUS: Readonly<Record<RunOutcome, number>> = { ran: 202, failed: 202, busy: 409, unknown: 404 };

const { HttpRequest, HttpResponse } = azureFunctions;

export interface LocalHostOptions {
  routes: readonly HttpRoute[];
  functionKey: string;
  /** Where function logs (context.log) go. */
  log?: (level: string, message: string) => void;
  /**
   * Values of extra input bindings by binding type, as extensions supply them (the durable
   * client's data). A function reading one gets a full InvocationContext on every lane.
   */
  extraInputValues?: ExtraInputValues;
  /**
   * Runs a non-HTTP function now, for POST /admin/functions/{name} (the host's admin API, with
   * the function key standing in for the master key); absent, the route does not exist.
   */
  runFunction?: (name: string) => Promise<RunOutcome>;
}

interface RouteHit {
  readonly route: HttpRoute;
  readonly params: Readonly<Record<string, string>>;
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
  return nodeHttp.createServer({ ...CONNECTION_TIMEOUTS }, listener);
}

/** A server for `options.routes`: createHostServer with createLocalHostListener. */
export function createLocalHostServer(options: LocalHostOptions): http.Server {
  return createHostServer(createLocalHostListener(options));
}

/** Serves `options.routes` like the Functions host; for a server made by createHostServer. */
export function createLocalHostListener(options: LocalHostOptions): http.RequestListener {
  const log = options.log ?? (() => {});
  const extraInputValues = options.extraInputValues;
  // Decided once per route: the direct lanes get a plain invocation object, or a lazy context for a function reading an extra input.
  const needsContext = new Set(options.routes.filter((route) => readsProvidedInput(route.bindings, extraInputValues)));
  // The routes whose template matches a path, and their parameters, kept per path (the same few come back).
  const routesAt = memoizeByText(
    (pathname): readonly RouteHit[] =>
      options.routes.flatMap((route) => {
        const params = route.route.match(pathname);
        return params === null ? [] : [Object.freeze({ route, params: Object.freeze(params) })];
      }),
    { maxEntries: 256, maxLength: 2048 },
  );
  return function serveLocalHost(req, res) {
    const body = trackRequestBody(req, res);
    handle(req, res, body).catch((error: unknown) => {
      log('error', `local host failure: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'INTERNAL', message: 'Internal error' } }, body.answerHeaders());
      else res.destroy();
    });
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: RequestBody): Promise<void> {
    const url = requestUrl(req.headers.host, req.url);
    // `Host: user@localhost` (or an absolute-form target with userinfo) parses, but a web
    // Request refuses URLs with credentials: a client error, not a 500.
    if (url === undefined || url.username !== '' || url.password !== '') {
      sendJson(res, 400, { error: { code: 'BAD_REQUEST', message: 'Invalid Host header or URL' } }, body.answerHeaders());
      return;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const adminRun = options.runFunction && ADMIN_RUN_PATH.exec(url.pathname);
    if (adminRun) {
      const key = new Request(url, { headers: toHeaders(req.headers) });
      if (method !== 'POST') sendJson(res, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: 'Use POST' } }, { allow: 'POST', ...body.answerHeaders() });
      else if (!hasValidFunctionKey(key, options.functionKey)) sendJson(res, 401, { error: { code: 'UNAUTHORIZED', message: 'The function key is required (x-functions-key)' } }, body.answerHeaders());
      else {
        const outcome = await options.runFunction!(adminRun[1]!);
        sendJson(res, ADMIN_RUN_STATUS[outcome], { function: adminRun[1], outcome }, body.answerHeaders());
      }
      return;
    }
    const candidates = routesAt(url.pathname);
    const hit = candidates.find((entry) => entry.route.methods.has(method));
    if (!hit) {
      if (candidates.length > 0) {
        const allow = [...new Set(candidates.flatMap((entry) => [...entry.route.methods]))].join(', ');
        sendJson(res, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: `Use ${allow}` } }, { allow, ...body.answerHeaders() });
      } else sendJson(res, 404, { error: { code: 'NOT_FOUND', message: `No function at ${url.pathname}` } }, body.answerHeaders());
      return;
    }
    const clientGone = clientGoneSignal(res);
    const hasBody = method !== 'GET' && method !== 'HEAD';
    let small: Buffer | undefined;
    try {
      small = hasBody ? await body.small() : undefined;
    } catch {
      res.destroy(); // the client went away before its body arrived: nobody to answer
      return;
    }
    const invocationId = randomUUID();
    const functionName = hit.route.functionName;
    // As the Functions host does, the invocation continues the caller's W3C trace (here the caller's
    // own traceparent stands for the host's request span).
    const traceParent = req.headers.traceparent;
    const traceContext = typeof traceParent === 'string' ? { traceParent } : undefined;
    const contextOptions = { invocationId, functionName, bindings: hit.route.bindings, extraInputValues, log, traceContext };
    const invocation = needsContext.has(hit.route) ? new LazyInvocationContext(contextOptions) : { invocationId, functionName, error: (message: string) => log('error', message), traceContext };
    // A registration with a direct-answer face answers a small request from its head and bytes,
    // with no web Request built; what it hands back goes the web way below.
    const direct = hit.route.authLevel === 'anonymous' ? directAnswerHandlerOf(hit.route.callback) : undefined;
    if (direct !== undefined && (small !== undefined || !hasBody)) {
      const head = new LazySignalHead(method, url.href, rawHeaderReader(req), clientGone);
      const answer = await direct(head, small ?? new Uint8Array(), invocation);
      if (answer !== undefined) {
        writeAnswer(res, answer, body.answerHeaders());
        return;
      }
    }
    const nativeRequest = new Request(url, {
      method,
      headers: toHeaders(req.headers),
      signal: clientGone(),
      ...(hasBody ? (small !== undefined ? { body: small as Uint8Array<ArrayBuffer> } : { body: body.stream(), duplex: 'half' }) : {}),
    });
    if (hit.route.authLevel !== 'anonymous' && !hasValidFunctionKey(nativeRequest, options.functionKey)) {
      const message = 'A function key is required (x-functions-key header or code query parameter)';
      sendJson(res, 401, { error: { code: 'UNAUTHORIZED', message } }, body.answerHeaders());
      return;
    }
    // A registration with a direct web face gets the Request as it is, as the worker's streamed
    // HTTP would hand it over; anything else gets the library's HttpRequest and InvocationContext.
    const web = directWebHandlerOf(hit.route.callback);
    if (web !== undefined) {
      await writeResponse(res, await web(nativeRequest, invocation), body.answerHeaders());
      return;
    }
    const request = new HttpRequest({ nativeRequest, params: { ...hit.params } } as unknown as HttpRequestInit);
    const context = createInvocationContext(contextOptions);
    const result = await hit.route.callback(request, context);
    await writeResponse(res, isHttpResponse(result) ? result : new HttpResponse(result ?? {}), body.answerHeaders());
  }
}

/**
 * Parsed URLs by `<host>\n<target>` (neither can hold a line break), which clients repeat: parsing
 * one is measurable per request. Pairs over 512 characters are parsed every time. The URLs are
 * shared: read them, never change them.
 */
const parsedUrl = memoizeByText(
  (key) => {
    const newline = key.indexOf('\n');
    try {
      return new URL(key.slice(newline + 1), `http://${key.slice(0, newline)}`);
    } catch {
      return undefined;
    }
  },
  { maxEntries: 256, maxLength: 512 },
);

/** The request's URL as the host sees it (read-only), or undefined when Host and target do not make one. */
function requestUrl(host: string | undefined, target: string | undefined): URL | undefined {
  return parsedUrl(`${host ?? 'localhost'}\n${target ?? '/'}`);
}

function toHeaders(incoming: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

/** An answer to write: a web Response, or an HttpResponse of any copy of the library (a bundled app carries its own). */
interface HttpResponseLike {
  readonly status?: number;
  readonly headers: Headers;
  readonly body: unknown;
  arrayBuffer(): Promise<ArrayBuffer>;
}

function isHttpResponse(value: unknown): value is HttpResponseLike {
  return value instanceof HttpResponse || (value !== null && typeof value === 'object' && 'headers' in value && value.headers instanceof Headers && 'arrayBuffer' in value);
}

/** A complete answer in one write (parts corked into one writev, none copied), with its length. */
function writeAnswer(res: http.ServerResponse, answer: HttpAnswer, hostHeaders: Record<string, string>): void {
  const body = answer.body;
  const head = { ...answer.headers, ...hostHeaders };
  if (typeof body === 'string') {
    // Text goes to the socket as it is (encoded there), without a Buffer made for it here.
    res.writeHead(answer.status, { ...head, 'content-length': String(Buffer.byteLength(body, 'utf8')) });
    res.end(body, 'utf8');
    return;
  }
  const parts: readonly Uint8Array[] = Array.isArray(body) ? (body as readonly Uint8Array[]) : [body as Uint8Array];
  res.writeHead(answer.status, { ...head, 'content-length': String(parts.reduce((length, part) => length + part.byteLength, 0)) });
  res.cork();
  for (const part of parts) res.write(part);
  res.end();
  res.uncork();
}

async function writeResponse(res: http.ServerResponse, response: HttpResponseLike, hostHeaders: Record<string, string>): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  Object.assign(headers, hostHeaders);
  const body = response.body;
  if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream') || body === null) {
    // A complete answer goes out as headers and body in one write, with its length.
    const bytes = body === null ? undefined : Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status ?? 200, bytes === undefined ? headers : { ...headers, 'content-length': String(bytes.byteLength) });
    res.end(bytes);
    return;
  }
  // Streams (SSE) show their headers at once and each event as it comes.
  res.writeHead(response.status ?? 200, headers);
  res.flushHeaders();
  await new Promise<void>((resolve) => {
    const stream = Readable.fromWeb(body as NodeReadableStream);
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
