// Finds the orchestrations and activities among the app's registrations (df.app.orchestration and
// df.app.activity register functions with orchestrationTrigger / activityTrigger bindings) and
// looks them up by name the way the Functions host does: names are case-insensitive.
import type { BindingInfo, RegisteredFunction } from '../host/core-api-shim.js';

/** A registered orchestrator or activity: its name, bindings and the callback the worker would call. */
export interface DurableFunction {
  name: string;
  bindings: Readonly<Record<string, BindingInfo>>;
  callback: (trigger: unknown, context: unknown) => unknown;
}

export interface DurableFunctionsRegistry {
  orchestration(name: string): DurableFunction | undefined;
  activity(name: string): DurableFunction | undefined;
  readonly orchestrationNames: readonly string[];
  readonly activityNames: readonly string[];
}

function hasBindingOfType(fn: RegisteredFunction, type: string): boolean {
  return Object.values(fn.metadata.bindings).some((binding) => binding.type.toLowerCase() === type.toLowerCase());
}

/** Whether a registration declares a durable client input (df.input.durableClient()). */
export function hasDurableClientInput(fn: RegisteredFunction): boolean {
  return Object.values(fn.metadata.bindings).some((binding) => binding.direction === 'in' && isDurableClientBinding(binding));
}

/** durable-functions' own test (getClient.isDurableClientInput). */
export function isDurableClientBinding(binding: { type: string }): boolean {
  return binding.type === 'durableClient' || binding.type === 'orchestrationClient';
}

function byName(functions: readonly RegisteredFunction[], type: string): Map<string, DurableFunction> {
  const found = new Map<string, DurableFunction>();
  for (const fn of functions) {
    if (!hasBindingOfType(fn, type)) continue;
    found.set(fn.metadata.name.toLowerCase(), { name: fn.metadata.name, bindings: fn.metadata.bindings, callback: fn.callback });
  }
  return found;
}

export function durableFunctionsOf(functions: readonly RegisteredFunction[]): DurableFunctionsRegistry {
  const orchestrations = byName(functions, 'orchestrationTrigger');
  const activities = byName(functions, 'activityTrigger');
  return {
    orchestration: (name) => orchestrations.get(name.toLowerCase()),
    activity: (name) => activities.get(name.toLowerCase()),
    orchestrationNames: [...orchestrations.values()].map((fn) => fn.name),
    activityNames: [...activities.values()].map((fn) => fn.name),
  };
}
