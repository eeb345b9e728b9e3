// Every read and write of the runner's database. Each method is one transaction, so a killed
// process leaves either the whole change or none of it: a completion leaves `work` and enters
// `inbox` together, and an episode's new history, steps and work are committed at once.
import type { DurableDatabase } from './durable-database.js';
import type { HistoryEvent } from './history-events.js';
import type { OrchestratorAction } from './orchestrator-actions.js';

/** The runtime statuses the runner gives instances (the extension's names). */
export type RuntimeStatus = 'Pending' | 'Running' | 'Completed' | 'Failed' | 'Terminated' | 'Suspended';

export const RUNTIME_STATUSES: readonly RuntimeStatus[] = ['Pending', 'Running', 'Completed', 'Failed', 'Terminated', 'Suspended'];

/** Finished instances: nothing runs for them any more. */
export function isFinished(status: RuntimeStatus): boolean {
  return status === 'Completed' || status === 'Failed' || status === 'Terminated';
}

export interface InstanceRecord {
  instanceId: string;
  /** Tells this run of the id from an earlier one (an id can be started again once finished). */
  executionId: string;
  name: string;
  /** JSON texts, or null. */
  input: string | null;
  output: string | null;
  customStatus: string | null;
  runtimeStatus: RuntimeStatus;
  /** ISO times. */
  createdTime: string;
  lastUpdatedTime: string;
  /** The next sequence number for a TaskScheduled or TimerCreated event. */
  nextEventId: number;
}

/**
 * An activity to run or a timer to fire, keyed by its TaskScheduled / TimerCreated event id within
 * one execution; `step` is the orchestrator action it serves.
 */
export type WorkItem = { executionId: string; eventId: number; step: number } & (
  | { kind: 'activity'; attempt: number; name: string; input: string | null }
  | { kind: 'timer'; fireAt: string; retryAfterAttempt?: number }
);

/** An event waiting for an episode, with the work item that produced it (if any). */
export interface InboxMessage {
  id: number;
  event: HistoryEvent;
  origin: WorkItem | null;
}

/** What an episode (or terminate, suspend, resume) changes, committed at once. */
export interface InstanceChange {
  instanceId: string;
  /** The inbox message the episode consumed. */
  consumedInboxId?: number;
  events: readonly HistoryEvent[];
  newSteps?: readonly OrchestratorAction[];
  addWork?: readonly WorkItem[];
  dropWork?: readonly number[];
  runtimeStatus: RuntimeStatus;
  /** JSON text; undefined keeps the stored value. */
  output?: string | null;
  customStatus?: string | null;
  lastUpdatedTime: string;
  nextEventId?: number;
}

export interface InstanceFilter {
  createdTimeFrom?: string;
  createdTimeTo?: string;
  runtimeStatus?: readonly RuntimeStatus[];
}

interface InstanceRow {
  instance_id: string;
  execution_id: string;
  name: string;
  input: string | null;
  output: string | null;
  custom_status: string | null;
  runtime_status: RuntimeStatus;
  created_time: string;
  last_updated_time: string;
  next_event_id: number;
}

function toRecord(row: InstanceRow): InstanceRecord {
  return {
    instanceId: row.instance_id,
    executionId: row.execution_id,
    name: row.name,
    input: row.input,
    output: row.output,
    customStatus: row.custom_status,
    runtimeStatus: row.runtime_status,
    createdTime: row.created_time,
    lastUpdatedTime: row.last_updated_time,
    nextEventId: row.next_event_id,
  };
}

/** The runner's persistence, over one open database. */
export interface DurableStore {
  instance(instanceId: string): InstanceRecord | undefined;
  instances(filter: InstanceFilter): InstanceRecord[];
  history(instanceId: string): HistoryEvent[];
  steps(instanceId: string): OrchestratorAction[];
  firstInboxMessage(instanceId: string): InboxMessage | undefined;
  instancesWithInbox(): string[];
  allWork(): Array<{ instanceId: string; item: WorkItem }>;
  workOf(instanceId: string): WorkItem[];
  /** Replaces any earlier instance of the id with a new Pending one and its ExecutionStarted event. */
  createInstance(record: InstanceRecord, started: HistoryEvent): void;
  /** Moves a completed work item's event into the inbox; false if the work is gone (terminated, purged). */
  deliver(instanceId: string, item: WorkItem, event: HistoryEvent): boolean;
  /** Adds an event with no work item behind it (a raised event) to the inbox. */
  enqueue(instanceId: string, event: HistoryEvent): void;
  /** Commits a change; a finished status also drops the instance's outstanding work and inbox. */
  apply(change: InstanceChange): void;
  /** Deletes instances and everything of theirs; the number deleted. */
  purge(instanceIds: readonly string[]): number;
  close(): void;
}

