// Calls a registered orchestrator function once, as the Durable extension's worker call does: the
// trigger payload carries the whole history (replay schema V1), the context is a plain
// InvocationContext (durable-functions builds context.df from the payload). What comes back is
// the orchestrator's state; a failing orchestrator throws it inside its error message.
import { randomUUID } from 'node:crypto';
import { createInvocationContext, type InvocationLog } from '../host/invocation-context.js';
import type { DurableFunction } from './durable-functions-registry.js';
import type { HistoryEvent } from './history-events.js';
import { readOrchestratorState, type OrchestratorState } from './orchestrator-actions.js';

/** Where durable-functions puts the state in the message of the error it throws (OrchestrationFailureError). */
const OUT_OF_PROC_DATA = '\n\n$OutOfProcData$:';

export interface OrchestratorCall {
  instanceId: string;
  /** The orchestration's input, parsed (null when it has none). */
  input: unknown;
  history: readonly HistoryEvent[];
}

export type OrchestratorOutcome = { kind: 'state'; state: OrchestratorState } | { kind: 'crashed'; message: string };

/** The trigger payload the extension sends (DurableOrchestrationBindingInfo), replay schema V1. */
function triggerPayload(call: OrchestratorCall): Record<string, unknown> {
  return {
    history: call.history.map((event) => ({ ...event })),
    input: call.input,
    instanceId: call.instanceId,
    isReplaying: false,
    parentInstanceId: '',
    upperSchemaVersion: 0,
    maximumShortTimerDuration: '6.00:00:00',
    longRunningTimerIntervalDuration: '3.00:00:00',
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs one episode of the orchestrator; never rejects. */
export async function invokeOrchestrator(fn: DurableFunction, call: OrchestratorCall, log: InvocationLog): Promise<OrchestratorOutcome> {
  const context = createInvocationContext({ invocationId: randomUUID(), functionName: fn.name, bindings: fn.bindings, log });
  let returned: unknown;
  try {
    returned = await fn.callback(triggerPayload(call), context);
  } catch (error) {
    const message = messageOf(error);
    const at = message.indexOf(OUT_OF_PROC_DATA);
    if (at >= 0) {
      let thrown: unknown;
      try {
        thrown = JSON.parse(message.slice(at + OUT_OF_PROC_DATA.length));
      } catch {
        thrown = undefined;
      }
      const state = readOrchestratorState(thrown);
      if (state !== undefined) return { kind: 'state', state: { ...state, error: state.error ?? message.slice(0, at) } };
    }
    return { kind: 'crashed', message };
  }
  const state = readOrchestratorState(returned);
  if (state === undefined) return { kind: 'crashed', message: 'the orchestrator function returned no orchestration state (is it registered with df.app.orchestration?)' };
  return { kind: 'state', state };
}
