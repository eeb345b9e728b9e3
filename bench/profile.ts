// `npm run bench -- --profile`: runs our local host (or, with BENCH_PROFILE_SERVER, a
// reference) under `node --cpu-prof` with one bench workload (tools/call get_customer_detail
// unless BENCH_PROFILE_WORKLOAD says otherwise), then summarises the CPU profile over the
// measured window: self time by function and by module, inclusive time of app and library frames.
import fs from 'node:fs';
import path from 'node:path';
import { runClosedLoop } from './load/closed-loop.js';
import { checkMcpResponse, serializeMcpRequest } from './load/mcp-requests.js';
import type { BenchOptions } from './bench-options.js';
import { summarizeProfile, type CostRow, type CpuProfile, type ProfileSummary } from './profile-summary.js';
import { startServer } from './server-process.js';
import { fmt, renderMarkdown, renderText, type Table } from './table.js';
import { launchSpec, mcpPath, mintBenchToken, SERVER_LABELS, workloadCall, workloadLabel, type ServerId, type WorkloadId } from './targets.js';

export interface ProfileRunOptions {
  options: BenchOptions;
  dataDir: string;
  core: number | undefined;
  resultsDir: string;
  log: (line: string) => void;
}

/** The profiler and this process both read CLOCK_MONOTONIC on Linux; µs like the profile's clock. */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

function costTable(title: string, rows: readonly CostRow[]): Table {
  return {
    title,
    header: ['', 'ms', '% of busy', 'µs/request'],
    rows: rows.map((row) => [row.name, fmt(row.ms), fmt(row.share * 100, 1), fmt(row.usPerRequest, 1)]),
  };
}

function profileTables(id: ServerId, workload: WorkloadId, summary: ProfileSummary, reqPerSec: number): Table[] {
  const head: Table = {
    title: `Profile of ${SERVER_LABELS[id]} under ${workloadLabel(id, workload)} (--cpu-prof, ${fmt(summary.windowMs / 1000, 1)} s window, ${summary.requests} requests, ${fmt(reqPerSec)} req/s while profiling)`,
    header: ['', 'value'],
    rows: [
      ['busy CPU in window (ms)', fmt(summary.busyMs)],
      ['idle in window (ms)', fmt(summary.idleMs)],
      ['busy µs per request', fmt((summary.busyMs * 1000) / summary.requests, 1)],
    ],
  };
  return [
    head,
    costTable('Self time by module', summary.byModule),
    costTable('Top functions by self time', summary.topSelf),
    costTable('Top app and library frames by inclusive time (synchronous stacks only)', summary.topInclusive),
  ];
}

export async function runProfile(run: ProfileRunOptions): Promise<void> {
  const { options, dataDir, core, log } = run;
  const id = options.profileServer;
  const workload = options.profileWorkload;
  if (id === 'ours') {
    log('seeding the store (first start of our server, not profiled)');
    await (await startServer(launchSpec('ours', dataDir), core)).stop();
  }
  const profileDir = fs.mkdtempSync(path.join(dataDir, 'profile-'));
  const server = await startServer(launchSpec(id, dataDir, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]), core);
  const call = workloadCall(id, workload);
  if (!call) throw new Error(`${id} has no ${workload} workload`);
  const headers: Record<string, string> = id === 'ours' ? { authorization: `Bearer ${await mintBenchToken(dataDir)}` } : {};
  const request = serializeMcpRequest({ host: '127.0.0.1', port: server.port, path: mcpPath(id), headers }, call);
  let fromUs = 0;
  let toUs = 0;
  log(`profiling ${id} ${workloadLabel(id, workload)} for ${options.profileSeconds} s after ${options.warmupSeconds} s of warm-up`);
  const result = await runClosedLoop({
    host: '127.0.0.1',
    port: server.port,
    request,
    concurrency: options.concurrency,
    warmupMs: options.warmupSeconds * 1000,
    durationMs: options.profileSeconds * 1000,
    check: (response) => checkMcpResponse(call, response),
    checkEvery: options.checkEvery,
    onWindowStart: () => (fromUs = monotonicUs()),
    onWindowEnd: () => (toUs = monotonicUs()),
  });
  await server.stop();
  if (result.errors > 0) throw new Error(`the profiled load had ${result.errors} errors: ${result.firstError}`);
  const file = fs.readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile was written:\n${server.output()}`);
  const profile = JSON.parse(fs.readFileSync(path.join(profileDir, file), 'utf8')) as CpuProfile;
  if (fromUs < profile.startTime || toUs > profile.endTime) {
    // Clocks did not line up (not Linux?): fall back to the last seconds of the profile.
    log('profile clock differs from this process; using the profile’s last seconds as the window');
    toUs = profile.endTime;
    fromUs = toUs - options.profileSeconds * 1e6;
  }
  const summary = summarizeProfile(profile, fromUs, toUs, result.requests);
  const reqPerSec = result.requests / (result.windowMs / 1000);
  const tables = profileTables(id, workload, summary, reqPerSec);

  fs.mkdirSync(run.resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const json = `${JSON.stringify({ at: new Date().toISOString(), server: id, workload: workloadLabel(id, workload), reqPerSec, summary }, null, 2)}\n`;
  // Our server under tools/call get_customer_detail is `profile-*`; anything else `profile-<server>-<workload>-*`.
  const base = id === 'ours' && workload === 'call' ? 'profile' : `profile-${id}-${workload}`;
  fs.writeFileSync(path.join(run.resultsDir, `${base}-${stamp}.json`), json);
  fs.writeFileSync(path.join(run.resultsDir, `${base}-latest.json`), json);
  fs.writeFileSync(path.join(run.resultsDir, `${base}-latest.md`), `${tables.map(renderMarkdown).join('\n\n')}\n`);
  const kept = path.join(run.resultsDir, `${base}-latest.cpuprofile`);
  fs.copyFileSync(path.join(profileDir, file), kept);
  process.stdout.write(`${tables.map(renderText).join('\n\n')}\n\nProfile: ${kept} (open in Chrome DevTools › Performance); summary in ${path.join(run.resultsDir, `${base}-latest.json`)}\n`);
}
