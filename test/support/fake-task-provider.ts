// A task provider for tests: implements the port over a Map, owner checks included, records every
// call it receives, and lets the test move a task to any state. What create() answers can be
// scripted per call (a thrown error, an input_required round) to drive the extension's edges.
import type { InputRequiredResult } from '@modelcontextprotocol/server';
import type { CallerScope } from '../../shared/request/request-scope.js';
import {
  isTaskOwner,
  taskOwner,
  type ClientInputResponses,
  type TaskBase,
  type TaskCall,
  type TaskOwner,
  type TaskProvider,
  type TaskSupport,
  type TaskView,
} from '../../shared/mcp/tasks/task-provider.js';

export const FAKE_CREATED_AT = '2026-06-15T12:00:00.000Z';
const FAKE_UPDATED_AT = '2026-06-15T12:05:00.000Z';

/** The fields a task keeps whatever its status (its statusMessage goes with the status). */
function timesOf(view: TaskView): Omit<TaskBase, 'statusMessage'> {
  const { taskId, createdAt, lastUpdatedAt, ttlMs, pollIntervalMs } = view;
  return { taskId, createdAt, lastUpdatedAt, ttlMs, ...(pollIntervalMs !== undefined ? { pollIntervalMs } : {}) };
}

type Received =
  | { method: 'create'; call: TaskCall }
  | { method: 'get' | 'cancel'; taskId: string; callerId: string }
  | { method: 'update'; taskId: string; callerId: string; inputResponses: ClientInputResponses };

export interface FakeTaskProvider extends TaskProvider {
  /** Every call received, in order. */
  readonly received: Received[];
  /** Replaces what the next create() does (once): throw, or answer input_required. */
  nextCreate(outcome: { throws: unknown } | { inputRequired: InputRequiredResult }): void;
  /** Sets a task's state (keeps its id, times and owner). */
  set(taskId: string, state: DistributiveOmit<TaskView, 'taskId' | 'createdAt' | 'lastUpdatedAt' | 'ttlMs' | 'pollIntervalMs'>): void;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export function createFakeTaskProvider(tools: Readonly<Record<string, TaskSupport>>, name = 'fake-tasks'): FakeTaskProvider {
  const tasks = new Map<string, { owner: TaskOwner; view: TaskView }>();
  const received: Received[] = [];
  let scripted: { throws: unknown } | { inputRequired: InputRequiredResult } | undefined;
  let next = 0;
  const mine = (taskId: string, scope: CallerScope) => {
    const task = tasks.get(taskId);
    return task !== undefined && isTaskOwner(task.owner, scope) ? task : undefined;
  };

  return {
    name,
    tools: new Map(Object.entries(tools)),
    received,
    nextCreate(outcome) {
      scripted = outcome;
    },
    set(taskId, state) {
      const task = tasks.get(taskId);
      if (task === undefined) throw new Error(`no task ${taskId}`);
      task.view = { ...state, ...timesOf(task.view), lastUpdatedAt: FAKE_UPDATED_AT };
    },
    async create(call) {
      received.push({ method: 'create', call });
      const outcome = scripted;
      scripted = undefined;
      if (outcome !== undefined && 'throws' in outcome) throw outcome.throws;
      if (outcome !== undefined) return outcome.inputRequired;
      const view: TaskView = { taskId: `${name}-${(next += 1)}`, status: 'working', statusMessage: 'Queued', createdAt: FAKE_CREATED_AT, lastUpdatedAt: FAKE_CREATED_AT, ttlMs: 3_600_000, pollIntervalMs: 1000 };
      tasks.set(view.taskId, { owner: taskOwner(call.scope), view });
      return view;
    },
    async get(taskId, scope) {
      received.push({ method: 'get', taskId, callerId: scope.caller.callerId });
      return mine(taskId, scope)?.view;
    },
    async cancel(taskId, scope) {
      received.push({ method: 'cancel', taskId, callerId: scope.caller.callerId });
      const task = mine(taskId, scope);
      if (task !== undefined && (task.view.status === 'working' || task.view.status === 'input_required')) {
        task.view = { ...timesOf(task.view), lastUpdatedAt: FAKE_UPDATED_AT, status: 'cancelled' };
      }
      return task?.view;
    },
    async update(taskId, scope, inputResponses) {
      received.push({ method: 'update', taskId, callerId: scope.caller.callerId, inputResponses });
      return mine(taskId, scope)?.view;
    },
  };
}
