// The result of one bench run as data: measurements, the ratios to the references, cold
// starts, memory, package size and the performance goals, written to bench/results/ as a
// timestamped JSON file and as latest.json / latest.md.
import fs from 'node:fs';
import path from 'node:path';
import type { BenchOptions } from './bench-options.js';
import type { MachineInfo } from './machine.js';
import type { PackageSize } from './package-size.js';
import { median, ratio } from './stats.js';
import { REFERENCE_IDS, type ServerId, type WorkloadId } from './targets.js';
import type { Measurement } from './throughput.js';

export interface ColdStart {
  runsMs: number[];
  medianMs: number;
}

export interface RatioRow {
  /** Our workload, e.g. `tools/call get_customer_detail`. */
  label: string;
  workload: WorkloadId;
  reference: (typeof REFERENCE_IDS)[number];
  /** Our value ÷ the reference's: above 1 is better for req/s, worse for the others. */
  reqPerSec: number;
  cpuPerRequest: number;
  p50: number;
  p99: number;
}

export interface Goal {
  goal: string;
  target: string;
  measured: number;
  /** For the throughput goals: the same ratio from CPU per request (reference ÷ ours), which a noisy machine disturbs less. */
  measuredByCpu?: number;
  /** For the throughput goals: lowest and highest ratio of one round's rates (ours and the reference measured seconds apart). */
  roundRange?: [number, number];
  unit: string;
  met: boolean;
}

export interface BenchResults {
  startedAt: string;
  durationSeconds: number;
  machine: MachineInfo;
  options: Omit<BenchOptions, 'profile' | 'profileSeconds' | 'profileServer' | 'profileWorkload'>;
  throughput: Measurement[];
  ratios: RatioRow[];
  coldStart: Partial<Record<ServerId, ColdStart>>;
  rss: Partial<Record<ServerId, { idleBytes: number | undefined; peakUnderLoadBytes: number | undefined }>>;
  packageSize: PackageSize | undefined;
  goals: Goal[];
}

/** Our result on each workload divided by each reference's on the matching workload. */
export function computeRatios(throughput: readonly Measurement[]): RatioRow[] {
  const find = (server: ServerId, workload: WorkloadId) => throughput.find((m) => m.server === server && m.workload === workload);
  return throughput
    .filter((m) => m.server === 'ours')
    .flatMap((ours) =>
      REFERENCE_IDS.map((reference) => {
        // Our cheapest tool is compared with the references' trivial tool, as is get_customer_detail.
        const ref = find(reference, ours.workload === 'list' ? 'list' : 'call');
        return {
          label: ours.label,
          workload: ours.workload,
          reference,
          reqPerSec: ratio(ours.reqPerSec, ref?.reqPerSec),
          cpuPerRequest: ratio(ours.cpuPerRequestUs, ref?.cpuPerRequestUs),
          p50: ratio(ours.p50Ms, ref?.p50Ms),
          p99: ratio(ours.p99Ms, ref?.p99Ms),
        };
      }),
    );
}

/** Per-round ratios of our get_customer_detail rate to a reference's trivial-tool rate, as [min, max]. */
function roundRange(throughput: readonly Measurement[], reference: ServerId): [number, number] | undefined {
  const ours = throughput.find((m) => m.server === 'ours' && m.workload === 'call')?.rounds ?? [];
  const ref = throughput.find((m) => m.server === reference && m.workload === 'call')?.rounds ?? [];
  const ratios = ours.flatMap((round, index) => (ref[index] ? [ratio(round.reqPerSec, ref[index].reqPerSec)] : []));
  return ratios.length > 0 ? [Math.min(...ratios), Math.max(...ratios)] : undefined;
}

/** The goals the team set for the server (see bench/README.md). */
export function computeGoals(results: Pick<BenchResults, 'throughput' | 'ratios' | 'coldStart' | 'rss'>): Goal[] {
  const callRow = (reference: string) => results.ratios.find((row) => row.workload === 'call' && row.reference === reference);
  const callRatio = (reference: string) => callRow(reference)?.reqPerSec ?? Number.NaN;
  const cpuRatio = (reference: string) => 1 / (callRow(reference)?.cpuPerRequest ?? Number.NaN);
  const cold = ratio(results.coldStart.ours?.medianMs, results.coldStart.v1?.medianMs);
  const rssMB = (results.rss.ours?.peakUnderLoadBytes ?? Number.NaN) / 1e6;
  return [
    { goal: 'get_customer_detail req/s vs v1 reference', target: '≥ 3×', measured: callRatio('v1'), measuredByCpu: cpuRatio('v1'), roundRange: roundRange(results.throughput, 'v1'), unit: '×', met: callRatio('v1') >= 3 },
    { goal: 'get_customer_detail req/s vs bare node:http', target: '≥ 0.15×', measured: callRatio('bare'), measuredByCpu: cpuRatio('bare'), roundRange: roundRange(results.throughput, 'bare'), unit: '×', met: callRatio('bare') >= 0.15 },
    { goal: 'cold start vs v1 reference', target: '≤ 0.8×', measured: cold, unit: '×', met: cold <= 0.8 },
    { goal: 'RSS under load', target: '≤ 150 MB', measured: rssMB, unit: 'MB', met: rssMB <= 150 },
  ];
}

export function coldStartOf(runsMs: number[]): ColdStart {
  return { runsMs, medianMs: median(runsMs) };
}

/** Writes `<timestamp>.json`, `latest.json` and `latest.md` under `dir`; returns the timestamped path. */
export function writeResults(dir: string, results: BenchResults, markdown: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  const json = `${JSON.stringify(results, (_, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
  const file = path.join(dir, `bench-${stamp}.json`);
  fs.writeFileSync(file, json);
  fs.writeFileSync(path.join(dir, 'latest.json'), json);
  fs.writeFileSync(path.join(dir, 'latest.md'), markdown);
  return file;
}
