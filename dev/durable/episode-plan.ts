// What one orchestrator episode changes, decided from what it was given and what the orchestrator
// answered (no I/O here). An episode delivers exactly one new event, so the runner numbers new
// work as durable-functions does: a retried activity's failure takes the next sequence number
// for its retry timer, the timer's firing the next for the new attempt, and otherwise the
// orchestrator's new actions take the next numbers in the order it asked for them.
import { nonDeterminismOf } from './determinism-check.js';
import type { DurableFunctionsRegistry } from './durable-functions-registry.js';
import type { InboxMessage, InstanceChange, InstanceRecord, WorkItem } from './durable-store.js';
import { EVENT_TYPE, historyEvent, type HistoryEvent } from './history-events.js';
import { takesSequenceNumber, type OrchestratorAction } from './orchestrator-actions.js';
import type { OrchestratorOutcome } from './orchestrator-invocation.js';
import { hasAttemptAfter, retryDelayMs } from './retry-policy.js';

export interface EpisodeInput {
  instance: InstanceRecord;
  /** The steps recorded by earlier episodes. */
  recorded: readonly OrchestratorAction[];
  /** The instance's outstanding work (to drop timers the orchestrator cancelled). */
  work: readonly WorkItem[];
  message: InboxMessage;
  /** The OrchestratorStarted event the orchestrator was given. */
  started: HistoryEvent;
  outcome: OrchestratorOutcome;
  registry: DurableFunctionsRegistry;
  /** When the orchestrator returned. */
  end: Date;
}

export interface EpisodePlan {
  change: InstanceChange;
  /** Work to start once the change is committed. */
  startWork: WorkItem[];
}

function unknownActivityMessage(name: string, registry: DurableFunctionsRegistry): string {
  const known = registry.activityNames.length > 0 ? `The following are the known activity functions: '${registry.activityNames.join("', '")}'.` : 'No activity functions are currently registered!';
  return `The function '${name}' doesn't exist, is disabled, or is not an activity function. Additional info: ${known}`;
}

/** The host's side of callActivityWithRetry for the delivered event: a retry timer, or the next attempt. */
function retryWork(input: EpisodeInput, nextEventId: number): WorkItem | undefined {
  const { origin, event } = input.message;
  const step = origin === null ? undefined : input.recorded[origin.step];
  if (origin === null || step?.kind !== 'CallActivityWithRetry') return undefined;
  const at = Date.parse(input.started.Timestamp);
  if (origin.kind === 'activity' && event.EventType === EVENT_TYPE.TaskFailed) {
    const fireAt = new Date(at + retryDelayMs(step.retry, origin.attempt)).toISOString();
    return { kind: 'timer', executionId: input.instance.executionId, eventId: nextEventId, step: origin.step, fireAt, retryAfterAttempt: origin.attempt };
  }
  if (origin.kind === 'timer' && origin.retryAfterAttempt !== undefined && hasAttemptAfter(step.retry, origin.retryAfterAttempt)) {
    return { kind: 'activity', executionId: input.instance.executionId, eventId: nextEventId, step: origin.step, attempt: origin.retryAfterAttempt + 1, name: step.name, input: step.input };
  }
  return undefined;
}

/** The event recording that a work item was scheduled (TaskScheduled or TimerCreated). */
function scheduledEvent(at: Date, item: WorkItem): HistoryEvent {
  return item.kind === 'activity' ? historyEvent.taskScheduled(at, item.eventId, item.name, item.input) : historyEvent.timerCreated(at, item.eventId, item.fireAt);
}

/** Work for the orchestrator's new actions (in order, numbered from `firstEventId`), or why the orchestration must fail. */
function workForNewActions(input: EpisodeInput, actions: readonly OrchestratorAction[], firstEventId: number): WorkItem[] | string {
  const work: WorkItem[] = [];
  let eventId = firstEventId;
  for (let step = input.recorded.length; step < actions.length; step += 1) {
    const action = actions[step];
    if (action === undefined || !takesSequenceNumber(action)) {
      if (action?.kind === 'Unsupported') return `the local durable runner does not support ${action.actionType} (step ${step + 1})`;
      continue;
    }
    const executionId = input.instance.executionId;
    if (action.kind === 'CreateTimer') work.push({ kind: 'timer', executionId, eventId: eventId++, step, fireAt: action.fireAt });
    else if (action.kind === 'CallActivity' || action.kind === 'CallActivityWithRetry') {
      if (input.registry.activity(action.name) === undefined) return unknownActivityMessage(action.name, input.registry);
      work.push({ kind: 'activity', executionId, eventId: eventId++, step, attempt: 1, name: action.name, input: action.input });
    }
  }
  return work;
}

/** Whether `item` is an orchestrator timer the orchestrator has cancelled (a lost Task.any race). */
function isCancelledTimer(item: WorkItem, actions: readonly OrchestratorAction[]): boolean {
  const action = actions[item.step];
  return item.kind === 'timer' && item.retryAfterAttempt === undefined && action?.kind === 'CreateTimer' && action.canceled;
}

/** What to commit for the episode, and the work to start after the commit. */
export function planEpisode(input: EpisodeInput): EpisodePlan {
  const { instance, message, started, end } = input;
  const events: HistoryEvent[] = [started, message.event];
  const base = { instanceId: instance.instanceId, consumedInboxId: message.id, lastUpdatedTime: end.toISOString() };
  const state = input.outcome.kind === 'state' ? input.outcome.state : undefined;
  const customStatus = state?.customStatus === undefined || state.customStatus === null ? undefined : JSON.stringify(state.customStatus);
  const fail = (reason: string): EpisodePlan => {
    const output = `Orchestrator function '${instance.name}' failed: ${reason}`;
    events.push(historyEvent.executionCompleted(end, 'Failed', output), historyEvent.orchestratorCompleted(end));
    return { change: { ...base, events, runtimeStatus: 'Failed', output, customStatus }, startWork: [] };
  };
  if (input.outcome.kind === 'crashed') return fail(input.outcome.message);
  if (state === undefined) return fail('the orchestrator returned no state');

  const mismatch = nonDeterminismOf(input.recorded, state.actions);
  if (mismatch !== undefined) return fail(mismatch);
  const retry = retryWork(input, instance.nextEventId);
  const newSteps = state.actions.slice(input.recorded.length);
  if (retry !== undefined && newSteps.length > 0) return fail('the local durable runner cannot number new actions asked for while it schedules an activity retry');
  const planned = retry === undefined ? workForNewActions(input, state.actions, instance.nextEventId) : [retry];
  if (typeof planned === 'string') return fail(planned);
  if (state.error !== undefined) return fail(state.error);

  const scheduledAt = new Date(started.Timestamp);
  events.push(...planned.map((item) => scheduledEvent(scheduledAt, item)));
  const nextEventId = instance.nextEventId + planned.length;
  if (state.isDone) {
    const output = JSON.stringify(state.output) ?? null;
    events.push(historyEvent.executionCompleted(end, 'Completed', output), historyEvent.orchestratorCompleted(end));
    return { change: { ...base, events, newSteps, runtimeStatus: 'Completed', output, customStatus, nextEventId }, startWork: [] };
  }
  events.push(historyEvent.orchestratorCompleted(end));
  const startWork = planned.filter((item) => !isCancelledTimer(item, state.actions));
  const dropWork = input.work.filter((item) => isCancelledTimer(item, state.actions)).map((item) => item.eventId);
  return {
    change: { ...base, events, newSteps, addWork: startWork, dropWork, runtimeStatus: 'Running', customStatus, nextEventId },
    startWork,
  };
}
