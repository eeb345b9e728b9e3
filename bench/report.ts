// Turns a bench run into tables (terminal text and Markdown): throughput and latency per
// server and workload, our ratios to each reference, cold start, memory, package size, goals.
import { meetsGoal, type Goal } from './goals.js';
import type { PackagePart } from './package-size.js';
import type { BenchResults } from './results.js';
import { ratio } from './stats.js';
import { fmt, megabytes, renderMarkdown, renderText, times, type Table } from './table.js';
import { REFERENCE_IDS, SERVER_IDS, SERVER_LABELS } from './targets.js';

function throughputTable(results: BenchResults): Table {
  const saturated = results.throughput.some((m) => m.clientBusy > 0.9);
  const disturbed = results.throughput.some((m) => m.rounds.some((round) => round.otherCpuMs / round.windowMs > 0.25));
  return {
    title: `Throughput and latency (closed loop, ${results.options.concurrency} connections, ${results.options.rounds} × ${results.options.seconds} s per row, median round)`,
    header: ['server', 'workload', 'req/s', 'rounds min–max', 'p50 ms', 'p99 ms', 'server CPU µs/req', 'server busy', 'client busy', 'other', 'errors'],
    leftColumns: [0, 1],
    rows: results.throughput.map((m) => [
      SERVER_LABELS[m.server],
      m.label,
      fmt(m.reqPerSec),
      `${fmt(m.reqPerSecMin)}–${fmt(m.reqPerSecMax)}`,
      fmt(m.p50Ms, 2),
      fmt(m.p99Ms, 2),
      fmt(m.cpuPerRequestUs),
      `${fmt(m.serverBusy * 100)} %`,
      `${fmt(m.clientBusy * 100)} %`,
      `${fmt(m.otherBusy * 100)} %`,
      String(m.errors),
    ]),
    notes: [
      'busy = CPU time ÷ wall time of the window (100 % = one core); other = CPU used by anything else (other processes, kernel network work).',
      ...(disturbed ? ['Some rounds ran while something else used over 25 % of a core; rates vary more than CPU per request does.'] : []),
      ...(saturated ? ['Warning: the load generator was over 90 % busy on some rows; those rates may be client-bound.'] : []),
    ],
  };
}

function ratioTable(results: BenchResults): Table {
  const labels = [...new Set(results.ratios.map((row) => row.label))];
  const metrics = [
    { name: 'req/s', pick: (row: BenchResults['ratios'][number]) => row.reqPerSec, better: 'higher is better' },
    { name: 'CPU/request', pick: (row: BenchResults['ratios'][number]) => row.cpuPerRequest, better: 'lower is better' },
    { name: 'p50 latency', pick: (row: BenchResults['ratios'][number]) => row.p50, better: 'lower is better' },
    { name: 'p99 latency', pick: (row: BenchResults['ratios'][number]) => row.p99, better: 'lower is better' },
  ];
  return {
    title: 'Ours ÷ reference (tools/list ↔ tools/list; our tools ↔ the references’ trivial tool)',
    header: ['our workload', 'metric', ...REFERENCE_IDS.map((reference) => `÷ ${reference}`)],
    leftColumns: [0, 1],
    rows: labels.flatMap((label) =>
      metrics.map((metric) => {
        const cell = (reference: string) => {
          const row = results.ratios.find((candidate) => candidate.label === label && candidate.reference === reference);
          return times(row ? metric.pick(row) : undefined);
        };
        return [label, `${metric.name} (${metric.better})`, ...REFERENCE_IDS.map(cell)];
      }),
    ),
  };
}

function coldStartTable(results: BenchResults): Table {
  const v1 = results.coldStart.v1?.medianMs;
  return {
    title: `Cold start: spawn → first good tools/call (median of ${results.options.coldStarts}, pre-seeded store for ours)`,
    header: ['server', 'median ms', 'min ms', 'max ms', '÷ v1'],
    rows: SERVER_IDS.flatMap((id) => {
      const cold = results.coldStart[id];
      return cold ? [[SERVER_LABELS[id], fmt(cold.medianMs), fmt(Math.min(...cold.runsMs)), fmt(Math.max(...cold.runsMs)), times(ratio(cold.medianMs, v1))]] : [];
    }),
  };
}

