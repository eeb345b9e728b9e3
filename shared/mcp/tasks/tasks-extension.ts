// The MCP tasks extension (`io.modelcontextprotocol/tasks`, SEP-2663) as the per-request server
// factory uses it: built once from the task providers, then installed on every server that serves
// a 2026-07-28 request (the 2025-11-25 task shape is not offered: the SDK rejects it). It adds the
// capability, the tasks/* methods and the tools/call routing; the providers own all task state.
import type { McpServer, ServerCapabilities } from '@modelcontextprotocol/server';
import type { CallerScope } from '../../request/request-scope.js';
import type { Logger } from '../../telemetry/logger.js';
import type { ToolAudit } from '../tool-audit.js';
import { registerTaskMethods } from './task-methods.js';
import type { TaskProvider } from './task-provider.js';
import { routeTaskCalls, type ClaimedTool, type ToolAccess } from './task-tool-calls.js';
import { TASKS_CAPABILITY } from './task-wire.js';

export interface TasksExtensionOptions {
  readonly providers: readonly TaskProvider[];
  /** Logs task creations that fail. */
  readonly logger: Logger;
  /** Audits the task creations of audited Contoso tools, as runTool audits their calls. */
  readonly audit: ToolAudit;
}

export interface TasksExtension {
  /** Merged into the capabilities of servers that serve 2026-07-28 requests. */
  readonly capabilities: ServerCapabilities;
  /** Installs the methods and the tools/call routing on one 2026-07-28 server, for the caller of `scope`. */
  install(server: McpServer, scope: CallerScope, access: (name: string) => ToolAccess): void;
}

/** The extension over `providers`, or undefined when there are none (nothing is advertised then). */
export function createTasksExtension(options: TasksExtensionOptions): TasksExtension | undefined {
  const { providers, logger, audit } = options;
  if (providers.length === 0) return undefined;
  const claims = new Map<string, ClaimedTool>();
  for (const provider of providers) {
    for (const [name, support] of provider.tools) {
      const other = claims.get(name);
      if (other !== undefined) throw new Error(`Task providers ${other.provider.name} and ${provider.name} both claim the tool ${name}`);
      claims.set(name, { provider, support });
    }
  }
  const routing = { claims, logger, audit };
  return {
    capabilities: TASKS_CAPABILITY,
    install(server, scope, access) {
      registerTaskMethods(server, providers, scope);
      routeTaskCalls(server, routing, scope, access);
    },
  };
}
