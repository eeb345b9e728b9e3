// Runs the official MCP conformance CLI against a server and judges its JSON results (the
// per-scenario checks.json files of --output-dir, never its console output) against a baseline
// of expected failures, with the CLI's own rules, over every scenario that ran: including those
// a requirement set runs without scoring (the tasks extension), which the CLI leaves unjudged.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';

const CLI = path.resolve('node_modules/@modelcontextprotocol/conformance/dist/index.js');

const CHECK = z.object({
  id: z.string(),
  status: z.enum(['SUCCESS', 'FAILURE', 'WARNING', 'INFO', 'SKIPPED']),
  errorMessage: z.string().optional(),
});
const CHECKS = z.array(CHECK);

/** A baseline file: `server` is what the CLI reads; `reasons` says why each entry fails. */
const BASELINE = z.object({ server: z.array(z.string().min(1)), reasons: z.record(z.string(), z.string().min(20)) });

export type ConformanceCheck = z.infer<typeof CHECK>;
export type Baseline = z.infer<typeof BASELINE>;

export interface ScenarioResult {
  scenario: string;
  checks: ConformanceCheck[];
}

export interface ConformanceRun {
  exitCode: number | null;
  /** The CLI's console output, for failure messages only. */
  output: string;
  results: ScenarioResult[];
}

export interface BaselineVerdict {
  /** Failing scenarios (or `scenario:check` ids) the baseline does not excuse. */
  unexpected: string[];
  /** Baseline entries that now pass, or whose scenario did not run: remove them. */
  stale: string[];
  /** Failures the baseline excuses. */
  expected: string[];
}

export function loadBaseline(file: string): Baseline {
  return BASELINE.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** Runs `conformance server --url <url> <args>` with the baseline, results in a fresh `outputDir`. */
export async function runConformance(url: string, args: readonly string[], baselineFile: string, outputDir: string): Promise<ConformanceRun> {
  fs.rmSync(outputDir, { recursive: true, force: true });
  fs.mkdirSync(outputDir, { recursive: true });
  const child = spawn(process.execPath, [CLI, 'server', '--url', url, ...args, '--expected-failures', path.resolve(baselineFile), '--output-dir', outputDir], {
    cwd: outputDir,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  return { exitCode, output, results: readResults(outputDir) };
}

/** The results the CLI saved: one `server-<scenario>-<timestamp>/checks.json` per scenario. */
export function readResults(outputDir: string): ScenarioResult[] {
  return fs
    .readdirSync(outputDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      scenario: entry.name.replace(/^server-/, '').replace(/-\d{4}-\d{2}-\d{2}T[\d-]+Z$/, ''),
      checks: CHECKS.parse(JSON.parse(fs.readFileSync(path.join(outputDir, entry.name, 'checks.json'), 'utf8'))),
    }))
    .sort((a, b) => a.scenario.localeCompare(b.scenario));
}

const failed = (check: ConformanceCheck) => check.status === 'FAILURE' || check.status === 'WARNING';
const SEVERITY: Record<ConformanceCheck['status'], number> = { FAILURE: 3, WARNING: 2, SUCCESS: 1, SKIPPED: 0, INFO: 0 };

/**
 * The CLI's baseline rule: a scenario fails when any check is a FAILURE or WARNING; an entry
 * `scenario` excuses the whole scenario, `scenario:check-id` one check (its repeats collapse to
 * the most severe). An excused scenario that passes, or an excused check that succeeds, is stale.
 */
export function judgeAgainstBaseline(results: readonly ScenarioResult[], entries: readonly string[]): BaselineVerdict {
  const verdict: BaselineVerdict = { unexpected: [], stale: [], expected: [] };
  const whole = new Set(entries.filter((entry) => !entry.includes(':')));
  const perCheck = new Map<string, Set<string>>();
  for (const entry of entries.filter((item) => item.includes(':'))) {
    const [scenario = '', checkId = ''] = entry.split(/:(.*)/s);
    perCheck.set(scenario, (perCheck.get(scenario) ?? new Set()).add(checkId));
  }
  for (const { scenario, checks } of results) {
    if (whole.has(scenario)) {
      (checks.some(failed) ? verdict.expected : verdict.stale).push(scenario);
      continue;
    }
    const worst = new Map<string, ConformanceCheck>();
    for (const check of checks) {
      const seen = worst.get(check.id);
      if (!seen || SEVERITY[check.status] >= SEVERITY[seen.status]) worst.set(check.id, check);
    }
    const excused = perCheck.get(scenario) ?? new Set<string>();
    for (const check of worst.values()) {
      if (failed(check)) (excused.has(check.id) ? verdict.expected : verdict.unexpected).push(`${scenario}:${check.id}`);
    }
    for (const checkId of excused) {
      if (worst.get(checkId)?.status === 'SUCCESS') verdict.stale.push(`${scenario}:${checkId}`);
    }
  }
  const ran = new Set(results.map((result) => result.scenario));
  verdict.stale.push(...entries.filter((entry) => !ran.has(entry.split(':')[0] ?? '')).map((entry) => `${entry} (did not run)`));
  return verdict;
}

/** One line per unexpected failure with the failing checks' messages, for an assertion message. */
export function describeFailures(results: readonly ScenarioResult[], ids: readonly string[]): string {
  return ids
    .map((id) => {
      const [scenario, checkId] = id.split(/:(.*)/s);
      const checks = results.find((result) => result.scenario === scenario)?.checks ?? [];
      const messages = checks.filter((check) => failed(check) && (checkId === undefined || check.id === checkId));
      return `  ${id}: ${messages.map((check) => `${check.id} ${check.status} ${check.errorMessage ?? ''}`.trim()).join('; ')}`;
    })
    .join('\n');
}
