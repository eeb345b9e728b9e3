// The deployment package as zip deploy ships it: `packageApp()` of `npm run package` builds
// dist/deploy and dist/package.zip, and this reads the zip's own directory to tell its
// compressed size and what is in it (the app's JavaScript, the native SQLite binary, the rest).
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface PackagePart {
  files: number;
  /** Uncompressed size. */
  bytes: number;
  /** Size inside the zip. */
  compressedBytes: number;
}

export interface PackageSize {
  /** The zip file's size: what zip deploy uploads. */
  zipBytes: number;
  files: number;
  /** The bundled app: its entry and the chunks it loads (`.js`). */
  javascript: PackagePart;
  /** Native binaries (`.node`): better-sqlite3's linux-x64 build. */
  native: PackagePart;
  /** Everything else: host.json, package.json, license notes, the bundle manifest. */
  other: PackagePart;
  /** Source maps in the zip (the goal counts the package without them; `npm run package` leaves them out). */
  sourceMaps: PackagePart;
  /** Build time of the bundle and zip. */
  packageSeconds: number;
}

interface ZipEntry {
  name: string;
  bytes: number;
  compressedBytes: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

/** The entries a zip's central directory lists (no zip64: the package is far below 4 GB). */
export function zipEntries(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== END_OF_CENTRAL_DIRECTORY) end--;
  if (end < 0) throw new Error('not a zip file (no end of central directory record)');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (view.getUint32(at, true) !== CENTRAL_DIRECTORY_ENTRY) throw new Error(`zip central directory entry ${index} is malformed`);
    const nameLength = view.getUint16(at + 28, true);
    const name = Buffer.from(zip.subarray(at + 46, at + 46 + nameLength)).toString('utf8');
    entries.push({ name, compressedBytes: view.getUint32(at + 20, true), bytes: view.getUint32(at + 24, true) });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

function part(entries: readonly ZipEntry[]): PackagePart {
  return {
    files: entries.length,
    bytes: entries.reduce((sum, entry) => sum + entry.bytes, 0),
    compressedBytes: entries.reduce((sum, entry) => sum + entry.compressedBytes, 0),
  };
}

/** Builds the deployment package exactly as `npm run package` does (run from the repository root) and measures the zip. */
export async function measurePackageSize(): Promise<PackageSize> {
  const { packageApp, PACKAGE_ZIP } = await import('../dev/build/package-app.js');
  const started = performance.now();
  const { zipBytes } = await packageApp();
  const packageSeconds = (performance.now() - started) / 1000;
  const entries = zipEntries(fs.readFileSync(PACKAGE_ZIP));
  const kind = (entry: ZipEntry) => (entry.name.endsWith('.map') ? 'map' : entry.name.endsWith('.js') ? 'js' : entry.name.endsWith('.node') ? 'node' : 'other');
  return {
    zipBytes,
    files: entries.length,
    javascript: part(entries.filter((entry) => kind(entry) === 'js')),
    native: part(entries.filter((entry) => kind(entry) === 'node')),
    other: part(entries.filter((entry) => kind(entry) === 'other')),
    sourceMaps: part(entries.filter((entry) => kind(entry) === 'map')),
    packageSeconds,
  };
}
