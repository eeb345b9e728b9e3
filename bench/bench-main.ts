// `npm run bench`: measures our local host (production settings, auth on) against four
// references in one run on this machine (bare node:http, the v1 SDK as documented and tuned,
// the v2 SDK) and reports ratios, cold start, memory under load, the deployment package and
// the goals. `-- --profile` profiles our server under get_customer_detail load instead. Not
// part of `npm test`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { OPTION_HELP, readBenchOptions, type BenchOptions } from './bench-options.js';
import { measureColdStart } from './cold-start.js';
import { computeGoals } from './goals.js';
import { rssBytes, RssSampler, waitForQuiet } from './load/proc-stats.js';
import { describeMachine } from './machine.js';
import { measurePackageSize } from './package-size.js';
import { runProfile } from './profile.js';
import { renderReportMarkdown, renderReportText } from './report.js';
import { coldStartOf, computeRatios, writeResults, type BenchResults } from './results.js';
import { pinSelf, startServer, type RunningServer } from './server-process.js';
import { launchSpec, mcpPath, mintBenchToken, SERVER_IDS, workloadCall, type ServerId } from './targets.js';
import { runThroughput } from './throughput.js';

const LOADGEN_CORE = 0;
const SERVER_CORE = 1;
const RESULTS_DIR = path.join('bench', 'results');

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** Servers still running, stopped on the way out whatever happens. */
const running = new Set<RunningServer>();

async function start(id: ServerId, dataDir: string, core: number | undefined): Promise<RunningServer> {
  const server = await startServer(launchSpec(id, dataDir), core);
  running.add(server);
  return server;
}

async function stop(server: RunningServer): Promise<void> {
  await server.stop();
  running.delete(server);
}

async function bench(options: BenchOptions, dataDir: string, core: number | undefined, pinned: boolean): Promise<BenchResults> {
  const startedAt = new Date().toISOString();
  const began = performance.now();
  log('seeding the store (first start of our server, not measured)');
  await stop(await start('ours', dataDir, core));
  const authHeaders = { authorization: `Bearer ${await mintBenchToken(dataDir)}` };
  const headersOf = (id: ServerId) => (id === 'ours' ? authHeaders : undefined);

  const coldRuns = new Map<ServerId, number[]>(SERVER_IDS.map((id) => [id, []]));
  for (let run = 1; run <= options.coldStarts; run++) {
    for (const id of SERVER_IDS) {
      const call = workloadCall(id, 'call');
      if (!call) continue;
      await waitForQuiet(options.quietWaitSeconds * 1000);
      const headers = headersOf(id);
      const ms = await measureColdStart({ spec: launchSpec(id, dataDir), path: mcpPath(id), call, ...(headers ? { headers } : {}) }, core);
      coldRuns.get(id)?.push(ms);
    }
    log(`cold start ${run}/${options.coldStarts}: ${SERVER_IDS.map((id) => `${id} ${coldRuns.get(id)?.at(-1)?.toFixed(0)} ms`).join(', ')}`);
  }

  const servers = new Map<ServerId, RunningServer>();
  for (const id of SERVER_IDS) servers.set(id, await start(id, dataDir, core));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idle = new Map(SERVER_IDS.map((id) => [id, rssBytes(servers.get(id)?.pid ?? -1)]));
  const sampler = new RssSampler();
  sampler.start([...servers.values()].map((server) => server.pid));
  const throughput = await runThroughput({ servers, headers: { ours: authHeaders }, options, log });
  sampler.stop();
  for (const server of servers.values()) await stop(server);

  let packageSize;
  if (options.packageSize) {
    log('building the deployment package (npm run package: dist/deploy, dist/package.zip)');
    packageSize = await measurePackageSize();
  }
  const ratios = computeRatios(throughput);
  const coldStart = Object.fromEntries([...coldRuns].filter(([, runs]) => runs.length > 0).map(([id, runs]) => [id, coldStartOf(runs)]));
  const rss = Object.fromEntries(SERVER_IDS.map((id) => [id, { idleBytes: idle.get(id), peakUnderLoadBytes: sampler.peak(servers.get(id)?.pid ?? -1) }]));
  return {
    startedAt,
    durationSeconds: (performance.now() - began) / 1000,
    machine: describeMachine(pinned),
    options: {
      rounds: options.rounds,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
      roundWarmupMs: options.roundWarmupMs,
      concurrency: options.concurrency,
      quietWaitSeconds: options.quietWaitSeconds,
      coldStarts: options.coldStarts,
      packageSize: options.packageSize,
      checkEvery: options.checkEvery,
    },
    throughput,
    ratios,
    coldStart,
    rss,
    packageSize,
    goals: computeGoals({ throughput, coldStart, rss, packageSize, concurrency: options.concurrency }),
  };
}

async function main(): Promise<void> {
  const options = readBenchOptions(process.env, process.argv.slice(2));
  if (Number(process.versions.node.split('.')[0]) < 22) throw new Error(`Node 22 is required (this is ${process.version}); run it through npm run bench`);
  for (const file of ['dist/app/local-host.js', 'dist-bench/bench/references/bare-server.js']) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run bench (it builds both) from the repository root`);
  }
  const pinned = os.cpus().length >= 2 && pinSelf(LOADGEN_CORE);
  const core = pinned ? SERVER_CORE : undefined;
  if (!pinned) log('taskset unavailable or a single core: server and load generator share the CPU');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'contoso-bench-'));
  const interrupt = () => void cleanup().then(() => process.exit(130));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  async function cleanup(): Promise<void> {
    await Promise.all([...running].map((server) => server.stop()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  try {
    if (options.profile) {
      await runProfile({ options, dataDir, core, resultsDir: RESULTS_DIR, log });
      return;
    }
    log(`settings: ${JSON.stringify(options)} (${OPTION_HELP.replace(/\n/g, ' ')})`);
    const results = await bench(options, dataDir, core, pinned);
    const file = writeResults(RESULTS_DIR, results, renderReportMarkdown(results));
    process.stdout.write(`${renderReportText(results)}\n\nResults: ${file} (and ${path.join(RESULTS_DIR, 'latest.json')}, latest.md)\n`);
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
