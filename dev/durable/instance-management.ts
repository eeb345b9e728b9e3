// The operations behind the DurableClient API: start, query, terminate, suspend, resume, raise an
// event, purge. Each change to an instance runs in its lane, so it never interleaves with an
// episode of the same instance; finishing an instance drops its outstanding work, so results of
// activities still running are discarded.
import { randomUUID } from 'node:crypto';
import type { DurableFunctionsRegistry } from './durable-functions-registry.js';
import { isFinished, type DurableStore, type InstanceFilter, type InstanceRecord } from './durable-store.js';
import type { EpisodeRunner } from './episode-runner.js';
import { historyEvent, type HistoryEvent } from './history-events.js';
import { instanceIdProblem, newInstanceId } from './instance-ids.js';
import type { InstanceLanes } from './instance-lanes.js';
import { InstanceAlreadyExistsError, InvalidInstanceIdError, UnknownOrchestratorError } from './runner-errors.js';

/** How a control operation (terminate, suspend, resume, raise) went, as the extension tells it. */
export type ControlOutcome = 'accepted' | 'not-found' | 'gone';

export interface InstanceManagement {
  /** Starts an orchestration; its id. Throws a DurableRequestError when refused. */
  startNew(name: string, instanceId: string | undefined, input: string | null): Promise<string>;
  instance(instanceId: string): InstanceRecord | undefined;
  history(instanceId: string): HistoryEvent[];
  instances(filter: InstanceFilter): InstanceRecord[];
  /** `reason` becomes the output (null when the client gave none). */
  terminate(instanceId: string, reason: string | null): Promise<ControlOutcome>;
  suspend(instanceId: string, reason: string | null): Promise<ControlOutcome>;
  resume(instanceId: string, reason: string | null): Promise<ControlOutcome>;
  raiseEvent(instanceId: string, eventName: string, input: string | null): Promise<ControlOutcome>;
  /** Deletes an instance and its history; undefined when there is none. */
  purge(instanceId: string): Promise<number | undefined>;
  purgeBy(filter: InstanceFilter): Promise<number>;
}

export interface InstanceManagementOptions {
  store: DurableStore;
  registry: DurableFunctionsRegistry;
  lanes: InstanceLanes;
  episodes: EpisodeRunner;
  clock: () => Date;
}

export function createInstanceManagement(options: InstanceManagementOptions): InstanceManagement {
  const { store, registry, lanes, episodes, clock } = options;

  /** Runs `change` on a live instance in its lane; not-found / gone otherwise. */
  function control(instanceId: string, change: (instance: InstanceRecord, at: Date) => void): Promise<ControlOutcome> {
    return lanes.run(instanceId, async () => {
      const instance = store.instance(instanceId);
      if (instance === undefined) return 'not-found';
      if (isFinished(instance.runtimeStatus)) return 'gone';
      change(instance, clock());
      return 'accepted';
    });
  }

  return {
    async startNew(name, requestedId, input) {
      const fn = registry.orchestration(name);
      if (fn === undefined) {
        const known = registry.orchestrationNames.length > 0 ? `The following are the known orchestrator functions: '${registry.orchestrationNames.join("', '")}'.` : 'No orchestrator functions are currently registered!';
        throw new UnknownOrchestratorError(`The function '${name}' doesn't exist, is disabled, or is not an orchestrator function. Additional info: ${known}`);
      }
      const instanceId = requestedId === undefined || requestedId === '' ? newInstanceId() : requestedId;
      const problem = instanceIdProblem(instanceId);
      if (problem !== undefined) throw new InvalidInstanceIdError(problem);
      await lanes.run(instanceId, async () => {
        const existing = store.instance(instanceId);
        if (existing !== undefined && !isFinished(existing.runtimeStatus)) {
          throw new InstanceAlreadyExistsError(`An Orchestration instance with the status ${existing.runtimeStatus} already exists.`);
        }
        const at = clock();
        const executionId = randomUUID().replaceAll('-', '');
        const record: InstanceRecord = {
          instanceId,
          executionId,
          name: fn.name,
          input,
          output: null,
          customStatus: null,
          runtimeStatus: 'Pending',
          createdTime: at.toISOString(),
          lastUpdatedTime: at.toISOString(),
          nextEventId: 0,
        };
        store.createInstance(record, historyEvent.executionStarted(at, fn.name, record, input));
      });
      episodes.wake(instanceId);
      return instanceId;
    },
    instance: (instanceId) => store.instance(instanceId),
    history: (instanceId) => store.history(instanceId),
    instances: (filter) => store.instances(filter),
    terminate: (instanceId, reason) =>
      control(instanceId, (_instance, at) => {
        const events = [historyEvent.orchestratorStarted(at), historyEvent.executionTerminated(at, reason), historyEvent.executionCompleted(at, 'Terminated', reason), historyEvent.orchestratorCompleted(at)];
        store.apply({ instanceId, events, runtimeStatus: 'Terminated', output: reason, lastUpdatedTime: at.toISOString() });
      }),
    suspend: (instanceId, reason) =>
      control(instanceId, (instance, at) => {
        if (instance.runtimeStatus === 'Suspended') return;
        store.apply({ instanceId, events: [historyEvent.executionSuspended(at, reason)], runtimeStatus: 'Suspended', lastUpdatedTime: at.toISOString() });
      }),
    async resume(instanceId, reason) {
      const outcome = await control(instanceId, (instance, at) => {
        if (instance.runtimeStatus !== 'Suspended') return;
        const runtimeStatus = store.history(instanceId).length === 0 ? 'Pending' : 'Running';
        store.apply({ instanceId, events: [historyEvent.executionResumed(at, reason)], runtimeStatus, lastUpdatedTime: at.toISOString() });
      });
      episodes.wake(instanceId);
      return outcome;
    },
    async raiseEvent(instanceId, eventName, input) {
      const outcome = await control(instanceId, (_instance, at) => store.enqueue(instanceId, historyEvent.eventRaised(at, eventName, input)));
      episodes.wake(instanceId);
      return outcome;
    },
    purge: (instanceId) => lanes.run(instanceId, async () => (store.instance(instanceId) === undefined ? undefined : store.purge([instanceId]))),
    async purgeBy(filter) {
      const ids = store.instances(filter).map((instance) => instance.instanceId);
      const deleted = await Promise.all(ids.map((instanceId) => lanes.run(instanceId, async () => store.purge([instanceId]))));
      return deleted.reduce((sum, count) => sum + count, 0);
    },
  };
}
