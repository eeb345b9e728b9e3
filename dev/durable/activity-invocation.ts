// Calls a registered activity function once with its input, as the worker would (the input value as
// the trigger, an InvocationContext), and turns what happens into the completion the extension
// records: a TaskCompleted result (JSON text) or a TaskFailed reason and details.
import { randomUUID } from 'node:crypto';
import { createInvocationContext, type InvocationLog } from '../host/invocation-context.js';
import type { DurableFunction } from './durable-functions-registry.js';

export type ActivityOutcome = { kind: 'completed'; result: string } | { kind: 'failed'; reason: string; details: string };

function failed(name: string, message: string, errorType: string): ActivityOutcome {
  // The extension's TaskActivityShim words it so; durable-functions shows `${Reason} \n ${Details}`.
  return { kind: 'failed', reason: `Activity function '${name}' failed: ${message}`, details: JSON.stringify({ errorType, errorMessage: message }) };
}

/** Runs the activity `name` (undefined: not registered) on `input` (JSON text or null); never rejects. */
export async function invokeActivity(fn: DurableFunction | undefined, name: string, input: string | null, log: InvocationLog): Promise<ActivityOutcome> {
  if (fn === undefined) return failed(name, `Activity function '${name}' does not exist.`, 'FunctionFailedException');
  const context = createInvocationContext({ invocationId: randomUUID(), functionName: fn.name, bindings: fn.bindings, log });
  let value: unknown;
  try {
    value = await fn.callback(input === null ? null : JSON.parse(input), context);
  } catch (error) {
    return error instanceof Error ? failed(fn.name, error.message, error.name) : failed(fn.name, String(error), 'Error');
  }
  try {
    return { kind: 'completed', result: JSON.stringify(value) ?? 'null' };
  } catch (error) {
    return failed(fn.name, `its result cannot be serialized as JSON: ${error instanceof Error ? error.message : String(error)}`, 'SerializationError');
  }
}
