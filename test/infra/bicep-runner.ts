// Runs the pinned Bicep CLI over infra/ for the infra tests: build and lint of every template,
// and `bicep snapshot` of main.bicep for a set of parameters (the resources a deployment would
// create, with every value Bicep can know before deploying filled in). Results are kept under
// .tmp/infra-cache/, keyed by the content of infra/, the CLI version, the parameters and today's
// date (one linter rule judges API versions by their age), so the test files of one run share a
// compilation instead of each paying for it.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureBicepCli } from '../../dev/infra/bicep-cli.js';

export const INFRA_DIR = 'infra';
const CACHE_ROOT = '.tmp/infra-cache';

export interface BicepDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly level: 'Error' | 'Warning' | 'Info';
  readonly code: string;
  readonly message: string;
}

/** Diagnostics in the CLI's default format: `path(line,col) : Level CODE: message`. */
export function parseDiagnostics(output: string): BicepDiagnostic[] {
  return [...output.matchAll(/^(.+?)\((\d+),(\d+)\) : (Error|Warning|Info) ([\w-]+): (.*)$/gm)].map((m) => ({
    file: m[1] ?? '',
    line: Number(m[2]),
    column: Number(m[3]),
    level: m[4] as BicepDiagnostic['level'],
    code: m[5] ?? '',
    message: m[6] ?? '',
  }));
}

/** What fails the check: anything at warning level or above (an unknown property, BCP037, is only a warning). */
export function blockingDiagnostics(diagnostics: readonly BicepDiagnostic[]): BicepDiagnostic[] {
  return diagnostics.filter((d) => d.level === 'Error' || d.level === 'Warning');
}

export function formatDiagnostics(diagnostics: readonly BicepDiagnostic[]): string {
  return diagnostics.map((d) => `${path.relative(process.cwd(), d.file)}(${d.line},${d.column}) ${d.level} ${d.code}: ${d.message.slice(0, 300)}`).join('\n');
}

/** Runs the CLI; returns its combined output and exit status (a failing status is not thrown). */
export function runBicep(args: readonly string[]): { output: string; status: number } {
  const { binary } = ensureBicepCli();
  try {
    const stdout = execFileSync(binary, [...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
    return { output: stdout, status: 0 };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; status?: number };
    return { output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`, status: failed.status ?? 1 };
  }
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : filesUnder(full);
      return [full];
    })
    .sort();
}

/** A key for everything that decides a result: infra/'s files, the CLI version, the day, the inputs. */
function cacheKey(kind: string, inputs: unknown): string {
  const hash = crypto.createHash('sha256');
  hash.update(`${kind}\n${ensureBicepCli().version}\n${new Date().toISOString().slice(0, 10)}\n${JSON.stringify(inputs)}\n`);
  for (const file of filesUnder(INFRA_DIR)) hash.update(`${file}\n`).update(fs.readFileSync(file));
  return `${kind}-${hash.digest('hex').slice(0, 24)}`;
}

/** Computes into a fresh folder and moves it into place whole; a folder already there is reused. */
function cached(kind: string, inputs: unknown, compute: (dir: string) => void): string {
  const dir = path.join(CACHE_ROOT, cacheKey(kind, inputs));
  if (fs.existsSync(dir)) return dir;
  fs.mkdirSync(CACHE_ROOT, { recursive: true });
  const work = fs.mkdtempSync(path.join(CACHE_ROOT, `.${kind}-`));
  try {
    compute(work);
  } catch (error) {
    fs.rmSync(work, { recursive: true, force: true });
    throw error;
  }
  try {
    fs.renameSync(work, dir);
  } catch (error) {
    fs.rmSync(work, { recursive: true, force: true });
    if (!fs.existsSync(dir)) throw error;
  }
  return dir;
}

/** `bicep build` of every .bicep file under infra/: the compiled templates and the diagnostics. */
export function buildAll(): { outDir: string; diagnostics: BicepDiagnostic[] } {
  const dir = cached('build', null, (work) => {
    const { output } = runBicep(['build', '--pattern', `${INFRA_DIR}/**/*.bicep`, '--outdir', path.join(work, 'out')]);
    fs.writeFileSync(path.join(work, 'output.txt'), output);
  });
  return { outDir: path.join(dir, 'out'), diagnostics: parseDiagnostics(fs.readFileSync(path.join(dir, 'output.txt'), 'utf8')) };
}

/** `bicep lint` of every .bicep file under infra/ with infra/bicepconfig.json. */
export function lintAll(): BicepDiagnostic[] {
  const dir = cached('lint', null, (work) => {
    fs.writeFileSync(path.join(work, 'output.txt'), runBicep(['lint', '--pattern', `${INFRA_DIR}/**/*.bicep`]).output);
  });
  return parseDiagnostics(fs.readFileSync(path.join(dir, 'output.txt'), 'utf8'));
}

/** The compiled ARM template of main.bicep. */
export function compiledMain(): ArmTemplate {
  return JSON.parse(fs.readFileSync(path.join(buildAll().outDir, 'main.json'), 'utf8')) as ArmTemplate;
}

export interface ArmTemplate {
  parameters: Record<string, { type: string; defaultValue?: unknown }>;
  outputs: Record<string, { type: string; value: unknown }>;
  [key: string]: unknown;
}

export interface PredictedResource {
  id: string;
  type: string;
  name: string;
  apiVersion: string;
  location?: string;
  scope?: string;
  kind?: string;
  sku?: Record<string, unknown>;
  identity?: Record<string, unknown>;
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface Snapshot {
  predictedResources: PredictedResource[];
  diagnostics: unknown[];
  outputs: Record<string, unknown>;
}

/** The deployment's scope in snapshots: fixed ids, so names and role assignment ids are stable. */
export const SNAPSHOT_SCOPE = {
  subscriptionId: '00000000-0000-0000-0000-00000000a001',
  tenantId: '00000000-0000-0000-0000-0000000000aa',
  location: 'swedencentral',
  deploymentName: 'contoso-mcp-test',
} as const;

/** A JSON value as Bicep parameter syntax. */
function bicepLiteral(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(bicepLiteral).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value).map(([key, item]) => `'${key}': ${bicepLiteral(item)}`).join(', ')} }`;
  }
  throw new TypeError(`no Bicep literal for ${String(value)}`);
}

/** `bicep snapshot` of main.bicep with these parameters (at SNAPSHOT_SCOPE). */
export function snapshotOf(params: Readonly<Record<string, unknown>>): Snapshot {
  const dir = cached('snapshot', params, (work) => {
    const using = path.relative(work, path.join(INFRA_DIR, 'main.bicep')).split(path.sep).join('/');
    const lines = [`using '${using}'`, ...Object.entries(params).map(([name, value]) => `param ${name} = ${bicepLiteral(value)}`)];
    fs.writeFileSync(path.join(work, 'main.bicepparam'), `${lines.join('\n')}\n`);
    const { output, status } = runBicep([
      'snapshot', path.join(work, 'main.bicepparam'), '--mode', 'overwrite',
      '--subscription-id', SNAPSHOT_SCOPE.subscriptionId, '--tenant-id', SNAPSHOT_SCOPE.tenantId,
      '--location', SNAPSHOT_SCOPE.location, '--deployment-name', SNAPSHOT_SCOPE.deploymentName,
    ]);
    if (status !== 0 || !fs.existsSync(path.join(work, 'main.snapshot.json'))) throw new Error(`bicep snapshot failed (${status}):\n${output}`);
  });
  return JSON.parse(fs.readFileSync(path.join(dir, 'main.snapshot.json'), 'utf8')) as Snapshot;
}
