// Stands up the local Durable Functions extension (dev/durable) for `npm start` when the app uses
// Durable Functions: it registered an orchestration, or a function with a durable client input.
// The runner keeps its history in DATA_DIR/durable.db and is loaded only then, so apps without
// orchestrations pay nothing for it.
import path from 'node:path';
import type { RegisteredFunction } from './core-api-shim.js';
import type { ExtraInputValues, InvocationLog } from './invocation-context.js';

export interface DurableExtension {
  /** The durable client's binding data, by binding type, for createLocalHostListener. */
  extraInputValues: ExtraInputValues;
  /** One line for the console: what runs and where its history is. */
  summary: string;
  stop(): Promise<void>;
}

export interface DurableExtensionOptions {
  functions: readonly RegisteredFunction[];
  hostJson: Record<string, unknown>;
  dataDir: string;
  /** The host's origin (http://127.0.0.1:PORT). */
  hostOrigin: string;
  log: InvocationLog;
}

/** The runner's database file inside DATA_DIR (the app's store has its own file there). */
export const DURABLE_DATABASE_FILE = 'durable.db';

function usesDurableFunctions(functions: readonly RegisteredFunction[]): boolean {
  return functions.some((fn) =>
    Object.values(fn.metadata.bindings).some((binding) => binding.type === 'orchestrationTrigger' || binding.type === 'durableClient' || binding.type === 'orchestrationClient'),
  );
}

/** host.json extensions.durableTask.hubName, when set. */
function taskHubName(hostJson: Record<string, unknown>): string | undefined {
  const extensions = hostJson.extensions as { durableTask?: { hubName?: unknown } } | undefined;
  const name = extensions?.durableTask?.hubName;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** Starts the runner when the app uses Durable Functions; undefined otherwise. */
export async function startDurableExtension(options: DurableExtensionOptions): Promise<DurableExtension | undefined> {
  if (!usesDurableFunctions(options.functions)) return undefined;
  const { startDurableRunner } = await import('../durable/durable-runner.js');
  const databasePath = path.join(options.dataDir, DURABLE_DATABASE_FILE);
  const hubName = taskHubName(options.hostJson);
  const runner = await startDurableRunner({
    functions: options.functions,
    databasePath,
    hostOrigin: options.hostOrigin,
    log: options.log,
    ...(hubName === undefined ? {} : { taskHubName: hubName }),
  });
  return {
    extraInputValues: new Map([
      ['durableClient', runner.clientData],
      ['orchestrationClient', runner.clientData],
    ]),
    summary: `durable runner: ${runner.orchestrationNames.length} orchestrations, ${runner.activityNames.length} activities, history in ${databasePath}`,
    stop: () => runner.stop(),
  };
}