export function createDurableStore(db: DurableDatabase): DurableStore {
  const parse = <T>(text: string): T => JSON.parse(text) as T;
  const statements = {
    instance: db.prepare<[string], InstanceRow>('SELECT * FROM instances WHERE instance_id = ?'),
    history: db.prepare<[string], { event: string }>('SELECT event FROM history WHERE instance_id = ? ORDER BY position'),
    historyEnd: db.prepare<[string], { next: number }>('SELECT COALESCE(MAX(position) + 1, 0) AS next FROM history WHERE instance_id = ?'),
    appendHistory: db.prepare<[string, number, string]>('INSERT INTO history (instance_id, position, event) VALUES (?, ?, ?)'),
    steps: db.prepare<[string], { action: string }>('SELECT action FROM steps WHERE instance_id = ? ORDER BY step'),
    stepCount: db.prepare<[string], { count: number }>('SELECT COUNT(*) AS count FROM steps WHERE instance_id = ?'),
    addStep: db.prepare<[string, number, string]>('INSERT INTO steps (instance_id, step, action) VALUES (?, ?, ?)'),
    firstInbox: db.prepare<[string], { id: number; event: string; origin: string | null }>('SELECT id, event, origin FROM inbox WHERE instance_id = ? ORDER BY id LIMIT 1'),
    instancesWithInbox: db.prepare<[], { instance_id: string }>('SELECT DISTINCT instance_id FROM inbox ORDER BY instance_id'),
    addInbox: db.prepare<[string, string, string | null]>('INSERT INTO inbox (instance_id, event, origin) VALUES (?, ?, ?)'),
    removeInbox: db.prepare<[number]>('DELETE FROM inbox WHERE id = ?'),
    allWork: db.prepare<[], { instance_id: string; item: string }>('SELECT instance_id, item FROM work ORDER BY instance_id, event_id'),
    workOf: db.prepare<[string], { item: string }>('SELECT item FROM work WHERE instance_id = ? ORDER BY event_id'),
    addWork: db.prepare<[string, number, string, string]>('INSERT INTO work (instance_id, event_id, execution_id, item) VALUES (?, ?, ?, ?)'),
    removeWork: db.prepare<[string, number, string]>('DELETE FROM work WHERE instance_id = ? AND event_id = ? AND execution_id = ?'),
    insertInstance: db.prepare<[string, string, string, string | null, string, string, string]>(
      'INSERT INTO instances (instance_id, execution_id, name, input, runtime_status, created_time, last_updated_time) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    updateInstance: db.prepare<[string, string, string | null, string | null, number, string]>(
      'UPDATE instances SET runtime_status = ?, last_updated_time = ?, output = ?, custom_status = ?, next_event_id = ? WHERE instance_id = ?',
    ),
  };
  const deleteInstanceRow = db.prepare<[string]>('DELETE FROM instances WHERE instance_id = ?');
  const deleteOwned = ['history', 'inbox', 'steps', 'work'].map((table) => db.prepare<[string]>(`DELETE FROM ${table} WHERE instance_id = ?`));
  const clearWork = db.prepare<[string]>('DELETE FROM work WHERE instance_id = ?');
  const clearInbox = db.prepare<[string]>('DELETE FROM inbox WHERE instance_id = ?');

  const appendEvents = (instanceId: string, events: readonly HistoryEvent[]) => {
    let position = statements.historyEnd.get(instanceId)?.next ?? 0;
    for (const event of events) statements.appendHistory.run(instanceId, position++, JSON.stringify({ ...event, IsPlayed: true }));
  };
  const deleteInstance = (instanceId: string): number => {
    const deleted = deleteInstanceRow.run(instanceId).changes;
    for (const statement of deleteOwned) statement.run(instanceId);
    return deleted;
  };

  return {
    instance: (instanceId) => {
      const row = statements.instance.get(instanceId);
      return row === undefined ? undefined : toRecord(row);
    },
    instances(filter) {
      const clauses: string[] = [];
      const values: string[] = [];
      if (filter.createdTimeFrom !== undefined) {
        clauses.push('created_time >= ?');
        values.push(filter.createdTimeFrom);
      }
      if (filter.createdTimeTo !== undefined) {
        clauses.push('created_time <= ?');
        values.push(filter.createdTimeTo);
      }
      if (filter.runtimeStatus !== undefined && filter.runtimeStatus.length > 0) {
        clauses.push(`runtime_status IN (${filter.runtimeStatus.map(() => '?').join(', ')})`);
        values.push(...filter.runtimeStatus);
      }
      const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
      return db.prepare<string[], InstanceRow>(`SELECT * FROM instances ${where} ORDER BY created_time, instance_id`).all(...values).map(toRecord);
    },
    history: (instanceId) => statements.history.all(instanceId).map((row) => parse<HistoryEvent>(row.event)),
    steps: (instanceId) => statements.steps.all(instanceId).map((row) => parse<OrchestratorAction>(row.action)),
    firstInboxMessage(instanceId) {
      const row = statements.firstInbox.get(instanceId);
      return row === undefined ? undefined : { id: row.id, event: parse<HistoryEvent>(row.event), origin: row.origin === null ? null : parse<WorkItem>(row.origin) };
    },
    instancesWithInbox: () => statements.instancesWithInbox.all().map((row) => row.instance_id),
    allWork: () => statements.allWork.all().map((row) => ({ instanceId: row.instance_id, item: parse<WorkItem>(row.item) })),
    workOf: (instanceId) => statements.workOf.all(instanceId).map((row) => parse<WorkItem>(row.item)),
    createInstance: db.transaction((record: InstanceRecord, started: HistoryEvent) => {
      deleteInstance(record.instanceId);
      statements.insertInstance.run(record.instanceId, record.executionId, record.name, record.input, record.runtimeStatus, record.createdTime, record.lastUpdatedTime);
      statements.addInbox.run(record.instanceId, JSON.stringify(started), null);
    }),
    deliver: db.transaction((instanceId: string, item: WorkItem, event: HistoryEvent) => {
      if (statements.removeWork.run(instanceId, item.eventId, item.executionId).changes === 0) return false;
      statements.addInbox.run(instanceId, JSON.stringify(event), JSON.stringify(item));
      return true;
    }),
    enqueue(instanceId, event) {
      statements.addInbox.run(instanceId, JSON.stringify(event), null);
    },
    apply: db.transaction((change: InstanceChange) => {
      const { instanceId } = change;
      const current = statements.instance.get(instanceId);
      if (current === undefined) return;
      appendEvents(instanceId, change.events);
      let step = statements.stepCount.get(instanceId)?.count ?? 0;
      for (const action of change.newSteps ?? []) statements.addStep.run(instanceId, step++, JSON.stringify(action));
      for (const eventId of change.dropWork ?? []) statements.removeWork.run(instanceId, eventId, current.execution_id);
      for (const item of change.addWork ?? []) statements.addWork.run(instanceId, item.eventId, item.executionId, JSON.stringify(item));
      if (change.consumedInboxId !== undefined) statements.removeInbox.run(change.consumedInboxId);
      if (isFinished(change.runtimeStatus)) {
        clearWork.run(instanceId);
        clearInbox.run(instanceId);
      }
      statements.updateInstance.run(
        change.runtimeStatus,
        change.lastUpdatedTime,
        change.output === undefined ? current.output : change.output,
        change.customStatus === undefined ? current.custom_status : change.customStatus,
        change.nextEventId ?? current.next_event_id,
        instanceId,
      );
    }),
    purge: db.transaction((instanceIds: readonly string[]) => instanceIds.reduce((deleted, instanceId) => deleted + deleteInstance(instanceId), 0)),
    close: () => db.close(),
  };
}
