// The performance goals of issue #11, judged on one bench run: throughput and CPU per request
// as ratios to the references measured in the same rounds, cold start against v1, peak memory
// under load and the deployment zip. A ratio goal is met only when the median round meets it
// and the CPU per request pooled over all rounds lands on the same side of the target.
import type { PackageSize } from './package-size.js';
import type { ColdStart } from './results.js';
import { median, ratio } from './stats.js';
import type { ServerId, WorkloadId } from './targets.js';
import type { Measurement, RoundSample } from './throughput.js';

export interface Goal {
  goal: string;
  /** `≥ 3×`, `≤ 150 MB`… as printed. */
  target: string;
  /** The target as a comparison: measured `op` threshold (in `unit`). */
  op: '≥' | '≤';
  threshold: number;
  /** The median round's ratio (ours ÷ the reference within one round), or the single measured value. */
  measured: number;
  /** Lowest and highest of the per-round (or per-cold-start) ratios. */
  range?: [number, number];
  /** The same ratio from server CPU per request pooled over all rounds, which a noisy machine disturbs less. */
  byCpu?: number;
  unit: '×' | 'MB';
  /** Undefined when the run did not measure it (e.g. BENCH_PACKAGE=0). */
  met: boolean | undefined;
}

export interface GoalInput {
  throughput: readonly Measurement[];
  coldStart: Partial<Record<ServerId, ColdStart>>;
  rss: Partial<Record<ServerId, { idleBytes: number | undefined; peakUnderLoadBytes: number | undefined }>>;
  packageSize: PackageSize | undefined;
  concurrency: number;
}

interface Bound {
  op: '≥' | '≤';
  value: number;
  label: string;
}

const atLeast = (value: number, label = `${value}×`): Bound => ({ op: '≥', value, label: `≥ ${label}` });
const atMost = (value: number, label = `${value}×`): Bound => ({ op: '≤', value, label: `≤ ${label}` });

/** Whether `value` (in the goal's unit) is on the good side of the goal's target. */
export function meetsGoal(goal: Pick<Goal, 'op' | 'threshold'>, value: number): boolean {
  return goal.op === '≥' ? value >= goal.threshold : value <= goal.threshold;
}

function judge(goal: string, bound: Bound, measured: number, unit: Goal['unit'], extra: Pick<Goal, 'range' | 'byCpu'> = {}): Goal {
  const values = [measured, ...(extra.byCpu === undefined ? [] : [extra.byCpu])];
  const comparison = { op: bound.op, threshold: bound.value };
  const met = values.every(Number.isFinite) ? values.every((value) => meetsGoal(comparison, value)) : undefined;
  return { goal, target: bound.label, ...comparison, measured, ...extra, unit, met };
}

/** Median and spread of per-index ratios of two series (rounds or cold-start runs run side by side). */
function pairedRatios(ours: readonly number[], reference: readonly number[]): Pick<Goal, 'measured' | 'range'> {
  const ratios = ours.flatMap((value, index) => (reference[index] === undefined ? [] : [ratio(value, reference[index])]));
  return ratios.length === 0 ? { measured: Number.NaN } : { measured: median(ratios), range: [Math.min(...ratios), Math.max(...ratios)] };
}

const cpuPerRequest = (round: RoundSample) => round.serverCpuMs / round.requests;

/** The goals, one row per goal and reference. */
export function computeGoals(input: GoalInput): Goal[] {
  const find = (server: ServerId, workload: WorkloadId) => input.throughput.find((m) => m.server === server && m.workload === workload);
  const rounds = (server: ServerId, workload: WorkloadId) => find(server, workload)?.rounds ?? [];

  // Our workload against the same one of the reference (get_customer_detail against the trivial tool).
  const rate = (goal: string, workload: 'call' | 'list', reference: ServerId, bound: Bound) => {
    const paired = pairedRatios(rounds('ours', workload).map((r) => r.reqPerSec), rounds(reference, workload).map((r) => r.reqPerSec));
    const byCpu = ratio(find(reference, workload)?.cpuPerRequestUs, find('ours', workload)?.cpuPerRequestUs);
    return judge(goal, bound, paired.measured, '×', { ...(paired.range ? { range: paired.range } : {}), byCpu });
  };
  const cpu = (goal: string, workload: 'call' | 'list', reference: ServerId, bound: Bound) => {
    const paired = pairedRatios(rounds('ours', workload).map(cpuPerRequest), rounds(reference, workload).map(cpuPerRequest));
    const byCpu = ratio(find('ours', workload)?.cpuPerRequestUs, find(reference, workload)?.cpuPerRequestUs);
    return judge(goal, bound, paired.measured, '×', { ...(paired.range ? { range: paired.range } : {}), byCpu });
  };

  const cold = pairedRatios(input.coldStart.ours?.runsMs ?? [], input.coldStart.v1?.runsMs ?? []);
  const rssMB = (input.rss.ours?.peakUnderLoadBytes ?? Number.NaN) / 1e6;
  const zipMB = (input.packageSize?.zipBytes ?? Number.NaN) / 1e6;
  const oneThird = atMost(1 / 3, '1/3 (0.33×)');
  return [
    rate('get_customer_detail req/s vs v1', 'call', 'v1', atLeast(3)),
    rate('get_customer_detail req/s vs v1-tuned', 'call', 'v1-tuned', atLeast(3)),
    rate('get_customer_detail req/s vs bare', 'call', 'bare', atLeast(0.25)),
    rate('tools/list req/s vs v1', 'list', 'v1', atLeast(3)),
    rate('tools/list req/s vs v1-tuned', 'list', 'v1-tuned', atLeast(3)),
    rate('tools/list req/s vs bare', 'list', 'bare', atLeast(0.5)),
    cpu('CPU/request get_customer_detail vs v1', 'call', 'v1', oneThird),
    cpu('CPU/request get_customer_detail vs v1-tuned', 'call', 'v1-tuned', oneThird),
    cpu('CPU/request tools/list vs v1', 'list', 'v1', oneThird),
    cpu('CPU/request tools/list vs v1-tuned', 'list', 'v1-tuned', oneThird),
    judge('cold start (spawn → first good tools/call) vs v1', atMost(0.8), cold.measured, '×', cold.range ? { range: cold.range } : {}),
    judge(`peak RSS at ${input.concurrency} concurrent requests`, atMost(150, '150 MB'), rssMB, 'MB'),
    judge('deployment package (zip, no source maps)', atMost(5, '5 MB'), zipMB, 'MB'),
  ];
}
