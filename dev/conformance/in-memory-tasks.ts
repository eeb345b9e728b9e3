// An in-memory task table for the conformance fixtures: each task runs an async job in this
// process and keeps its state in a Map. Good enough for the single local development process the
// suite talks to; NOT for production, where any instance must answer for any task (a provider
// there keeps its state in a durable job engine or a database).
import { randomUUID } from 'node:crypto';
import { ProtocolError, ProtocolErrorCode, type CallToolResult, type InputRequest, type InputRequests } from '@modelcontextprotocol/server';
import type { CallerScope } from '../../shared/request/request-scope.js';
import { isTaskOwner, taskOwner, type ClientInputResponses, type TaskOwner, type TaskView } from '../../shared/mcp/tasks/task-provider.js';
import type { Clock } from '../../shared/time/clock.js';

/** What a running job can do besides computing its result. */
export interface RunningTask {
  /** Aborted when the task is cancelled. */
  readonly signal: AbortSignal;
  /** Waits `ms` milliseconds; rejects once the task is cancelled. */
  sleep(ms: number): Promise<void>;
  /** Parks the task in `input_required` until every request is answered; resolves with the answers. */
  ask(requests: InputRequests): Promise<ClientInputResponses>;
}

/**
 * A task's work: resolves with the tool result (status `completed`, tool errors included as
 * `isError`); a thrown ProtocolError makes it `failed` with that error, anything else `failed`
 * with an internal error.
 */
export type TaskJob = (task: RunningTask) => Promise<CallToolResult>;

export interface InMemoryTasksOptions {
  readonly clock: Clock;
  readonly ttlMs: number;
  readonly pollIntervalMs: number;
}

interface TaskRecord {
  readonly owner: TaskOwner;
  readonly controller: AbortController;
  view: TaskView;
  /** Input requests not yet answered, and every key ever asked (keys are never reused). */
  readonly pending: Map<string, InputRequest>;
  readonly asked: Set<string>;
  readonly answers: Record<string, unknown>;
  resume?: () => void;
}

export interface InMemoryTasks {
  /** Starts `job` as a task owned by the caller of `scope`; the task exists before this returns. */
  start(scope: CallerScope, job: TaskJob): TaskView;
  get(taskId: string, scope: CallerScope): TaskView | undefined;
  cancel(taskId: string, scope: CallerScope): TaskView | undefined;
  update(taskId: string, scope: CallerScope, responses: ClientInputResponses): TaskView | undefined;
}

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

/** A status and what it carries: a TaskView without the fields the table keeps itself. */
type TaskState = TaskView extends infer V ? (V extends TaskView ? Omit<V, 'taskId' | 'createdAt' | 'lastUpdatedAt' | 'ttlMs' | 'pollIntervalMs'> : never) : never;

export function createInMemoryTasks(options: InMemoryTasksOptions): InMemoryTasks {
  const { clock, ttlMs, pollIntervalMs } = options;
  const records = new Map<string, TaskRecord>();
  const now = () => clock.now().toISOString();

  function settle(record: TaskRecord, next: TaskState): void {
    const { taskId, createdAt } = record.view;
    record.view = { ...next, taskId, createdAt, lastUpdatedAt: now(), ttlMs, pollIntervalMs };
  }

  function runningTask(record: TaskRecord): RunningTask {
    const { signal } = record.controller;
    return {
      signal,
      sleep: (ms) =>
        new Promise((resolve, reject) => {
          if (signal.aborted) return reject(signal.reason as Error);
          const timer = setTimeout(resolve, ms);
          timer.unref();
          signal.addEventListener(
            'abort',
            () => {
              clearTimeout(timer);
              reject(signal.reason as Error);
            },
            { once: true },
          );
        }),
      ask(requests) {
        for (const [key, request] of Object.entries(requests)) {
          if (record.asked.has(key)) throw new Error(`input request key ${key} was already used in this task`);
          record.asked.add(key);
          record.pending.set(key, request);
        }
        settle(record, { status: 'input_required', inputRequests: Object.fromEntries(record.pending) });
        return new Promise((resolve, reject) => {
          record.resume = () => resolve({ ...record.answers });
          signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
        });
      },
    };
  }

  async function run(record: TaskRecord, job: TaskJob): Promise<void> {
    try {
      const result = await job(runningTask(record));
      if (!TERMINAL.has(record.view.status)) settle(record, { status: 'completed', result });
    } catch (error) {
      if (TERMINAL.has(record.view.status)) return; // cancelled meanwhile
      const failure = error instanceof ProtocolError ? error : new ProtocolError(ProtocolErrorCode.InternalError, 'The task failed unexpectedly');
      settle(record, { status: 'failed', statusMessage: failure.message, error: { code: failure.code, message: failure.message } });
    }
  }

  /** The caller's live record of `taskId`; expired records are dropped on the way. */
  function find(taskId: string, scope: CallerScope): TaskRecord | undefined {
    const cutoff = clock.now().getTime() - ttlMs;
    for (const [id, record] of records) if (Date.parse(record.view.createdAt) < cutoff) records.delete(id);
    const record = records.get(taskId);
    return record !== undefined && isTaskOwner(record.owner, scope) ? record : undefined;
  }

  return {
    start(scope, job) {
      const at = now();
      const view: TaskView = { taskId: randomUUID(), status: 'working', createdAt: at, lastUpdatedAt: at, ttlMs, pollIntervalMs };
      const record: TaskRecord = { owner: taskOwner(scope), controller: new AbortController(), view, pending: new Map(), asked: new Set(), answers: {} };
      records.set(view.taskId, record);
      void run(record, job);
      return record.view;
    },
    get: (taskId, scope) => find(taskId, scope)?.view,
    cancel(taskId, scope) {
      const record = find(taskId, scope);
      if (record === undefined || TERMINAL.has(record.view.status)) return record?.view;
      settle(record, { status: 'cancelled', statusMessage: 'Cancelled at the client’s request' });
      record.controller.abort(new Error('task cancelled'));
      return record.view;
    },
    update(taskId, scope, responses) {
      const record = find(taskId, scope);
      if (record === undefined || record.view.status !== 'input_required') return record?.view;
      for (const [key, response] of Object.entries(responses)) {
        if (!record.pending.delete(key)) continue; // never asked, or answered already: ignored
        record.answers[key] = response;
      }
      if (record.pending.size > 0) settle(record, { status: 'input_required', inputRequests: Object.fromEntries(record.pending) });
      else {
        settle(record, { status: 'working' });
        record.resume?.();
      }
      return record.view;
    },
  };
}
