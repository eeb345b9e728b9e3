// Throughput rounds: every server × workload pair is warmed up once, then measured in
// interleaved rounds (ours, bare, v1, v1-tuned, v2 for one workload, then the next workload, then the
// next round), so slow drift of the machine spreads over all servers alike. Each window waits
// a little for the machine to be quiet; server CPU is read from /proc over exactly the window.
import { runClosedLoop, type ClosedLoopResult } from './load/closed-loop.js';
import { checkMcpResponse, serializeMcpRequest } from './load/mcp-requests.js';
import { cpuTimeMs, machineBusyMs, waitForQuiet } from './load/proc-stats.js';
import type { BenchOptions } from './bench-options.js';
import type { RunningServer } from './server-process.js';
import { concatSamples, median, percentile } from './stats.js';
import { mcpPath, SERVER_IDS, workloadCall, workloadLabel, type ServerId, type WorkloadId } from './targets.js';

export interface RoundSample {
  requests: number;
  errors: number;
  windowMs: number;
  reqPerSec: number;
  serverCpuMs: number;
  clientCpuMs: number;
  /** CPU the rest of the machine used in the window (other processes, kernel network work). */
  otherCpuMs: number;
}

export interface Measurement {
  server: ServerId;
  workload: WorkloadId;
  label: string;
  rounds: RoundSample[];
  reqPerSec: number;
  reqPerSecMin: number;
  reqPerSecMax: number;
  p50Ms: number;
  p99Ms: number;
  cpuPerRequestUs: number;
  /** Server CPU time over wall time: 1.0 is one core fully busy. */
  serverBusy: number;
  /** The load generator's CPU over wall time (near 1.0: the client may be the limit). */
  clientBusy: number;
  /** CPU used by everything else over wall time (a disturbed run shows up here). */
  otherBusy: number;
  errors: number;
  firstError: string | undefined;
}

interface Sample {
  result: ClosedLoopResult;
  serverCpuMs: number;
  otherCpuMs: number;
}

export const WORKLOADS: readonly WorkloadId[] = ['list', 'call', 'call-cheap'];

export interface ThroughputInput {
  servers: ReadonlyMap<ServerId, RunningServer>;
  headers: Readonly<Partial<Record<ServerId, Record<string, string>>>>;
  options: BenchOptions;
  log: (line: string) => void;
}

export async function runThroughput(input: ThroughputInput): Promise<Measurement[]> {
  const { options, log } = input;
  const pairs = WORKLOADS.flatMap((workload) => SERVER_IDS.filter((id) => workloadCall(id, workload) !== undefined).map((server) => ({ server, workload })));
  const load = (server: ServerId, workload: WorkloadId, warmupMs: number, durationMs: number, checkEvery = options.checkEvery) => {
    const running = input.servers.get(server);
    const call = workloadCall(server, workload);
    if (!running || !call) throw new Error(`no server or call for ${server} ${workload}`);
    const headers = input.headers[server];
    const request = serializeMcpRequest({ host: '127.0.0.1', port: running.port, path: mcpPath(server), ...(headers ? { headers } : {}) }, call);
    let cpuAtStart = 0;
    let serverCpuMs = 0;
    let machineAtStart = 0;
    let machineMs = 0;
    return runClosedLoop({
      host: '127.0.0.1',
      port: running.port,
      request,
      concurrency: options.concurrency,
      warmupMs,
      durationMs,
      check: (response) => checkMcpResponse(call, response),
      checkEvery,
      onWindowStart: () => {
        cpuAtStart = cpuTimeMs(running.pid);
        machineAtStart = machineBusyMs();
      },
      onWindowEnd: () => {
        serverCpuMs = cpuTimeMs(running.pid) - cpuAtStart;
        machineMs = machineBusyMs() - machineAtStart;
      },
    }).then((result): Sample => ({ result, serverCpuMs, otherCpuMs: Math.max(0, machineMs - serverCpuMs - result.clientCpuMs) }));
  };

  for (const { server, workload } of pairs) {
    log(`warm-up ${server} ${workloadLabel(server, workload)} (${options.warmupSeconds} s)`);
    // Every response of a short window after the warm-up is checked, so a broken setup fails before measuring.
    const { result } = await load(server, workload, options.warmupSeconds * 1000, 300, 1);
    if (result.errors > 0) throw new Error(`${server} ${workloadLabel(server, workload)} fails: ${result.firstError}`);
  }

  const samples = new Map<string, Sample[]>();
  for (let round = 1; round <= options.rounds; round++) {
    for (const { server, workload } of pairs) {
      if (!(await waitForQuiet(options.quietWaitSeconds * 1000))) log(`machine still busy after ${options.quietWaitSeconds} s; measuring anyway`);
      const sample = await load(server, workload, options.roundWarmupMs, options.seconds * 1000);
      const key = `${server}/${workload}`;
      samples.set(key, [...(samples.get(key) ?? []), sample]);
      const rate = sample.result.requests / (sample.result.windowMs / 1000);
      const other = (sample.otherCpuMs / sample.result.windowMs) * 100;
      const errors = sample.result.errors ? `, ${sample.result.errors} errors` : '';
      log(`round ${round}/${options.rounds} ${server.padEnd(8)} ${workloadLabel(server, workload).padEnd(30)} ${rate.toFixed(0).padStart(6)} req/s (other CPU ${other.toFixed(0)} %${errors})`);
    }
  }
  return pairs.map(({ server, workload }) => summarize(server, workload, samples.get(`${server}/${workload}`) ?? []));
}

function summarize(server: ServerId, workload: WorkloadId, samples: readonly Sample[]): Measurement {
  const rounds: RoundSample[] = samples.map(({ result, serverCpuMs, otherCpuMs }) => ({
    requests: result.requests,
    errors: result.errors,
    windowMs: result.windowMs,
    reqPerSec: result.requests / (result.windowMs / 1000),
    serverCpuMs,
    clientCpuMs: result.clientCpuMs,
    otherCpuMs,
  }));
  const sum = (pick: (round: RoundSample) => number) => rounds.reduce((total, round) => total + pick(round), 0);
  const latencies = concatSamples(samples.map(({ result }) => result.latenciesMs));
  const rates = rounds.map((round) => round.reqPerSec);
  return {
    server,
    workload,
    label: workloadLabel(server, workload),
    rounds,
    reqPerSec: median(rates),
    reqPerSecMin: Math.min(...rates),
    reqPerSecMax: Math.max(...rates),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    cpuPerRequestUs: (sum((round) => round.serverCpuMs) / sum((round) => round.requests)) * 1000,
    serverBusy: sum((round) => round.serverCpuMs) / sum((round) => round.windowMs),
    clientBusy: sum((round) => round.clientCpuMs) / sum((round) => round.windowMs),
    otherBusy: sum((round) => round.otherCpuMs) / sum((round) => round.windowMs),
    errors: sum((round) => round.errors),
    firstError: samples.map(({ result }) => result.firstError).find((error) => error !== undefined),
  };
}
