// `npm run package`: the deployment package Azure Functions runs, as a zip: the app bundled for
// Linux x64 (dev/build/bundle-app.ts --deploy), better-sqlite3's linux-x64 binary beside it,
// host.json (for the durable backend DURABLE_BACKEND names) and a package.json naming the bundle
// as "main". No node_modules and no source maps (they stay in dist/deploy for debugging). The
// zip's exact contents are also laid out in dist/package, the folder `azd deploy` zips
// (azure.yaml `dist`). Prints what it wrote and its size.
import fs from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { bundleApp } from './bundle-app.js';
import { durableBackendFrom, hostJsonFor } from './durable-backend.js';

export const DEPLOY_DIR = 'dist/deploy';
export const PACKAGE_ZIP = 'dist/package.zip';
/** The zip's contents, unzipped: what azd deploys. */
export const PACKAGE_DIR = 'dist/package';

/** The package.json Azure reads: only what the Functions host needs to load the bundle. */
function deployManifest(): string {
  const source = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { name: string; version: string; description?: string; engines: unknown };
  return `${JSON.stringify({ name: source.name, version: source.version, description: source.description, private: true, type: 'module', main: 'app/index.js', engines: source.engines }, null, 2)}\n`;
}

function filesUnder(root: string, dir = root): string[] {
  return fs.readdirSync(path.join(root, path.relative(root, dir)), { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(root, full) : [path.relative(root, full)];
  });
}

/** Builds dist/deploy, the zip and dist/package (`env` gives DURABLE_BACKEND); returns the zip's size and files. */
export async function packageApp(env: Readonly<Record<string, string | undefined>> = process.env): Promise<{ zipBytes: number; files: string[] }> {
  const backend = durableBackendFrom(env);
  fs.rmSync(DEPLOY_DIR, { recursive: true, force: true });
  fs.rmSync(PACKAGE_DIR, { recursive: true, force: true });
  await bundleApp({ outdir: path.join(DEPLOY_DIR, 'app'), deploy: true });
  fs.writeFileSync(path.join(DEPLOY_DIR, 'host.json'), hostJsonFor(fs.readFileSync('host.json', 'utf8'), backend));
  fs.writeFileSync(path.join(DEPLOY_DIR, 'package.json'), deployManifest());
  const files = filesUnder(DEPLOY_DIR).filter((file) => !file.endsWith('.map')).sort();
  const entries: Zippable = {};
  for (const file of files) {
    entries[file.split(path.sep).join('/')] = [fs.readFileSync(path.join(DEPLOY_DIR, file)), { level: 9 }];
    fs.mkdirSync(path.dirname(path.join(PACKAGE_DIR, file)), { recursive: true });
    fs.copyFileSync(path.join(DEPLOY_DIR, file), path.join(PACKAGE_DIR, file));
  }
  const zip = zipSync(entries);
  fs.writeFileSync(PACKAGE_ZIP, zip);
  return { zipBytes: zip.byteLength, files };
}

async function main(): Promise<void> {
  const { zipBytes, files } = await packageApp();
  process.stdout.write(
    `${PACKAGE_ZIP}: ${(zipBytes / 1e6).toFixed(2)} MB compressed, ${files.length} files, durable backend ${durableBackendFrom(process.env)} (${PACKAGE_DIR} holds them for azd; ${DEPLOY_DIR} also has the source maps)\n`,
  );
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  main().catch((error: unknown) => {
    process.stderr.write(`packaging failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
