// A node:http server that misbehaves on cue, for fault-injection tests of outbound calls: it
// answers a status (503 with Retry-After, 429 …), hangs, resets the connection, or forwards the
// request to a healthy upstream (recovery), or forwards it and then drops the connection instead of
// answering (the request was applied, its answer lost). Planned faults are used one per request, then the
// default mode applies; `only()` limits faults to some requests (e.g. writes), forwarding the rest;
// `stop()` frees the port so connections are refused, `restart()` binds it again. Counts
// requests, so a test can show a call was (not) made.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultMode =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'forward' }
  | { kind: 'forward-then-reset' };

export interface FaultServer {
  /** This server's origin with `path` (the upstream's path, e.g. `/mcp`). */
  url(path: string): string;
  readonly port: number;
  /** Requests received since start (or the last `resetCount`). */
  readonly requests: number;
  resetCount(): void;
  /** The mode for requests with no planned fault. */
  setMode(mode: FaultMode): void;
  /** Faults for the next requests, one each, before the default mode applies again. */
  plan(...modes: FaultMode[]): void;
  /** Faults (planned and the mode) apply only to requests `accepts` takes; the others are forwarded. Undefined: all. */
  only(accepts: ((req: http.IncomingMessage) => boolean) | undefined): void;
  /** Headers of the last request received. */
  readonly lastHeaders: http.IncomingHttpHeaders | undefined;
  /** Closes the listener (connections are then refused) and any hanging request. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
}

export async function startFaultServer(options: { upstream?: string; mode?: FaultMode } = {}): Promise<FaultServer> {
  let mode: FaultMode = options.mode ?? { kind: 'forward' };
  const planned: FaultMode[] = [];
  let accepts: ((req: http.IncomingMessage) => boolean) | undefined;
  let requests = 0;
  let lastHeaders: http.IncomingHttpHeaders | undefined;
  const server = createServer();
  await listen(server, 0);
  const port = (server.address() as AddressInfo).port;
  let current = server;

  function createServer(): http.Server {
    return http.createServer(function misbehave(req, res) {
      requests += 1;
      lastHeaders = req.headers;
      const fault = accepts === undefined || accepts(req) ? (planned.shift() ?? mode) : { kind: 'forward' as const };
      if (fault.kind === 'hang') return void req.resume();
      if (fault.kind === 'reset') return void req.socket.destroy();
      if (fault.kind === 'status') {
        req.resume();
        res.writeHead(fault.status, { 'content-type': 'text/plain', ...fault.headers });
        return void res.end(fault.body ?? `fault ${fault.status}`);
      }
      void forward(req, res, fault.kind === 'forward-then-reset');
    });
  }

  async function forward(req: http.IncomingMessage, res: http.ServerResponse, loseAnswer = false): Promise<void> {
    if (options.upstream === undefined) throw new Error('forward mode needs an upstream');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && name !== 'host') headers.set(name, value);
    try {
      const upstream = await fetch(new URL(req.url ?? '/', options.upstream), { method: req.method ?? 'POST', headers, ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}) });
      if (loseAnswer) {
        await upstream.arrayBuffer();
        return void req.socket.destroy();
      }
      const body = Buffer.from(await upstream.arrayBuffer());
      const outgoing: Record<string, string> = {};
      upstream.headers.forEach((value, name) => {
        if (name !== 'content-length' && name !== 'transfer-encoding' && name !== 'content-encoding') outgoing[name] = value;
      });
      // The body as fetch decoded it, with its own length (the Blob SDK insists on one for downloads).
      if (req.method !== 'HEAD') outgoing['content-length'] = String(body.length);
      else if (upstream.headers.get('content-length') !== null) outgoing['content-length'] = upstream.headers.get('content-length')!;
      res.writeHead(upstream.status, outgoing);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.destroy();
    }
  }

  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    port,
    get requests() {
      return requests;
    },
    resetCount() {
      requests = 0;
    },
    setMode(next) {
      mode = next;
    },
    plan(...modes) {
      planned.push(...modes);
    },
    only(predicate) {
      accepts = predicate;
    },
    get lastHeaders() {
      return lastHeaders;
    },
    async stop() {
      current.closeAllConnections();
      await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    async restart() {
      current = createServer();
      await listen(current, port);
    },
  };
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}
