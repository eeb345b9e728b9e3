// Bundles the function app with esbuild: one ESM file per entry (`dist/app/index.js`, what
// package.json "main" names, so func start and the local host load it), tree-shaken, minified,
// with lazily loaded parts split into chunks of their own and source maps beside the code.
// `--deploy` bundles for Azure's Linux x64 workers instead (packaging: everything inside the
// bundle, better-sqlite3's linux-x64 binary copied beside it). Development tooling.
import fs from 'node:fs';
import path from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';

export interface BundleOptions {
  /** Output folder. */
  outdir: string;
  /** Bundle for Azure's Linux x64 workers: better-sqlite3 inside, its native binary beside it. */
  deploy: boolean;
}

/** What each output file of the bundle holds (its inputs), written beside it for tests and readers. */
export const BUNDLE_MANIFEST = 'bundle-manifest.json';

/** Where the bundled app finds the native SQLite binding (next to the chunks). */
export const NATIVE_SQLITE_FILE = 'native/better_sqlite3.node';

/** ESM output that still lets bundled CommonJS (`@azure/functions`, better-sqlite3) call `require`. */
const REQUIRE_BANNER = "import { createRequire as __contosoCreateRequire } from 'node:module'; const require = __contosoCreateRequire(import.meta.url);";

/**
 * Deploy bundles load better-sqlite3's linux-x64 build and its `.node` file from beside the chunks:
 * the package's per-platform entry is bundled, and its binary require becomes an external path.
 */
function linuxX64Sqlite(outdir: string): Plugin {
  return {
    name: 'linux-x64-sqlite',
    setup(bundle) {
      bundle.onResolve({ filter: /^better-sqlite3$/ }, (args) => bundle.resolve('better-sqlite3/linux-x64', { kind: args.kind, resolveDir: args.resolveDir }));
      bundle.onResolve({ filter: /prebuilds[\\/]linux-x64\.node$/ }, () => ({ path: `./${NATIVE_SQLITE_FILE}`, external: true }));
      bundle.onEnd(() => {
        const target = path.join(outdir, NATIVE_SQLITE_FILE);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.copyFileSync(path.resolve('node_modules/better-sqlite3/prebuilds/linux-x64.node'), target);
      });
    },
  };
}

/**
 * The app entry (what package.json "main" names); development bundles also hold the local host
 * (`npm start`), so the two share chunks (zod, config, @azure/functions) and load as few files as
 * possible. Deploy bundles hold only the app.
 */
function entryPointsOf(options: BundleOptions): Record<string, string> {
  return options.deploy ? { index: 'functions/index.ts' } : { index: 'functions/index.ts', [LOCAL_HOST_ENTRY]: 'dev/host/start.ts' };
}

/** The local host's entry in a development bundle (`dist/app/local-host.js`). */
export const LOCAL_HOST_ENTRY = 'local-host';

export async function bundleApp(options: BundleOptions): Promise<Metafile> {
  fs.rmSync(options.outdir, { recursive: true, force: true });
  const result = await build({
    entryPoints: entryPointsOf(options),
    outdir: options.outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
    banner: { js: REQUIRE_BANNER },
    // The Functions worker (or the local host) provides the core API module at run time.
    external: ['@azure/functions-core', ...(options.deploy ? [] : ['better-sqlite3'])],
    plugins: options.deploy ? [linuxX64Sqlite(options.outdir)] : [],
  });
  const manifest = Object.fromEntries(
    Object.entries(result.metafile.outputs)
      .filter(([file]) => file.endsWith('.js'))
      .map(([file, output]) => [path.basename(file), { bytes: output.bytes, inputs: Object.keys(output.inputs).sort() }]),
  );
  fs.writeFileSync(path.join(options.outdir, BUNDLE_MANIFEST), `${JSON.stringify(manifest, null, 1)}
`);
  return result.metafile;
}

async function main(): Promise<void> {
  const deploy = process.argv.includes('--deploy');
  const outdir = deploy ? 'dist/deploy/app' : 'dist/app';
  const metafile = await bundleApp({ outdir, deploy });
  const bytes = Object.values(metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  process.stdout.write(`bundled the app into ${outdir} (${Object.keys(metafile.outputs).filter((f) => f.endsWith('.js')).length} files, ${(bytes / 1024).toFixed(0)} KiB with maps)\n`);
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  main().catch((error: unknown) => {
    process.stderr.write(`bundling failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
