// keepTickObjectMaps holds one nextTick queue entry for the life of the process, so V8 keeps
// that entry's maps and nextTick's feedback stays valid after full collections (the effect on
// CPU is in bench/README.md). Checked here: what it holds, that it holds it once, that the async
// hook it used is gone, and, in a child process with V8's test natives, that entries built after
// four full collections still share the held entry's map.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHook } from 'node:async_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { keepTickObjectMaps } from '../../../shared/runtime/tick-object-maps.js';

/** The queue entry process.nextTick builds for `callback`, seen through an async hook. */
function entryOf(callback: () => void): object | undefined {
  let entry: object | undefined;
  const hook = createHook({
    init(_asyncId, type, _triggerAsyncId, resource) {
      if (type === 'TickObject') entry ??= resource;
    },
  }).enable();
  process.nextTick(callback);
  hook.disable();
  return entry;
}

describe('keepTickObjectMaps', () => {
  it('holds exactly one nextTick queue entry, the same one on every call', () => {
    const kept = keepTickObjectMaps();
    assert.equal(kept.length, 1);
    const [entry] = kept;
    const fresh = entryOf(() => {});
    assert.ok(entry && fresh);
    // A queue entry: its callback and args, plus Node's symbol-keyed async ids, like any other entry.
    assert.deepEqual(Object.keys(entry).sort(), Object.keys(fresh).sort());
    assert.deepEqual(Object.getOwnPropertySymbols(entry).map(String).sort(), Object.getOwnPropertySymbols(fresh).map(String).sort());
    assert.equal(typeof (entry as { callback?: unknown }).callback, 'function');
    assert.equal(keepTickObjectMaps(), kept);
    assert.equal(kept.length, 1);
  });

  it('leaves no async hook behind: later nextTicks are not captured', () => {
    const kept = keepTickObjectMaps();
    process.nextTick(() => {});
    assert.equal(keepTickObjectMaps().length, 1);
    assert.equal(kept.length, 1);
  });

  it('keeps the map that entries are built on across full collections', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contoso-tick-maps-'));
    const script = path.join(dir, 'probe.mjs');
    const moduleUrl = pathToFileURL(path.resolve('dist/shared/runtime/tick-object-maps.js')).href;
    fs.writeFileSync(
      script,
      `import { createHook } from 'node:async_hooks';
import { keepTickObjectMaps } from ${JSON.stringify(moduleUrl)};
const [kept] = keepTickObjectMaps();
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)');
const later = () => new Promise((resolve) => setImmediate(resolve));
for (let i = 0; i < 4; i++) { globalThis.gc(); await later(); }
let fresh;
const hook = createHook({ init(id, type, trigger, resource) { if (type === 'TickObject') fresh ??= resource; } }).enable();
process.nextTick(() => {});
hook.disable();
process.stdout.write(JSON.stringify({ sameMap: haveSameMap(kept, fresh) }));
`,
    );
    const run = spawnSync(process.execPath, ['--expose-gc', '--allow-natives-syntax', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { sameMap: true });
  });
});
