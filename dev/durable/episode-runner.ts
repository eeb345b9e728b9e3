// Drives instances forward: for each event waiting in an instance's inbox, one episode replays the
// orchestrator over the recorded history plus that event (OrchestratorStarted first: its time is
// the orchestrator's currentUtcDateTime), commits what the plan says, then starts the new work.
// Episodes of one instance run one at a time in the instance's lane; instances run concurrently.
import type { InvocationLog } from '../host/invocation-context.js';
import type { DurableFunctionsRegistry } from './durable-functions-registry.js';
import { isFinished, type DurableStore, type InboxMessage, type InstanceRecord, type WorkItem } from './durable-store.js';
import { planEpisode } from './episode-plan.js';
import { historyEvent } from './history-events.js';
import type { InstanceLanes } from './instance-lanes.js';
import { invokeOrchestrator, type OrchestratorOutcome } from './orchestrator-invocation.js';

export interface EpisodeRunnerOptions {
  store: DurableStore;
  registry: DurableFunctionsRegistry;
  lanes: InstanceLanes;
  /** Starts an activity or arms a timer (the work runner). */
  startWork: (instanceId: string, item: WorkItem) => void;
  clock: () => Date;
  log: InvocationLog;
}

export interface EpisodeRunner {
  /** Makes sure the instance's waiting events get their episodes. */
  wake(instanceId: string): void;
  /** No episode starts after this. */
  stop(): void;
}

/** A JSON text as a value (the orchestration input); unparsable text stays text. */
function parseInput(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function unknownOrchestratorMessage(name: string, registry: DurableFunctionsRegistry): string {
  return `The function '${name}' doesn't exist, is disabled, or is not an orchestrator function. Known orchestrator functions: '${registry.orchestrationNames.join("', '")}'.`;
}

export function createEpisodeRunner(options: EpisodeRunnerOptions): EpisodeRunner {
  const { store, registry, lanes, clock, log } = options;
  const waking = new Set<string>();
  let stopped = false;

  async function runEpisode(instance: InstanceRecord, message: InboxMessage): Promise<void> {
    const recorded = store.steps(instance.instanceId);
    const started = historyEvent.orchestratorStarted(clock());
    const history = [...store.history(instance.instanceId), started, { ...message.event, IsPlayed: false }];
    const fn = registry.orchestration(instance.name);
    const outcome: OrchestratorOutcome =
      fn === undefined
        ? { kind: 'crashed', message: unknownOrchestratorMessage(instance.name, registry) }
        : await invokeOrchestrator(fn, { instanceId: instance.instanceId, input: parseInput(instance.input), history }, log);
    if (stopped) return; // the database may be closing: the event stays in the inbox for the next start
    const plan = planEpisode({ instance, recorded, work: store.workOf(instance.instanceId), message, started, outcome, registry, end: clock() });
    store.apply(plan.change);
    if (plan.change.runtimeStatus === 'Failed') log('warning', `durable runner: ${instance.name} ${instance.instanceId} failed: ${plan.change.output ?? ''}`);
    for (const item of plan.startWork) options.startWork(instance.instanceId, item);
  }

  async function drain(instanceId: string): Promise<void> {
    while (!stopped) {
      const instance = store.instance(instanceId);
      if (instance === undefined || isFinished(instance.runtimeStatus) || instance.runtimeStatus === 'Suspended') return;
      const message = store.firstInboxMessage(instanceId);
      if (message === undefined) return;
      await runEpisode(instance, message);
    }
  }

  return {
    wake(instanceId) {
      if (stopped || waking.has(instanceId)) return;
      waking.add(instanceId);
      lanes
        .run(instanceId, () => {
          waking.delete(instanceId);
          return drain(instanceId);
        })
        .catch((error: unknown) => log('error', `durable runner: instance ${instanceId}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    },
    stop() {
      stopped = true;
    },
  };
}
