// The Bicep CLI that `npm test` compiles and lints infra/ with: restored from NuGet at the exact
// version infra/tools/bicep-cli.csproj names (the package Azure.Bicep.CommandLine.<platform>),
// into infra/tools/.bicep/ (git-ignored), and made executable. A restore runs in a temporary copy
// of the project and is moved into place whole, so two processes restoring at once cannot leave a
// half-written binary. Development tooling: nothing here is deployed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The project whose PackageDownload names the Bicep CLI and its version. */
export const BICEP_PROJECT = 'infra/tools/bicep-cli.csproj';
/** Where restored packages are kept (git-ignored). */
export const BICEP_CACHE_DIR = 'infra/tools/.bicep';

/** The BicepVersion property of the restore project: the one place the version is written. */
export function pinnedBicepVersion(projectFile = BICEP_PROJECT): string {
  const match = /<BicepVersion>([0-9]+\.[0-9]+\.[0-9]+)<\/BicepVersion>/.exec(fs.readFileSync(projectFile, 'utf8'));
  if (!match?.[1]) throw new Error(`${projectFile} names no <BicepVersion>x.y.z</BicepVersion>`);
  return match[1];
}

/** The NuGet package's runtime suffix for this machine (linux-x64 on CI). */
export function bicepRuntime(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  const osName = platform === 'darwin' ? 'osx' : platform === 'win32' ? 'win' : platform === 'linux' ? 'linux' : undefined;
  const cpu = arch === 'x64' ? 'x64' : arch === 'arm64' ? 'arm64' : undefined;
  if (!osName || !cpu) throw new Error(`no Bicep CLI package for ${platform}/${arch}`);
  return `${osName}-${cpu}`;
}

/** Where the binary lands inside a packages folder (NuGet lower-cases package ids). */
export function bicepBinaryIn(packagesDir: string, version: string, runtime: string): string {
  const binary = runtime.startsWith('win') ? 'bicep.exe' : 'bicep';
  return path.join(packagesDir, `azure.bicep.commandline.${runtime}`, version, 'tools', binary);
}

export interface RestoreResult {
  /** Absolute path of the executable. */
  binary: string;
  version: string;
  /** False when it was already there. */
  restored: boolean;
  durationMs: number;
}

function dotnetEnv(): NodeJS.ProcessEnv {
  return { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1', DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1' };
}

/** Restores the pinned Bicep CLI unless it is already in the cache; returns where it is. */
export function ensureBicepCli(repoRoot = process.cwd()): RestoreResult {
  const started = Date.now();
  const version = pinnedBicepVersion(path.join(repoRoot, BICEP_PROJECT));
  const runtime = bicepRuntime();
  const finalDir = path.join(repoRoot, BICEP_CACHE_DIR, `${version}-${runtime}`);
  const binary = bicepBinaryIn(finalDir, version, runtime);
  if (fs.existsSync(binary)) return { binary, version, restored: false, durationMs: Date.now() - started };

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bicep-restore-'));
  try {
    fs.copyFileSync(path.join(repoRoot, BICEP_PROJECT), path.join(work, 'bicep-cli.csproj'));
    const packages = path.join(work, 'packages');
    try {
      execFileSync('dotnet', ['restore', 'bicep-cli.csproj', '--packages', packages, `-p:BicepRuntime=${runtime}`], {
        cwd: work,
        env: dotnetEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      });
    } catch (error) {
      const output = error as { stdout?: string; stderr?: string };
      const detail = `${output.stdout ?? ''}${output.stderr ?? ''}` || String(error);
      const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
      throw new Error(
        missing
          ? 'The Bicep CLI is restored from NuGet with the .NET SDK, and `dotnet` is not on PATH: install the .NET SDK (8 or later)'
          : `dotnet restore of ${BICEP_PROJECT} failed:\n${detail.trim()}`,
        { cause: error },
      );
    }
    const restoredBinary = bicepBinaryIn(packages, version, runtime);
    if (!fs.existsSync(restoredBinary)) throw new Error(`the restore finished but ${restoredBinary} is missing`);
    fs.chmodSync(restoredBinary, 0o755);
    fs.mkdirSync(path.dirname(finalDir), { recursive: true });
    try {
      fs.renameSync(packages, finalDir);
    } catch (error) {
      // Another process restored the same version meanwhile: keep its copy.
      if (!fs.existsSync(binary)) throw error;
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return { binary, version, restored: true, durationMs: Date.now() - started };
}
