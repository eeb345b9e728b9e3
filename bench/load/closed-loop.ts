// The closed-loop load generator used for every server: `concurrency` keep-alive connections,
// each sending its next request as soon as the previous response is complete, through a
// warm-up phase (not recorded) and then a measured window. Hooks at the window's edges let the
// caller sample the server's CPU exactly over the measured requests.
import { performance } from 'node:perf_hooks';
import { Http1Connection } from './http1-connection.js';
import type { RawResponse } from './http1-response.js';

const DRAIN_GRACE_MS = 10_000;

export interface ClosedLoopOptions {
  host: string;
  port: number;
  /** One complete, pre-serialised HTTP/1.1 request, sent over and over. */
  request: Buffer;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** Full check of a response (undefined when it is good); run on every `checkEvery`-th response. */
  check: (response: RawResponse) => string | undefined;
  checkEvery: number;
  /** Called when the measured window opens and closes (e.g. to read the server's CPU time). */
  onWindowStart?: () => void;
  onWindowEnd?: () => void;
}

export interface ClosedLoopResult {
  /** Responses completed inside the measured window (good or bad). */
  requests: number;
  /** Responses that were not 200 or failed the check, plus connection failures. */
  errors: number;
  firstError: string | undefined;
  windowMs: number;
  /** Latencies (ms) of the requests completed in the window, unsorted. */
  latenciesMs: Float64Array;
  /** CPU time (ms) the load generator itself used during the window. */
  clientCpuMs: number;
}

export async function runClosedLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const connections = await Promise.all(Array.from({ length: options.concurrency }, () => Http1Connection.open(options.host, options.port)));
  let latencies = new Float64Array(1 << 16);
  let recorded = 0;
  let errors = 0;
  let firstError: string | undefined;
  let sent = 0;
  let phase: 'warmup' | 'window' | 'done' = 'warmup';

  const record = (latency: number, error: string | undefined) => {
    if (phase !== 'window') return;
    if (recorded === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[recorded++] = latency;
    if (error !== undefined) {
      errors++;
      firstError ??= error;
    }
  };

  const worker = async (index: number) => {
    let connection = connections[index] as Http1Connection;
    while (phase !== 'done') {
      const started = performance.now();
      try {
        if (!connection.usable) connections[index] = connection = await Http1Connection.open(options.host, options.port);
        const checkThis = ++sent % options.checkEvery === 0;
        const response = await connection.send(options.request, { keepBody: checkThis });
        record(performance.now() - started, checkThis || response.status !== 200 ? options.check(response) : undefined);
      } catch (error) {
        record(performance.now() - started, error instanceof Error ? error.message : String(error));
      }
    }
    connection.close();
  };

  const workers = connections.map((_, index) => worker(index));
  await sleep(options.warmupMs);
  options.onWindowStart?.();
  const cpuAtStart = process.cpuUsage();
  const windowStart = performance.now();
  phase = 'window';
  await sleep(options.durationMs);
  phase = 'done';
  const windowMs = performance.now() - windowStart;
  const cpu = process.cpuUsage(cpuAtStart);
  options.onWindowEnd?.();
  // A server that stops answering must not hang the bench: drop its connections after a grace period.
  const abandon = setTimeout(() => connections.forEach((connection) => connection.close()), DRAIN_GRACE_MS);
  await Promise.all(workers);
  clearTimeout(abandon);
  return { requests: recorded, errors, firstError, windowMs, latenciesMs: latencies.subarray(0, recorded), clientCpuMs: (cpu.user + cpu.system) / 1000 };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
