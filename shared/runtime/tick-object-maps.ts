// Keeps the V8 maps (hidden classes) of Node's process.nextTick queue entries alive for the
// life of the process, so nextTick stays on its fast path.
//
// nextTick builds each queue entry as an object literal with symbol keys, and V8 records in
// nextTick's feedback the maps that literal goes through. When a full garbage collection runs
// while no queue entry is alive, those maps are collected; the next entry is built on new maps,
// the feedback turns megamorphic and stays so, and from then on every nextTick (Node's HTTP
// server and streams call it about six times per request) defines its properties through the
// V8 runtime. Measured on the local host under tools/list load after its start-up collection:
// 8 % of the server's CPU, none with one entry kept. Holding one entry keeps its maps, and so
// the feedback, valid. Call it first thing in an entry point, before a full collection can run.
import { createHook } from 'node:async_hooks';

let kept: readonly object[] | undefined;

/** Captures and holds one nextTick queue entry (once per process); returns what is held. */
export function keepTickObjectMaps(): readonly object[] {
  if (kept !== undefined) return kept;
  const captured: object[] = [];
  // An async hook sees each entry as the resource of its TickObject init; enabled only for this one call.
  const hook = createHook({
    init(_asyncId, type, _triggerAsyncId, resource) {
      if (type === 'TickObject') captured.push(resource);
    },
  });
  hook.enable();
  try {
    process.nextTick(doNothing);
  } finally {
    hook.disable();
  }
  kept = captured;
  return kept;
}

function doNothing(): void {}
