// The local stand-in for the Durable Functions extension: runs the orchestrators and activities the
// app registered (df.app.orchestration / df.app.activity) with real replay over a history kept in
// SQLite, and serves the client API DurableClient calls. On start it resumes what a previous
// process left: scheduled work without a recorded completion runs again, timers are re-armed,
// delivered events get their episodes. Development tooling; in Azure the extension does this.
import type { RegisteredFunction } from '../host/core-api-shim.js';
import type { InvocationLog } from '../host/invocation-context.js';
import { orchestrationClientInputData, type WebhookEndpoints } from './client-input-data.js';
import { openDurableDatabase } from './durable-database.js';
import { durableFunctionsOf } from './durable-functions-registry.js';
import { createDurableStore } from './durable-store.js';
import { createEpisodeRunner } from './episode-runner.js';
import { createInstanceLanes } from './instance-lanes.js';
import { createInstanceManagement } from './instance-management.js';
import { startRpcServer } from './rpc-server.js';
import { createWorkRunner } from './work-runner.js';

export interface DurableRunnerOptions {
  /** The app's registrations (the core API shim's registeredFunctions). */
  functions: readonly RegisteredFunction[];
  /** The runner's own SQLite file (not the app's store). */
  databasePath: string;
  /** The host's public origin, for the webhook links in the client data (e.g. http://127.0.0.1:7071). */
  hostOrigin: string;
  /** Default: the extension's local default, TestHubName. */
  taskHubName?: string;
  log?: InvocationLog;
  clock?: () => Date;
  /** How long stop() waits for running activities and episodes. Default 5 s. */
  stopTimeoutMs?: number;
}

export interface DurableRunner {
  /** The durable client input's binding data (OrchestrationClientInputData). */
  readonly clientData: Readonly<Record<string, unknown>>;
  readonly rpcBaseUrl: string;
  readonly orchestrationNames: readonly string[];
  readonly activityNames: readonly string[];
  readonly databasePath: string;
  /** Stops serving, disarms timers, waits (bounded) for running work, closes the database. */
  stop(): Promise<void>;
}

const DEFAULT_TASK_HUB = 'TestHubName';
const DEFAULT_STOP_TIMEOUT_MS = 5_000;

export async function startDurableRunner(options: DurableRunnerOptions): Promise<DurableRunner> {
  const log = options.log ?? (() => {});
  const clock = options.clock ?? (() => new Date());
  const registry = durableFunctionsOf(options.functions);
  const store = createDurableStore(openDurableDatabase(options.databasePath));
  const lanes = createInstanceLanes();
  // Episodes start work, finished work wakes episodes: each calls the other once both exist.
  const episodes = createEpisodeRunner({ store, registry, lanes, clock, log, startWork: (instanceId, item) => work.start(instanceId, item) });
  const work = createWorkRunner({ store, registry, clock, log, delivered: (instanceId) => episodes.wake(instanceId) });
  const management = createInstanceManagement({ store, registry, lanes, episodes, clock });
  const endpoints: WebhookEndpoints = { hostOrigin: options.hostOrigin, taskHubName: options.taskHubName ?? DEFAULT_TASK_HUB };
  const rpc = await startRpcServer({ management, endpoints, clock }, log).catch((error: unknown) => {
    store.close();
    throw error;
  });

  for (const { instanceId, item } of store.allWork()) work.start(instanceId, item);
  for (const instanceId of store.instancesWithInbox()) episodes.wake(instanceId);

  let stopping: Promise<void> | undefined;
  async function stop(): Promise<void> {
    episodes.stop();
    await rpc.close();
    const timeoutMs = options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.all([work.stop(timeoutMs), lanes.idle()]), deadline]);
    clearTimeout(timer);
    store.close();
  }
  return {
    clientData: orchestrationClientInputData(endpoints, rpc.baseUrl),
    rpcBaseUrl: rpc.baseUrl,
    orchestrationNames: registry.orchestrationNames,
    activityNames: registry.activityNames,
    databasePath: options.databasePath,
    stop: () => (stopping ??= stop()),
  };
}
