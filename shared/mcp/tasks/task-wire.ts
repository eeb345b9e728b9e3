// The tasks extension's wire vocabulary (SEP-2663, 2026-07-28): its identifier, how a client
// declares it, the two errors it defines, and a provider's TaskView written as the flat
// CreateTaskResult or as the DetailedTask `tasks/get` answers. Each field is copied by name, so
// nothing a provider adds by mistake (requestState, a nested `task`) reaches the wire.
import {
  CLIENT_CAPABILITIES_META_KEY,
  MissingRequiredClientCapabilityError,
  ProtocolError,
  ProtocolErrorCode,
  type Result,
  type ServerContext,
} from '@modelcontextprotocol/server';
import * as z from 'zod';
import type { TaskBase, TaskView } from './task-provider.js';

export const TASKS_EXTENSION_ID = 'io.modelcontextprotocol/tasks';

/** What the server advertises in `capabilities.extensions` (no settings are defined yet). */
export const TASKS_CAPABILITY = { extensions: { [TASKS_EXTENSION_ID]: {} } } as const;

const TASKS_DECLARATION = z.object({
  [CLIENT_CAPABILITIES_META_KEY]: z.object({ extensions: z.object({ [TASKS_EXTENSION_ID]: z.looseObject({}) }) }),
});

/** Whether the request's 2026-07-28 envelope declares the extension (declared per request, not per session). */
export function declaresTasksExtension(ctx: ServerContext): boolean {
  return TASKS_DECLARATION.safeParse(ctx.mcpReq.envelope).success;
}

/** -32021, naming the extension the client must declare (HTTP 400, as the SDK maps it). */
export function missingTasksExtension(): MissingRequiredClientCapabilityError {
  return new MissingRequiredClientCapabilityError(
    { requiredCapabilities: { extensions: { [TASKS_EXTENSION_ID]: {} } } },
    `Missing required client capability: declare the ${TASKS_EXTENSION_ID} extension in the request's clientCapabilities`,
  );
}

/** -32602 for a task this caller cannot see: unknown, expired and someone else's read the same. */
export function taskNotFound(): ProtocolError {
  return new ProtocolError(ProtocolErrorCode.InvalidParams, 'Task not found');
}

function taskFields(view: TaskBase & { status: string }): Result {
  return {
    taskId: view.taskId,
    status: view.status,
    ...(view.statusMessage !== undefined ? { statusMessage: view.statusMessage } : {}),
    createdAt: view.createdAt,
    lastUpdatedAt: view.lastUpdatedAt,
    ttlMs: view.ttlMs,
    ...(view.pollIntervalMs !== undefined ? { pollIntervalMs: view.pollIntervalMs } : {}),
  };
}

/** The flat CreateTaskResult a tools/call answers with: the task's metadata, never its outcome. */
export function createTaskResult(view: TaskView): Result {
  return { resultType: 'task', ...taskFields(view) };
}

/** The DetailedTask of `tasks/get`: the metadata plus what the status carries (the SDK adds resultType). */
export function detailedTask(view: TaskView): Result {
  const fields = taskFields(view);
  switch (view.status) {
    case 'input_required':
      return { ...fields, inputRequests: view.inputRequests };
    case 'completed':
      return { ...fields, result: view.result };
    case 'failed':
      return { ...fields, error: { code: view.error.code, message: view.error.message, ...(view.error.data !== undefined ? { data: view.error.data } : {}) } };
    default:
      return fields;
  }
}