function memoryTable(results: BenchResults): Table {
  return {
    title: 'Resident memory (VmRSS)',
    header: ['server', 'idle after start', 'peak under load'],
    rows: SERVER_IDS.map((id) => [SERVER_LABELS[id], megabytes(results.rss[id]?.idleBytes), megabytes(results.rss[id]?.peakUnderLoadBytes)]),
  };
}

function packageTable(results: BenchResults): Table | undefined {
  const size = results.packageSize;
  if (!size) return undefined;
  const row = (name: string, part: PackagePart) => [name, String(part.files), megabytes(part.bytes, 2), megabytes(part.compressedBytes, 2)];
  return {
    title: 'Deployment package (npm run package: dist/package.zip, what zip deploy ships)',
    header: ['part', 'files', 'size', 'in the zip'],
    rows: [
      row('JavaScript bundle (entry and chunks)', size.javascript),
      row('native binary (better-sqlite3 linux-x64)', size.native),
      row('other (host.json, package.json, notes, manifest)', size.other),
      ...(size.sourceMaps.files > 0 ? [row('source maps', size.sourceMaps)] : []),
      ['zip file', String(size.files), '', megabytes(size.zipBytes, 2)],
    ],
    notes: [
      `Source maps: ${size.sourceMaps.files === 0 ? 'none in the zip (they stay in dist/deploy)' : `${size.sourceMaps.files} in the zip`}. No node_modules: the bundle holds every dependency. Built in ${fmt(size.packageSeconds, 1)} s.`,
    ],
  };
}

/** A goal's value in its unit, with a third decimal when two would look equal to the target. */
function goalValue(goal: Goal, value: number | undefined): string {
  const digits = value !== undefined && value.toFixed(2) === goal.threshold.toFixed(2) && value !== goal.threshold ? 3 : goal.unit === '×' ? 2 : 1;
  if (value === undefined || !Number.isFinite(value)) return '—';
  return goal.unit === '×' ? times(value, digits) : `${fmt(value, digits)} MB`;
}

function goalMet(goal: Goal): string {
  if (goal.met === undefined) return '— (not measured)';
  if (goal.met) return 'yes';
  // A miss where the median round and CPU per request disagree is worth telling apart from a clear miss.
  const disagree = goal.byCpu !== undefined && meetsGoal(goal, goal.measured) !== meetsGoal(goal, goal.byCpu);
  return disagree ? 'no (median round and CPU disagree)' : 'no';
}

function goalsTable(results: BenchResults): Table {
  return {
    title: 'Goals (issue #11)',
    header: ['goal', 'target', 'measured', 'rounds min–max', 'by CPU/request', 'met'],
    leftColumns: [0, 1, 5],
    rows: results.goals.map((goal) => [
      goal.goal,
      goal.target,
      goalValue(goal, goal.measured),
      goal.range ? `${goalValue(goal, goal.range[0])}–${goalValue(goal, goal.range[1])}` : '',
      goal.byCpu === undefined ? '' : times(goal.byCpu),
      goalMet(goal),
    ]),
    notes: [
      'measured: for the × goals, ours ÷ the reference within each round (run seconds apart) and the median of those ratios; min–max: their spread (for cold start: over the interleaved starts).',
      'by CPU/request: the same ratio from server CPU per request over all rounds (for req/s: the reference\'s ÷ ours), which a noisy machine disturbs less.',
      'met: the median round meets the target and the CPU/request ratio is on the same side of it.',
    ],
  };
}

function machineLine(results: BenchResults): string {
  const m = results.machine;
  return `Machine: ${m.cores} cores, ${m.cpuModel}, ${m.memoryGB} GB, ${m.kernel}, Node ${m.node}; ${m.pinned ? 'servers on core 1, load generator on core 0 (taskset)' : 'not pinned (no taskset)'}. Run ${results.startedAt}, ${fmt(results.durationSeconds)} s.`;
}

function tables(results: BenchResults): Table[] {
  const pkg = packageTable(results);
  return [throughputTable(results), ratioTable(results), coldStartTable(results), memoryTable(results), ...(pkg ? [pkg] : []), goalsTable(results)];
}

export function renderReportText(results: BenchResults): string {
  return [machineLine(results), ...tables(results).map(renderText)].join('\n\n');
}

export function renderReportMarkdown(results: BenchResults): string {
  return `${[machineLine(results), ...tables(results).map(renderMarkdown)].join('\n\n')}\n`;
}
