// The tasks extension's own methods on a per-request server: tasks/get, tasks/update and
// tasks/cancel, registered through the SDK's public three-argument setRequestHandler (the form for
// methods outside the spec). Each refuses a request that does not declare the extension (-32021),
// then asks the providers in turn on behalf of the verified caller; a task none of them has for
// this caller is -32602. tasks/result and tasks/list (2025-11-25) stay unregistered: -32601.
import { ProtocolError, ProtocolErrorCode, type McpServer, type ServerContext } from '@modelcontextprotocol/server';
import * as z from 'zod';
import type { CallerScope } from '../../request/request-scope.js';
import type { TaskProvider, TaskView } from './task-provider.js';
import { declaresTasksExtension, detailedTask, missingTasksExtension, taskNotFound } from './task-wire.js';

/** `{ taskId }`; other params are tolerated. Task ids longer than any provider issues are refused as invalid. */
const TASK_PARAMS = z.looseObject({ taskId: z.string().min(1).max(256) });

/** The first provider's answer for `taskId`, asked in order (task ids are unique across providers). */
async function askProviders(
  providers: readonly TaskProvider[],
  ask: (provider: TaskProvider) => Promise<TaskView | undefined>,
): Promise<TaskView> {
  for (const provider of providers) {
    const view = await ask(provider);
    if (view !== undefined) return view;
  }
  throw taskNotFound();
}

function requireExtension(ctx: ServerContext): void {
  if (!declaresTasksExtension(ctx)) throw missingTasksExtension();
}

/** Registers tasks/get, tasks/update and tasks/cancel, answering for the caller of `scope`. */
export function registerTaskMethods(server: McpServer, providers: readonly TaskProvider[], scope: CallerScope): void {
  server.server.setRequestHandler('tasks/get', { params: TASK_PARAMS }, async function getTask({ taskId }, ctx) {
    requireExtension(ctx);
    return detailedTask(await askProviders(providers, (provider) => provider.get(taskId, scope)));
  });

  server.server.setRequestHandler('tasks/update', { params: TASK_PARAMS }, async function updateTask({ taskId }, ctx) {
    requireExtension(ctx);
    // The SDK lifts `inputResponses` out of the params into the context, as for a retried request.
    const responses = ctx.mcpReq.inputResponses;
    if (responses === undefined || responses === null || typeof responses !== 'object' || Array.isArray(responses)) {
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, 'tasks/update requires inputResponses: an object keyed by the input requests it answers');
    }
    await askProviders(providers, (provider) => provider.update(taskId, scope, responses));
    return {};
  });

  server.server.setRequestHandler('tasks/cancel', { params: TASK_PARAMS }, async function cancelTask({ taskId }, ctx) {
    requireExtension(ctx);
    await askProviders(providers, (provider) => provider.cancel(taskId, scope));
    return {};
  });
}
