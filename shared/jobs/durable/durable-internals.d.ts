// Types of the two durable-functions modules durable-registration.ts imports by path: the
// wrappers `df.app.orchestration` and `df.app.activity` apply to a handler, which the package
// index does not re-export with types. Pinned with durable-functions 3.5.0 (exact version).
declare module 'durable-functions/lib/src/util/testingUtils.js' {
  import type { InvocationContext } from '@azure/functions';
  import type { OrchestrationHandler } from 'durable-functions';
  export function createOrchestrator(fn: OrchestrationHandler): (trigger: unknown, context: InvocationContext) => Promise<unknown>;
}

declare module 'durable-functions/lib/src/app.js' {
  import type { InvocationContext } from '@azure/functions';
  import type { ActivityHandler } from 'durable-functions';
  export function wrapActivityHandler(handler: ActivityHandler): (trigger: unknown, context: InvocationContext) => Promise<unknown>;
}
