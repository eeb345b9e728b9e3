// Registers orchestrations and activities with the Functions host exactly as durable-functions'
// `df.app.orchestration` / `df.app.activity` do (a generic function with an `orchestrationTrigger`
// or `activityTrigger` binding, the handler wrapped by the library), but loads durable-functions
// only when the first orchestration or activity runs: importing it costs ~0.4 s unbundled, and
// the MCP endpoint's cold start must not pay for a job nobody has started.
import azureFunctions, { type FunctionInput, type InvocationContext } from '@azure/functions';
import type { ActivityHandler, OrchestrationHandler } from 'durable-functions';
import { loadCreateOrchestrator, loadWrapActivityHandler } from './load-durable.js';

/** The durable client input binding (what `df.input.durableClient()` builds). */
export const DURABLE_CLIENT_INPUT: FunctionInput = azureFunctions.input.generic({ type: 'durableClient' });

type TriggerHandler = (triggerInput: unknown, context: InvocationContext) => Promise<unknown>;

/** `wrap` runs once, on first use; every call awaits the wrapped handler. */
function lazily(wrap: () => Promise<TriggerHandler>): TriggerHandler {
  let wrapped: Promise<TriggerHandler> | undefined;
  return async function lazyDurableHandler(triggerInput, context) {
    wrapped ??= wrap().catch((error: unknown) => {
      wrapped = undefined;
      throw error;
    });
    return (await wrapped)(triggerInput, context);
  };
}

/** As `df.app.orchestration(name, handler)`, with the handler itself loaded on first run. */
export function registerOrchestration(name: string, loadHandler: () => Promise<OrchestrationHandler>): void {
  azureFunctions.app.generic(name, {
    trigger: azureFunctions.trigger.generic({ type: 'orchestrationTrigger' }),
    handler: lazily(async () => {
      // The wrapper df.app.orchestration applies (typed in durable-internals.d.ts).
      const [createOrchestrator, handler] = await Promise.all([loadCreateOrchestrator(), loadHandler()]);
      return createOrchestrator(handler);
    }),
  });
}

/** As `df.app.activity(name, { handler })`. */
export function registerActivity(name: string, handler: ActivityHandler): void {
  azureFunctions.app.generic(name, {
    trigger: azureFunctions.trigger.generic({ type: 'activityTrigger' }),
    handler: lazily(async () => {
      // The wrapper df.app.activity applies (typed in durable-internals.d.ts).
      const wrapActivityHandler = await loadWrapActivityHandler();
      return wrapActivityHandler(handler);
    }),
  });
}
