// Runs the pinned Bicep CLI over infra/ for the infra tests: build and lint of every template,
// and `bicep snapshot` of main.bicep for sets of parameters (the resources a deployment would
// create, with every value Bicep can know before deploying filled in), the runs side by side.
// Results are kept under .tmp/infra-cache/, keyed by the content of infra/, the CLI version, the
// parameters and today's date (one linter rule judges API versions by their age): the first test
// file computes them while the others wait, so a run pays for one compilation.
import { execFile, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
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

/** A key for everything that decides the results: infra/'s files, the CLI version, the day, the inputs. */
function cacheKey(inputs: unknown): string {
  const hash = crypto.createHash('sha256');
  hash.update(`${ensureBicepCli().version}\n${new Date().toISOString().slice(0, 10)}\n${JSON.stringify(inputs)}\n`);
  for (const file of filesUnder(INFRA_DIR)) hash.update(`${file}\n`).update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 24);
}

const execFileAsync = promisify(execFile);

/** Runs the CLI without blocking, so several runs share the machine's cores. */
async function runBicepAsync(args: readonly string[]): Promise<{ output: string; status: number }> {
  const { binary } = ensureBicepCli();
  try {
    const { stdout, stderr } = await execFileAsync(binary, [...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { output: `${stdout}${stderr}`, status: 0 };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; code?: number };
    return { output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`, status: typeof failed.code === 'number' ? failed.code : 1 };
  }
}

/** What the infra tests read: built templates, lint diagnostics, and one snapshot per parameter set. */
export interface InfraArtifacts {
  readonly outDir: string;
  readonly buildDiagnostics: readonly BicepDiagnostic[];
  readonly lintDiagnostics: readonly BicepDiagnostic[];
  readonly snapshots: Readonly<Record<string, Snapshot>>;
}

let loaded: InfraArtifacts | undefined;

/** The artifacts loaded by loadInfraArtifacts() (in a `before` hook). */
export function infraArtifacts(): InfraArtifacts {
  if (!loaded) throw new Error('call loadInfraArtifacts() in a before() hook first');
  return loaded;
}

/** Builds, lints and snapshots into `work`, the four CLI runs side by side. */
async function computeArtifacts(work: string, paramSets: Readonly<Record<string, Readonly<Record<string, unknown>>>>): Promise<void> {
  const build = runBicepAsync(['build', '--pattern', `${INFRA_DIR}/**/*.bicep`, '--outdir', path.join(work, 'out')]);
  const lint = runBicepAsync(['lint', '--pattern', `${INFRA_DIR}/**/*.bicep`]);
  const snapshots = Object.entries(paramSets).map(async ([name, params]) => {
    const dir = path.join(work, name);
    fs.mkdirSync(dir);
    const using = path.relative(dir, path.join(INFRA_DIR, 'main.bicep')).split(path.sep).join('/');
    const lines = [`using '${using}'`, ...Object.entries(params).map(([param, value]) => `param ${param} = ${bicepLiteral(value)}`)];
    fs.writeFileSync(path.join(dir, 'main.bicepparam'), `${lines.join('\n')}\n`);
    const { output, status } = await runBicepAsync([
      'snapshot', path.join(dir, 'main.bicepparam'), '--mode', 'overwrite',
      '--subscription-id', SNAPSHOT_SCOPE.subscriptionId, '--tenant-id', SNAPSHOT_SCOPE.tenantId,
      '--location', SNAPSHOT_SCOPE.location, '--deployment-name', SNAPSHOT_SCOPE.deploymentName,
    ]);
    if (status !== 0 || !fs.existsSync(path.join(dir, 'main.snapshot.json'))) throw new Error(`bicep snapshot of ${name} failed (${status}):\n${output}`);
  });
  const [built, linted] = await Promise.all([build, lint, ...snapshots]);
  fs.writeFileSync(path.join(work, 'build.txt'), built.output);
  fs.writeFileSync(path.join(work, 'lint.txt'), linted.output);
}

const LOCK_STALE_MS = 10 * 60_000;
const ENTRY_STALE_MS = 24 * 60 * 60_000;

/** Results of earlier days or older versions of infra/ are not read again: drop them. */
function removeStaleEntries(): void {
  for (const entry of fs.readdirSync(CACHE_ROOT)) {
    const full = path.join(CACHE_ROOT, entry);
    if (Date.now() - fs.statSync(full).mtimeMs > ENTRY_STALE_MS) fs.rmSync(full, { recursive: true, force: true });
  }
}
const LOCK_POLL_MS = 200;

/**
 * Loads the artifacts for these parameter sets, computing them unless this run (or an earlier
 * one today, on the same files) already did. One process computes while the others wait for it.
 */
export async function loadInfraArtifacts(paramSets: Readonly<Record<string, Readonly<Record<string, unknown>>>>): Promise<InfraArtifacts> {
  const dir = path.join(CACHE_ROOT, cacheKey(paramSets));
  const lock = `${dir}.lock`;
  fs.mkdirSync(CACHE_ROOT, { recursive: true });
  while (!fs.existsSync(dir)) {
    let owner = false;
    try {
      fs.mkdirSync(lock);
      owner = true;
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > LOCK_STALE_MS) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
    if (!owner) continue;
    removeStaleEntries();
    const work = fs.mkdtempSync(`${dir}.work-`);
    try {
      await computeArtifacts(work, paramSets);
      fs.renameSync(work, dir);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
  loaded = {
    outDir: path.join(dir, 'out'),
    buildDiagnostics: parseDiagnostics(fs.readFileSync(path.join(dir, 'build.txt'), 'utf8')),
    lintDiagnostics: parseDiagnostics(fs.readFileSync(path.join(dir, 'lint.txt'), 'utf8')),
    snapshots: Object.fromEntries(
      Object.keys(paramSets).map((name) => [name, JSON.parse(fs.readFileSync(path.join(dir, name, 'main.snapshot.json'), 'utf8')) as Snapshot]),
    ),
  };
  return loaded;
}

/** The compiled ARM template of main.bicep. */
export function compiledMain(): ArmTemplate {
  return JSON.parse(fs.readFileSync(path.join(infraArtifacts().outDir, 'main.json'), 'utf8')) as ArmTemplate;
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
