// The port between the MCP tasks extension (`io.modelcontextprotocol/tasks`, 2026-07-28) and what
// runs and stores tasks. A provider names the tools it runs as tasks, creates a task for a call,
// and answers afterwards for the tasks it created. The per-request MCP server keeps nothing
// between requests, so a provider's storage must be reachable from every instance (a durable job
// engine, a database): any instance may be asked about any task, the moment it was created.
import type { CallToolResult, InputRequests, InputRequiredResult } from '@modelcontextprotocol/server';
import type { CallerScope } from '../../request/request-scope.js';

/**
 * How a provider takes a tool's calls from 2026-07-28 clients that declare the extension (those
 * always get a task). From a 2026-07-28 client that does not declare it, `optional` lets the
 * tool's ordinary handler answer synchronously, `required` refuses the call with -32021. 2025-era
 * clients always reach the ordinary handler: the extension exists in 2026-07-28 only.
 */
export type TaskSupport = 'optional' | 'required';

/** What every task carries whatever its status (the wire's `Task`). */
export interface TaskBase {
  /** The provider's own id (e.g. a job instance id): opaque to clients, at most 256 characters, unique across providers. */
  readonly taskId: string;
  /** ISO 8601. */
  readonly createdAt: string;
  /** ISO 8601. */
  readonly lastUpdatedAt: string;
  /** How long after `createdAt` the task stays readable, in whole milliseconds; null for no limit. */
  readonly ttlMs: number | null;
  /** The polling interval the client should keep to, in whole milliseconds. */
  readonly pollIntervalMs?: number;
  /** A short note on the current state (progress, what input is awaited, why it failed). */
  readonly statusMessage?: string;
}

/** A JSON-RPC error a task failed with (status `failed` is for protocol-level faults only). */
export interface TaskError {
  readonly code: number;
  readonly message: string;
  readonly data?: unknown;
}

/**
 * A task as its provider sees it now: what `tasks/get` answers. A tool that ran and reported an
 * error is `completed` with `result.isError: true`; `failed` means the call itself broke.
 */
export type TaskView = TaskBase &
  (
    | { readonly status: 'working' }
    /** Waiting for the client: every request still unanswered, under keys never reused within the task. */
    | { readonly status: 'input_required'; readonly inputRequests: InputRequests }
    | { readonly status: 'completed'; readonly result: CallToolResult }
    | { readonly status: 'failed'; readonly error: TaskError }
    | { readonly status: 'cancelled' }
  );

export type TaskStatus = TaskView['status'];

/** One tools/call a provider is asked to turn into a task. */
export interface TaskCall {
  readonly toolName: string;
  /**
   * The call's arguments: already parsed by the tool's input schema when it is a Contoso tool
   * (shared/tools/); as the client sent them (a plain object) for a development extension's tool.
   */
  readonly arguments: Record<string, unknown>;
  /** The request scope; `scope.caller` (verified) becomes the task's owner. */
  readonly scope: CallerScope;
  /** The client's answers when this call is the retry of an `input_required` round (see `create`). */
  readonly inputResponses: ClientInputResponses | undefined;
  /** Aborted when the client cancels the tools/call request (not the task). */
  readonly signal: AbortSignal;
}

/**
 * Runs some tools as tasks and answers for them. Every method takes the caller's scope: a task
 * belongs to the caller that created it (tenant and caller id, see `taskOwner`), and a task of
 * another caller must be answered exactly like a task that does not exist (`undefined`).
 */
export interface TaskProvider {
  /** Shown in logs. */
  readonly name: string;
  /** The tools this provider runs as tasks. Each must also be an ordinary tool (listed, role-gated). */
  readonly tools: ReadonlyMap<string, TaskSupport>;
  /**
   * Creates the task and resolves once `get` would find it (strong consistency: the client may
   * poll the moment it has the id), with its seed state, usually `working`. May instead ask the
   * client for input before any task exists (`inputRequired({ inputRequests })` from the SDK; no
   * requestState, which providers cannot seal): the client then retries the call with the answers
   * in `call.inputResponses`, and the SDK refuses a round asking for input the client did not
   * declare it can give. A throw becomes a tool error result (a DomainError keeps its code and
   * message; anything else reads as INTERNAL).
   */
  create(call: TaskCall): Promise<TaskView | InputRequiredResult>;
  /** The task now, or undefined when there is no such task for this caller (unknown, expired, someone else's). */
  get(taskId: string, scope: CallerScope): Promise<TaskView | undefined>;
  /**
   * Asks the task to stop: cooperative, so it may still finish otherwise; cancelling a finished
   * task changes nothing. Undefined when there is no such task for this caller.
   */
  cancel(taskId: string, scope: CallerScope): Promise<TaskView | undefined>;
  /**
   * Delivers answers to the task's outstanding input requests (answers under other keys are
   * ignored; a subset leaves the task waiting for the rest). Undefined when there is no such task
   * for this caller.
   */
  update(taskId: string, scope: CallerScope, inputResponses: ClientInputResponses): Promise<TaskView | undefined>;
}

/**
 * Answers to input requests, keyed as the requests were, exactly as the client sent them (the SDK
 * does not check their shape): read each through the SDK's `inputResponse(...)` or
 * `acceptedContent(...)` views.
 */
export type ClientInputResponses = Readonly<Record<string, unknown>>;

/** Who a task belongs to: store it with the task, compare it on every later request. */
export interface TaskOwner {
  readonly tenantId: string;
  readonly callerId: string;
}

/** The owner a task created in `scope` gets. */
export function taskOwner(scope: CallerScope): TaskOwner {
  return { tenantId: scope.caller.tenantId, callerId: scope.caller.callerId };
}

/** Whether the caller of `scope` owns a task owned by `owner`. */
export function isTaskOwner(owner: TaskOwner, scope: CallerScope): boolean {
  return owner.tenantId === scope.caller.tenantId && owner.callerId === scope.caller.callerId;
}
