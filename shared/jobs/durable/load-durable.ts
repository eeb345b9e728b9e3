// durable-functions and two of its internal modules, loaded on first use. They are CommonJS: a
// dynamic import gives their exports as named exports under Node's own loader, but only under
// `default` once esbuild has bundled them (measured: `getClient is not a function` in dist/app).
// Every dynamic import of durable-functions goes through here so both shapes work.
import type * as DurableFunctions from 'durable-functions';
import type * as DurableApp from 'durable-functions/lib/src/app.js';
import type * as DurableTesting from 'durable-functions/lib/src/util/testingUtils.js';

type DurableModule = typeof DurableFunctions;

/** The module's exports whichever way the loader presented them. */
export function exportsOf<T extends object>(loaded: T | { default: T }, probe: keyof T): T {
  if (probe in loaded && (loaded as T)[probe] !== undefined) return loaded as T;
  return (loaded as { default: T }).default;
}

let durableModule: Promise<DurableModule> | undefined;

export function loadDurable(): Promise<DurableModule> {
  durableModule ??= import('durable-functions').then((loaded) => exportsOf<DurableModule>(loaded, 'getClient'));
  return durableModule;
}

export async function loadCreateOrchestrator(): Promise<typeof DurableTesting.createOrchestrator> {
  const loaded = await import('durable-functions/lib/src/util/testingUtils.js');
  return exportsOf(loaded, 'createOrchestrator').createOrchestrator;
}

export async function loadWrapActivityHandler(): Promise<typeof DurableApp.wrapActivityHandler> {
  const loaded = await import('durable-functions/lib/src/app.js');
  return exportsOf(loaded, 'wrapActivityHandler').wrapActivityHandler;
}
