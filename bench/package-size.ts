// The deployment package: the compiled app (dist/ without the development host in dist/dev)
// plus the production dependencies exactly as `npm ci --omit=dev` installs them from the
// lockfile, in a temporary copy so the working tree's node_modules is untouched.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export interface TreeSize {
  bytes: number;
  files: number;
}

export interface PackageSize {
  /** dist/ without dist/dev, source maps included (they ship with `func publish` by default). */
  app: TreeSize;
  /** The .js.map files inside `app`. */
  appSourceMaps: TreeSize;
  productionModules: TreeSize;
  /** Top-level production packages by size, largest first. */
  largestPackages: Array<{ name: string; bytes: number }>;
  /** Prebuilt better-sqlite3 binaries inside the install (name → bytes); empty when none. */
  sqlitePrebuilds: Record<string, number>;
  /** better-sqlite3's C/C++ sources and build files (deps/, src/, binding.gyp): unused at run time. */
  sqliteSourceBytes: number;
  npmCiSeconds: number;
}

/** Apparent size (sum of file sizes) of a tree, skipping paths for which `skip` is true. */
export function treeSize(root: string, skip: (file: string) => boolean = () => false): TreeSize {
  let bytes = 0;
  let files = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (skip(full)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        bytes += fs.statSync(full).size;
        files++;
      }
    }
  };
  if (fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) walk(root);
  return { bytes, files };
}

/** Size of a single file (0 for a folder or nothing). */
function fileBytes(file: string): number {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat?.isFile() ? stat.size : 0;
}

function packageDirs(modules: string): string[] {
  return fs.readdirSync(modules).flatMap((name) => {
    if (name.startsWith('.')) return [];
    if (!name.startsWith('@')) return [name];
    return fs.readdirSync(path.join(modules, name)).map((inner) => `${name}/${inner}`);
  });
}

export async function measurePackageSize(repoRoot: string): Promise<PackageSize> {
  const dist = path.join(repoRoot, 'dist');
  const devDir = path.join(dist, 'dev');
  const app = treeSize(dist, (file) => file === devDir);
  const appSourceMaps = treeSize(dist, (file) => file === devDir || (!file.endsWith('.map') && !fs.statSync(file).isDirectory()));

  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'contoso-bench-package-'));
  try {
    for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(repoRoot, file), path.join(temp, file));
    const started = Date.now();
    await promisify(execFile)('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: temp,
      maxBuffer: 16 * 1024 * 1024,
    });
    const npmCiSeconds = (Date.now() - started) / 1000;
    const modules = path.join(temp, 'node_modules');
    const largestPackages = packageDirs(modules)
      .map((name) => ({ name, bytes: treeSize(path.join(modules, name)).bytes }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 8);
    const prebuildDir = path.join(modules, 'better-sqlite3', 'prebuilds');
    const sqlitePrebuilds = fs.existsSync(prebuildDir)
      ? Object.fromEntries(fs.readdirSync(prebuildDir).map((name) => [name, fs.statSync(path.join(prebuildDir, name)).size]))
      : {};
    const sqliteDir = path.join(modules, 'better-sqlite3');
    const sqliteSourceBytes = ['deps', 'src', 'binding.gyp'].reduce((sum, part) => sum + treeSize(path.join(sqliteDir, part)).bytes + fileBytes(path.join(sqliteDir, part)), 0);
    return { app, appSourceMaps, productionModules: treeSize(modules), largestPackages, sqlitePrebuilds, sqliteSourceBytes, npmCiSeconds };
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}
