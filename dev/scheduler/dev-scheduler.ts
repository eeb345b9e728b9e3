// A small, real scheduler for development and tests (not deployed): an MCP server over node:http
// at `<url>` offering `schedule_conversation`, keeping jobs in memory, and at each job's time
// (or `deliverAfterMs` after scheduling, to compress time) POSTing the signed callback to the
// job's callback URL, with retries. When `apiKey` is set, every request needs it in `x-api-key`.
import { createHash, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { nodeHttp } from '../../shared/runtime/node-http.js';
import { systemClock, type Clock } from '../../shared/time/clock.js';
import { DEFAULT_DELIVERY_POLICY, deliverCallback, type CallbackSigner, type DeliveryPolicy, type DeliveryRecord } from './callback-delivery.js';
import { createJobBook, type DevJob } from './job-book.js';
import { createScheduleHandler } from './schedule-tool.js';

/** The MCP endpoint's path. */
export const DEV_SCHEDULER_PATH = '/mcp';

/** The callback's status for a follow-up whose time came. */
export const DELIVERED_STATUS = 'completed';

/** Node's longest timer (about 24.8 days); later jobs re-arm until their time. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const MAX_BODY_BYTES = 64 * 1024;

export interface DevSchedulerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** When set, requests without this `x-api-key` get 401. */
  apiKey?: string;
  /** Signs a callback body (shared/callback's signCallback with the callback secret). */
  sign: CallbackSigner;
  /** Decides when a job is due (default: system time). */
  clock?: Clock;
  /** Deliver this many ms after scheduling instead of at `when` (compressed time). */
  deliverAfterMs?: number;
  /** Retries of a callback delivery. */
  delivery?: Partial<DeliveryPolicy>;
  /** fetch for the callbacks (tests). */
  fetch?: typeof fetch;
  /** One line per event (scheduled, delivered, gave up); never the API key or the signature. */
  log?: (line: string) => void;
}

export interface DevScheduler {
  /** The MCP endpoint, e.g. `http://127.0.0.1:7072/mcp`: what SCHEDULER_URL names. */
  readonly url: string;
  /** Every finished delivery, in order. */
  deliveries(): readonly DeliveryRecord[];
  /** Every job scheduled (replays excepted). */
  jobs(): readonly DevJob[];
  /** Resolves when every delivery armed so far has finished (tests). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function startDevScheduler(options: DevSchedulerOptions): Promise<DevScheduler> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => {});
  const policy: DeliveryPolicy = { ...DEFAULT_DELIVERY_POLICY, ...options.delivery };
  const closing = new AbortController();
  const timers = new Set<NodeJS.Timeout>();
  const pending = new Set<Promise<void>>();
  const delivered: DeliveryRecord[] = [];
  const book = createJobBook();

  function deliver(job: DevJob): void {
    const run = deliverCallback({
      scheduleId: job.schedule_id,
      callbackUrl: job.request.callback_url,
      body: { conversationId: job.request.conversation_id, status: DELIVERED_STATUS, content: job.request.message, eventId: `${job.schedule_id}:${DELIVERED_STATUS}` },
      sign: options.sign,
      policy,
      fetch: options.fetch ?? globalThis.fetch,
      signal: closing.signal,
    }).then(function recordDelivery(record) {
      delivered.push(record);
      log(`${record.outcome === 'delivered' ? 'delivered' : 'gave up on'} ${job.schedule_id} after ${record.attempts} attempt(s)${record.failure ? ` (${record.failure})` : ''}`);
    });
    pending.add(run);
    void run.finally(() => pending.delete(run));
  }

  /** Arms `job`'s timer (in steps for far-off jobs); `first` applies deliverAfterMs. */
  function arm(job: DevJob, first: boolean): void {
    const due = first && options.deliverAfterMs !== undefined ? options.deliverAfterMs : Date.parse(job.when) - clock.now().getTime();
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (due > MAX_TIMER_MS) arm(job, false);
      else deliver(job);
    }, Math.max(0, Math.min(due, MAX_TIMER_MS)));
    timers.add(timer);
  }

  const handler = createScheduleHandler({
    book,
    clock,
    maxBodyBytes: MAX_BODY_BYTES,
    onScheduled(job) {
      log(`scheduled ${job.schedule_id} for ${job.when}`);
      arm(job, true);
    },
  });
  const expectedKey = options.apiKey === undefined ? undefined : digest(options.apiKey);

  const server = nodeHttp.createServer(function serveDevScheduler(req, res) {
    serve(req, res).catch((error: unknown) => {
      log(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal_error' });
      else res.destroy();
    });
  });

  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== DEV_SCHEDULER_PATH) return sendJson(res, 404, { error: 'not_found' });
    const key = req.headers['x-api-key'];
    if (expectedKey !== undefined && (typeof key !== 'string' || !timingSafeEqual(digest(key), expectedKey))) {
      req.resume();
      return sendJson(res, 401, { error: 'invalid_api_key' });
    }
    const response = await handler.fetch(toWebRequest(req));
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    res.writeHead(response.status, headers);
    if (response.body === null) return void res.end();
    Readable.fromWeb(response.body as NodeReadableStream).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}${DEV_SCHEDULER_PATH}`,
    deliveries: () => [...delivered],
    jobs: () => book.jobs(),
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      closing.abort();
      await Promise.allSettled([...pending]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function toWebRequest(req: http.IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
