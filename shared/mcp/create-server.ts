// The per-request MCP server factory. Everything expensive (tool list, zod schemas) is built
// once by the caller; each request gets a fresh McpServer holding only the tools its caller may
// use (the gate decides), so a restricted tool is absent from tools/list and refused exactly like
// an unknown one, and every tools/call the server dispatches passes the gate (which audits refusals).
// A 2026-07-28 server also carries the tasks extension when task providers are given (tasks/).
import {
  McpServer,
  mergeCapabilities,
  type JSONObject,
  type McpServerFactory,
  type RequestStateCodec,
  type ServerCapabilities,
  type ServerNotifier,
} from '@modelcontextprotocol/server';
import type { CallerScope } from '../request/request-scope.js';
import { withCachedJsonSchema } from './cached-json-schema.js';
import type { AnyTool } from './define-tool.js';
import { requestStateVerifier } from './request-state.js';
import { SERVER_INFO } from './server-info.js';
import { runTool, type ToolRunner } from './run-tool.js';
import { fromAuthInfo } from './sdk-request-context.js';
import { installEmptyToolHandlers, observeToolCalls } from './sdk-tools-call-hook.js';
import type { ToolGate } from './tool-gate.js';
import type { ServerExtension } from './server-extension.js';
import type { TaskProvider } from './tasks/task-provider.js';
import type { ToolAccess } from './tasks/task-tool-calls.js';
import { createTasksExtension } from './tasks/tasks-extension.js';


const INSTRUCTIONS =
  'Tools for Contoso telecom customer support: customers, subscriptions and products. Ids are integers. ' +
  'Page through customers with get_all_customers and its next_cursor.';

/** The Contoso tool list never changes while the app runs (roles filter it per caller). */
const CONTOSO_CAPABILITIES: ServerCapabilities = { tools: { listChanged: false } };

export interface ServerFactoryOptions {
  tools: readonly AnyTool[];
  /** Decides which tools a caller may list and call. */
  gate: ToolGate;
  /** Runs every tool call (services, logger, audit, time budget). */
  runner: ToolRunner;
  /** Seals and verifies multi-round-trip requestState; without it every echoed state is refused. */
  requestState?: RequestStateCodec<JSONObject>;
  /** Extra registrations (development hosts only; see server-extension.ts). */
  extensions?: readonly ServerExtension[];
  /** Publishes to the endpoint's subscription streams; what extensions receive as `notify`. */
  notify: ServerNotifier;
  /** Every task provider, the app's and the extensions' (tasks/tasks-extension.ts collects them); none: no tasks extension. */
  taskProviders?: readonly TaskProvider[];
}

export function createServerFactory(options: ServerFactoryOptions): McpServerFactory {
  const { tools, gate, runner, requestState, notify } = options;
  const extensions = options.extensions ?? [];
  const capabilities = extensions.reduce(
    (merged, extension) => (extension.capabilities ? mergeCapabilities(merged, extension.capabilities) : merged),
    CONTOSO_CAPABILITIES,
  );
  const tasks = createTasksExtension({ providers: options.taskProviders ?? [], logger: runner.logger, audit: runner.audit });
  const modernCapabilities = tasks ? mergeCapabilities(capabilities, tasks.capabilities) : capabilities;
  const contosoTools = new Map(tools.map((tool) => [tool.name, tool]));
  const verify = requestStateVerifier(requestState);
  // Built once: the registration config of each tool, with its JSON Schemas computed once.
  const prepared = new Map(
    tools.map((tool) => [
      tool,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: withCachedJsonSchema(tool.input, { alreadyValidated: true }),
        outputSchema: withCachedJsonSchema(tool.output, { alreadyValidated: true }),
        annotations: tool.annotations,
      },
    ]),
  );

  /** Registers `tool` so that a call runs it under `scope` through runTool. */
  function registerScopedTool(server: McpServer, tool: AnyTool, scope: CallerScope): void {
    const config = prepared.get(tool);
    if (config === undefined) throw new Error(`${tool.name} is not a tool of this server`);
    server.registerTool(tool.name, config, function callScopedTool(input: unknown, extra) {
      const progressToken = extra.mcpReq._meta?.progressToken;
      return runTool(runner, {
        tool,
        input,
        scope,
        requestSignal: () => extra.mcpReq.signal,
        reportProgress:
          progressToken === undefined
            ? undefined
            : (progress, total, message) =>
                extra.mcpReq.notify({
                  method: 'notifications/progress',
                  params: { progressToken, progress, total, ...(message === undefined ? {} : { message }) },
                }),
      });
    });
  }

  /** A Contoso tool is callable when the gate shows it to this caller; an extension's tool always is. */
  function toolAccess(name: string, visible: readonly AnyTool[]): ToolAccess {
    const tool = contosoTools.get(name);
    if (tool === undefined) return { callable: true };
    return visible.includes(tool) ? { callable: true, tool } : { callable: false };
  }

  return function createPerRequestServer({ authInfo, era }) {
    const { scope, onlyTool } = fromAuthInfo(authInfo);
    const server = new McpServer(SERVER_INFO, {
      capabilities: era === 'modern' ? modernCapabilities : capabilities,
      instructions: INSTRUCTIONS,
      requestState: { verify },
      // A 2025-era client cannot answer a server-initiated request on a stateless endpoint (its
      // reply would reach another instance), so an input_required return fails at once there.
      inputRequired: { legacyShim: false },
    });
    for (const extension of extensions) extension.register(server, { era, notify, requestState });
    // A tools/call needs only the tool it names; anything else (tools/list …) sees every tool.
    const visible = gate.visibleTo(scope.caller).filter((tool) => onlyTool === undefined || tool.name === onlyTool);
    for (const tool of visible) registerScopedTool(server, tool, scope);
    if (visible.length === 0 && extensions.length === 0) installEmptyToolHandlers(server);
    if (tasks && era === 'modern') tasks.install(server, scope, (name) => toolAccess(name, visible));
    observeToolCalls(server, function gateDispatchedCall(name, args) {
      gate.decide(name, args, scope);
    });
    return server;
  };
}
