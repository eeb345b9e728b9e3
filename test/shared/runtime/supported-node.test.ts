// The Node.js version check every entry point runs first: a clear message and exit code 1 on
// Node 20 instead of the segmentation fault the embedded store's native module gives there.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { unsupportedNodeMessage } from '../../../shared/runtime/supported-node.js';

/** Entry points npm test builds (dist/ and the bundle in dist/app by `npm run build`, dist-bench/ by the typecheck step). */
const ENTRY_POINTS = ['dist/app/index.js', 'dist/functions/index.js', 'dist/dev/host/start.js', 'dist/app/local-host.js', 'dist/dev/token/mint-token.js', 'dist/dev/scheduler/run-dev-scheduler.js', 'dist-bench/bench/run-bench.js'];

/** A `node` on PATH outside this project whose major version is below 22 (the machine's own), if any. */
function olderSystemNode(): { file: string; version: string } | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => dir !== '' && !dir.includes('node_modules'));
  for (const dir of [...dirs, '/usr/bin', '/usr/local/bin']) {
    const file = path.join(dir, 'node');
    if (!fs.existsSync(file)) continue;
    const probe = spawnSync(file, ['-p', 'process.versions.node'], { encoding: 'utf8' });
    const version = probe.stdout.trim();
    if (probe.status === 0 && Number.parseInt(version, 10) < 22) return { file, version };
  }
  return undefined;
}

describe('supported Node.js version', () => {
  it('accepts Node 22 and later and explains a refusal with the npm scripts', () => {
    for (const ok of ['22.0.0', '22.23.3', '24.1.0']) assert.equal(unsupportedNodeMessage(ok, 'The app'), undefined, ok);
    for (const old of ['20.20.2', '18.19.0', 'garbage']) {
      const message = unsupportedNodeMessage(old, 'The app') ?? '';
      assert.match(message, /^The app needs Node\.js 22 or later/, old);
      assert.match(message, /npm start, npm test/);
      assert.match(message, /npx node/);
    }
  });

  const older = olderSystemNode();
  it(`every built entry point exits 1 with that message on the machine's own Node ${older?.version ?? '(none below 22 on PATH)'}`, (t) => {
    if (!older) {
      t.skip('no Node.js below 22 on this machine: nothing to run the entry points with');
      return;
    }
    for (const entry of ENTRY_POINTS) {
      assert.ok(fs.existsSync(entry), `${entry} is built`);
      const run: SpawnSyncReturns<string> = spawnSync(older.file, [entry], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 30_000 });
      assert.equal(run.status, 1, `${entry}: exit ${run.status} signal ${run.signal}\n${run.stderr}`);
      assert.match(run.stderr, new RegExp(`needs Node\\.js 22 or later; this is Node\\.js ${older.version.replaceAll('.', '\\.')}\\.`), entry);
      assert.equal(run.stdout, '', `${entry} printed nothing else`);
    }
  });
});
