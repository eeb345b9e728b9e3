// The orchestration history events the Durable extension hands to an orchestrator function, in
// the wire shape durable-functions replays from (`EventType` numbers, PascalCase fields, JSON
// strings for inputs and results). Only the kinds the local runner records are built here.

/** DurableTask.Core's EventType numbers (durable-functions' HistoryEventType). */
export const EVENT_TYPE = {
  ExecutionStarted: 0,
  ExecutionCompleted: 1,
  ExecutionTerminated: 3,
  TaskScheduled: 4,
  TaskCompleted: 5,
  TaskFailed: 6,
  TimerCreated: 10,
  TimerFired: 11,
  OrchestratorStarted: 12,
  OrchestratorCompleted: 13,
  EventRaised: 15,
  ExecutionSuspended: 19,
  ExecutionResumed: 20,
} as const;

export type EventTypeName = keyof typeof EVENT_TYPE;

/** One history event as stored and replayed: the common fields plus the kind's own. */
export interface HistoryEvent {
  EventType: number;
  /** The sequence id for TaskScheduled and TimerCreated; -1 for every other kind. */
  EventId: number;
  /** True for events an earlier episode already delivered to the orchestrator. */
  IsPlayed: boolean;
  Timestamp: string;
  [field: string]: unknown;
}

/** The name of an EventType number (the extension's status history shows names). */
export function eventTypeName(type: number): string {
  const entry = Object.entries(EVENT_TYPE).find(([, value]) => value === type);
  return entry?.[0] ?? String(type);
}

function event(type: EventTypeName, at: Date, fields: Record<string, unknown> = {}, eventId = -1): HistoryEvent {
  return { EventType: EVENT_TYPE[type], EventId: eventId, IsPlayed: false, Timestamp: at.toISOString(), ...fields };
}

/** The events of history the runner appends; `input`/`result` are JSON texts (or null). */
export const historyEvent = {
  orchestratorStarted: (at: Date) => event('OrchestratorStarted', at),
  orchestratorCompleted: (at: Date) => event('OrchestratorCompleted', at),
  executionStarted: (at: Date, name: string, instance: { instanceId: string; executionId: string }, input: string | null) =>
    event('ExecutionStarted', at, { Name: name, Input: input, Version: '', OrchestrationInstance: { InstanceId: instance.instanceId, ExecutionId: instance.executionId } }),
  executionCompleted: (at: Date, status: 'Completed' | 'Failed' | 'Terminated', result: string | null) =>
    event('ExecutionCompleted', at, { OrchestrationStatus: status, Result: result }),
  executionTerminated: (at: Date, reason: string | null) => event('ExecutionTerminated', at, { Input: reason }),
  executionSuspended: (at: Date, reason: string | null) => event('ExecutionSuspended', at, { Reason: reason }),
  executionResumed: (at: Date, reason: string | null) => event('ExecutionResumed', at, { Reason: reason }),
  taskScheduled: (at: Date, eventId: number, name: string, input: string | null) => event('TaskScheduled', at, { Name: name, Input: input }, eventId),
  taskCompleted: (at: Date, scheduledId: number, result: string) => event('TaskCompleted', at, { TaskScheduledId: scheduledId, Result: result }),
  taskFailed: (at: Date, scheduledId: number, reason: string, details: string) =>
    event('TaskFailed', at, { TaskScheduledId: scheduledId, Reason: reason, Details: details }),
  timerCreated: (at: Date, eventId: number, fireAt: string) => event('TimerCreated', at, { FireAt: fireAt }, eventId),
  timerFired: (at: Date, timerId: number, fireAt: string) => event('TimerFired', at, { TimerId: timerId, FireAt: fireAt }),
  eventRaised: (at: Date, name: string, input: string | null) => event('EventRaised', at, { Name: name, Input: input }),
};
