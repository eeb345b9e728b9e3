// Reads what an orchestrator episode returned (durable-functions' OrchestratorState, replay schema
// V1: every action since the start, grouped per yield) into typed actions the runner schedules
// and compares. Inputs become JSON texts, as TaskScheduled records them.
import * as z from 'zod';
import { retryOptionsSchema, type RetryPolicy } from './retry-policy.js';

/** One thing the orchestrator asked for, in the order it asked. */
export type OrchestratorAction =
  | { kind: 'CallActivity'; name: string; input: string | null }
  | { kind: 'CallActivityWithRetry'; name: string; input: string | null; retry: RetryPolicy }
  | { kind: 'CreateTimer'; fireAt: string; canceled: boolean }
  | { kind: 'WaitForExternalEvent'; name: string }
  | { kind: 'Unsupported'; actionType: string };

/** The state an orchestrator episode ends in. */
export interface OrchestratorState {
  isDone: boolean;
  actions: OrchestratorAction[];
  output: unknown;
  /** Set when the orchestrator threw: the error's message. */
  error: string | undefined;
  customStatus: unknown;
}

/** durable-functions' ActionType numbers. */
const ACTION_TYPE_NAMES: Record<number, string> = {
  0: 'CallActivity',
  1: 'CallActivityWithRetry',
  2: 'CallSubOrchestrator',
  3: 'CallSubOrchestratorWithRetry',
  4: 'ContinueAsNew',
  5: 'CreateTimer',
  6: 'WaitForExternalEvent',
  7: 'CallEntity',
  8: 'CallHttp',
  9: 'SignalEntity',
  11: 'WhenAny',
  12: 'WhenAll',
  13: 'LockEntities',
  14: 'ReleaseEntities',
};

const stateSchema = z.object({
  isDone: z.boolean(),
  actions: z.array(z.array(z.unknown())),
  output: z.unknown().optional(),
  error: z.string().optional(),
  customStatus: z.unknown().optional(),
});

const activitySchema = z.object({ functionName: z.string().min(1), input: z.unknown().optional() });
const retrySchema = activitySchema.extend({ retryOptions: retryOptionsSchema });
const timerSchema = z.object({ fireAt: z.string(), isCanceled: z.boolean().optional() });
const eventSchema = z.object({ externalEventName: z.string().min(1) });

/**
 * The JSON text of an action's input. durable-functions already turns string inputs into JSON
 * text (Utils.processInput) and leaves other values as they are; undefined is no input.
 */
function inputText(input: unknown): string | null {
  if (input === undefined || input === null) return null;
  return typeof input === 'string' ? input : JSON.stringify(input);
}

function toAction(raw: unknown): OrchestratorAction {
  const type = z.object({ actionType: z.number() }).safeParse(raw);
  const name = type.success ? (ACTION_TYPE_NAMES[type.data.actionType] ?? String(type.data.actionType)) : 'unknown';
  const parse = <T>(schema: z.ZodType<T>): T | undefined => {
    const result = schema.safeParse(raw);
    return result.success ? result.data : undefined;
  };
  if (name === 'CallActivity') {
    const action = parse(activitySchema);
    if (action) return { kind: 'CallActivity', name: action.functionName, input: inputText(action.input) };
  } else if (name === 'CallActivityWithRetry') {
    const action = parse(retrySchema);
    if (action) return { kind: 'CallActivityWithRetry', name: action.functionName, input: inputText(action.input), retry: action.retryOptions };
  } else if (name === 'CreateTimer') {
    const action = parse(timerSchema);
    if (action && !Number.isNaN(Date.parse(action.fireAt))) return { kind: 'CreateTimer', fireAt: new Date(action.fireAt).toISOString(), canceled: action.isCanceled ?? false };
  } else if (name === 'WaitForExternalEvent') {
    const action = parse(eventSchema);
    if (action) return { kind: 'WaitForExternalEvent', name: action.externalEventName };
  }
  return { kind: 'Unsupported', actionType: name };
}

/**
 * The state in `value` (what the orchestrator function returned, or the `$OutOfProcData$` part of
 * what it threw), through a JSON round trip as the worker would send it; undefined if not a state.
 */
export function readOrchestratorState(value: unknown): OrchestratorState | undefined {
  let plain: unknown;
  try {
    plain = JSON.parse(JSON.stringify(value) ?? 'null');
  } catch {
    return undefined;
  }
  const parsed = stateSchema.safeParse(plain);
  if (!parsed.success) return undefined;
  return {
    isDone: parsed.data.isDone,
    actions: parsed.data.actions.flat().map(toAction),
    output: parsed.data.output,
    error: parsed.data.error,
    customStatus: parsed.data.customStatus,
  };
}

/** Whether the action takes a sequence number (TaskScheduled or TimerCreated event id). */
export function takesSequenceNumber(action: OrchestratorAction): boolean {
  return action.kind === 'CallActivity' || action.kind === 'CallActivityWithRetry' || action.kind === 'CreateTimer';
}

/** The action for a reader: kind, name and input, or a timer's time. */
export function describeAction(action: OrchestratorAction): string {
  switch (action.kind) {
    case 'CallActivity':
    case 'CallActivityWithRetry':
      return `${action.kind} '${action.name}' with input ${action.input ?? 'none'}`;
    case 'CreateTimer':
      return `CreateTimer firing at ${action.fireAt}`;
    case 'WaitForExternalEvent':
      return `WaitForExternalEvent '${action.name}'`;
    case 'Unsupported':
      return action.actionType;
  }
}

/** Whether a replayed action is the one recorded: same kind, name and input; a timer's time. */
export function sameAction(recorded: OrchestratorAction, replayed: OrchestratorAction): boolean {
  if (recorded.kind !== replayed.kind) return false;
  switch (recorded.kind) {
    case 'CallActivity':
    case 'CallActivityWithRetry':
      return replayed.kind === recorded.kind && replayed.name === recorded.name && replayed.input === recorded.input;
    case 'CreateTimer':
      return replayed.kind === 'CreateTimer' && replayed.fireAt === recorded.fireAt;
    case 'WaitForExternalEvent':
      return replayed.kind === 'WaitForExternalEvent' && replayed.name === recorded.name;
    case 'Unsupported':
      return false;
  }
}
