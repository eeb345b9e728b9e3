// The runner's local HTTP endpoint, where DurableClient sends its calls (the extension's
// "local RPC endpoint"). It listens on 127.0.0.1 on a free port, under a base path holding a random
// secret: the URL is the capability, as nothing else guards it. Anything outside that path gets a
// bare 404. Bodies are limited; a fault answers 500 with the extension's error body.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { nodeHttp } from '../../shared/runtime/node-http.js';
import type { InvocationLog } from '../host/invocation-context.js';
import { answerRpc, type RpcAnswer, type RpcContext } from './rpc-handlers.js';

/** Largest request body accepted (an orchestration input or event payload). */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface RpcServer {
  /** The base URL clients use, ending with a slash. */
  readonly baseUrl: string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, answer: RpcAnswer): void {
  const text = answer.body === undefined ? undefined : JSON.stringify(answer.body);
  const headers: Record<string, string> = { ...answer.headers, 'content-length': String(text === undefined ? 0 : Buffer.byteLength(text)) };
  if (text !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
  res.writeHead(answer.status, headers);
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The part of `pathname` after `/durabletask/<secret>/`, or undefined when the secret does not match. */
function pathAfterBase(pathname: string, secret: Buffer): string | undefined {
  const match = /^\/durabletask\/([^/]+)(?:\/(.*))?$/u.exec(pathname);
  const given = Buffer.from(match?.[1] ?? '');
  if (match === null || given.byteLength !== secret.byteLength || !timingSafeEqual(given, secret)) return undefined;
  return (match[2] ?? '').replace(/^\/+|\/+$/gu, '');
}

/** Starts the endpoint; `context` answers what reaches it. */
export async function startRpcServer(context: RpcContext, log: InvocationLog): Promise<RpcServer> {
  const secret = Buffer.from(randomBytes(32).toString('base64url'));
  const server = nodeHttp.createServer({ requestTimeout: 60_000 }, function serveRpc(req, res) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = pathAfterBase(url.pathname, secret);
    if (path === undefined) {
      req.resume();
      send(res, { status: 404 });
      return;
    }
    readBody(req)
      .then(async (body) => {
        if (body === undefined) return send(res, { status: 413, body: { Message: `The request body exceeds ${MAX_BODY_BYTES} bytes.` } });
        const request = { method: req.method ?? 'GET', url: `http://${req.headers.host ?? '127.0.0.1'}${url.pathname}${url.search}`, path, query: url.search.slice(1), contentType: req.headers['content-type'], body };
        send(res, await answerRpc(request, context));
      })
      .catch((error: unknown) => {
        log('error', `durable runner: RPC ${req.method ?? ''} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        const exception = { message: error instanceof Error ? error.message : String(error), type: 'System.Exception' };
        if (!res.headersSent) send(res, { status: 500, body: { Message: 'Something went wrong while processing your request', ExceptionMessage: exception.message, ExceptionType: exception.type, StackTrace: null } });
        else res.destroy();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/durabletask/${secret.toString()}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
