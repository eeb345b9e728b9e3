// How a tool is declared: name, schemas, roles, annotations and handler together as data, so
// they never drift apart. The registry is one array of these; create-server turns it into
// MCP registrations and run-tool wraps every handler the same way.
import type { ToolAnnotations } from '@modelcontextprotocol/server';
import type * as z from 'zod';
import type { CallerScope } from '../request/request-scope.js';
import type { Principal } from '../identity/principal.js';
import type { Logger } from '../telemetry/logger.js';
import type { ToolServices } from './tool-services.js';

/** What every tool handler receives besides its validated input: the services and this call's scope. */
export interface ToolContext extends ToolServices {
  /** The request this call belongs to, with its verified caller. */
  readonly scope: CallerScope;
  /** `scope.caller`, the verified caller. */
  readonly caller: Principal;
  /** `scope.requestId`. */
  readonly requestId: string;
  /** The app's logger with this call's tool name and request id. */
  readonly logger: Logger;
  /** Aborted when the client cancels or the time budget runs out. */
  readonly signal: AbortSignal;
  /** Reports progress when the caller asked for it (a progressToken); a no-op otherwise. */
  progress(done: number, total: number, message?: string): Promise<void>;
  /** The caller sent a progressToken: progress reaches them (and keeps them waiting). */
  readonly progressRequested: boolean;
  /**
   * The id the audit record of this call will carry, for audited tools (mutating or security):
   * a record a customer can see cites it instead of naming the operator. Undefined otherwise.
   */
  readonly auditId: string | undefined;
}

export interface ToolDefinition<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  /** snake_case public name; part of the contract with existing agents. */
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  /** Roles the caller needs; empty for read tools any allowed caller may use. */
  roles: readonly string[];
  annotations: ToolAnnotations;
  /**
   * This tool's time budget in milliseconds, when it needs another than TOOL_TIMEOUT_MS (a tool
   * that waits for a long job on purpose); the call is cut and answered TIMEOUT when it runs out.
   */
  timeoutMs?: number;
  /**
   * Returns the result. An output with `replayed: true` (an idempotent repeat of an earlier call)
   * is audited as `replayed` rather than `ok`.
   */
  handler(input: z.output<I>, ctx: ToolContext): Promise<z.input<O>>;
  /** A short readable rendering of the result, sent as a second text block after the JSON. */
  summarize?(output: z.output<O>): string;
}

/** Declares a tool; the identity function that gives the definition its types. */
export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(definition: ToolDefinition<I, O>): ToolDefinition<I, O> {
  return definition;
}

/**
 * The type-erased form the registry holds. `handler` and `summarize` are declared as methods,
 * which TypeScript checks bivariantly, so every concrete tool is assignable to it.
 */
export type AnyTool = ToolDefinition<z.ZodObject, z.ZodObject>;
