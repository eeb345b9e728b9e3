// The result of one bench run as data: measurements, the ratios to the references, cold
// starts, memory, package size and the performance goals, written to bench/results/ as a
// timestamped JSON file and as latest.json / latest.md.
import fs from 'node:fs';
import path from 'node:path';
import type { BenchOptions } from './bench-options.js';
import type { Goal } from './goals.js';
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
