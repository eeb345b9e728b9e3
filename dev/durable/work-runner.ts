// Runs the work episodes schedule: activities (called at once, concurrently) and timers (armed
// until their time). A finished item's event goes into the instance's inbox in the same
// transaction that removes the work; when the work is already gone (terminated, purged) the
// result is dropped. Work still outstanding when the process dies is started again on the next
// start, so an activity runs at least once.
import type { InvocationLog } from '../host/invocation-context.js';
import { invokeActivity } from './activity-invocation.js';
import type { DurableFunctionsRegistry } from './durable-functions-registry.js';
import type { DurableStore, WorkItem } from './durable-store.js';
import { historyEvent, type HistoryEvent } from './history-events.js';

export interface WorkRunnerOptions {
  store: DurableStore;
  registry: DurableFunctionsRegistry;
  clock: () => Date;
  log: InvocationLog;
  /** Called after an event was added to the instance's inbox. */
  delivered: (instanceId: string) => void;
}

export interface WorkRunner {
  start(instanceId: string, item: WorkItem): void;
  /** Disarms every timer and waits (at most `timeoutMs`) for running activities to settle. */
  stop(timeoutMs: number): Promise<void>;
}

/** setTimeout's longest delay; longer timers are re-armed until their time. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export function createWorkRunner(options: WorkRunnerOptions): WorkRunner {
  const { store, registry, clock, log, delivered } = options;
  const running = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  // Stopping: no new work starts, finishing activities still record their results. Stopped: nothing more is written.
  let stopping = false;
  let stopped = false;

  function deliver(instanceId: string, item: WorkItem, event: HistoryEvent): void {
    if (stopped) return;
    if (store.deliver(instanceId, item, event)) delivered(instanceId);
  }

  async function runActivity(instanceId: string, item: Extract<WorkItem, { kind: 'activity' }>): Promise<void> {
    const outcome = await invokeActivity(registry.activity(item.name), item.name, item.input, log);
    const at = clock();
    const event = outcome.kind === 'completed' ? historyEvent.taskCompleted(at, item.eventId, outcome.result) : historyEvent.taskFailed(at, item.eventId, outcome.reason, outcome.details);
    deliver(instanceId, item, event);
  }

  function arm(instanceId: string, item: Extract<WorkItem, { kind: 'timer' }>): void {
    const wait = Date.parse(item.fireAt) - clock().getTime();
    const timer = setTimeout(() => {
      timers.delete(timer);
      // Longer than setTimeout can wait, or woken a little early: wait again for the rest.
      if (Date.parse(item.fireAt) > clock().getTime()) arm(instanceId, item);
      else deliver(instanceId, item, historyEvent.timerFired(clock(), item.eventId, item.fireAt));
    }, Math.max(0, Math.min(wait, MAX_TIMEOUT_MS)));
    timer.unref();
    timers.add(timer);
  }

  return {
    start(instanceId, item) {
      if (stopping) return;
      if (item.kind === 'timer') {
        arm(instanceId, item);
        return;
      }
      const run = runActivity(instanceId, item).catch((error: unknown) => {
        log('error', `durable runner: activity ${item.name} of ${instanceId}: ${error instanceof Error ? error.message : String(error)}`);
      });
      running.add(run);
      void run.finally(() => running.delete(run));
    },
    async stop(timeoutMs) {
      stopping = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      let timeout: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => (timeout = setTimeout(resolve, timeoutMs)));
      await Promise.race([Promise.allSettled([...running]), deadline]);
      clearTimeout(timeout);
      stopped = true;
    },
  };
}
