// The per-request MCP server factory. Everything expensive (tool list, zod schemas) is built
// once by the caller; each request gets a fresh McpServer holding only the tools its caller may
// use, so a restricted tool is absent from tools/list and refused exactly like an unknown one.
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
import { hasRoles } from '../identity/principal.js';
import { withCachedJsonSchema } from './cached-json-schema.js';
import type { AnyTool } from './define-tool.js';
import { requestStateVerifier } from './request-state.js';
import { runTool, type ToolRunner } from './run-tool.js';
import { fromAuthInfo } from './sdk-request-context.js';
import type { ServerExtension } from './server-extension.js';

export const SERVER_INFO = { name: 'contoso-mcp', title: 'Contoso customer support', version: '0.1.0' } as const;

const INSTRUCTIONS =
  'Tools for Contoso telecom customer support: customers, subscriptions and products. Ids are integers. ' +
  'Page through customers with get_all_customers and its next_cursor.';

/** The Contoso tool list never changes while the app runs (roles filter it per caller). */
const CONTOSO_CAPABILITIES: ServerCapabilities = { tools: { listChanged: false } };

export interface ServerFactoryOptions {
  tools: readonly AnyTool[];
  /** Runs every tool call (services, logger, audit, time budget). */
  runner: ToolRunner;
  /** Seals and verifies multi-round-trip requestState; without it every echoed state is refused. */
  requestState?: RequestStateCodec<JSONObject>;
  /** Extra registrations (development hosts only; see server-extension.ts). */
  extensions?: readonly ServerExtension[];
  /** Publishes to the endpoint's subscription streams; what extensions receive as `notify`. */
  notify: ServerNotifier;
}

export function createServerFactory(options: ServerFactoryOptions): McpServerFactory {
  const { tools, runner, requestState, notify } = options;
  const extensions = options.extensions ?? [];
  const capabilities = extensions.reduce(
    (merged, extension) => (extension.capabilities ? mergeCapabilities(merged, extension.capabilities) : merged),
    CONTOSO_CAPABILITIES,
  );
  const verify = requestStateVerifier(requestState);
  // Built once: the registration config of each tool, with its JSON Schemas computed once.
  const prepared = tools.map((tool) => ({
    tool,
    config: {
      title: tool.title,
      description: tool.description,
      inputSchema: withCachedJsonSchema(tool.input, { alreadyValidated: true }),
      outputSchema: withCachedJsonSchema(tool.output, { alreadyValidated: true }),
      annotations: tool.annotations,
    },
  }));

  /** Registers `tool` so that a call runs it under `scope` through runTool. */
  function registerScopedTool(server: McpServer, entry: (typeof prepared)[number], scope: CallerScope): void {
    const { tool, config } = entry;
    server.registerTool(tool.name, config, function callScopedTool(input: unknown, extra) {
      const progressToken = extra.mcpReq._meta?.progressToken;
      return runTool(runner, {
        tool,
        input,
        scope,
        signal: extra.mcpReq.signal,
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

  return function createPerRequestServer({ authInfo, era }) {
    const { scope, onlyTool } = fromAuthInfo(authInfo);
    const server = new McpServer(SERVER_INFO, {
      capabilities,
      instructions: INSTRUCTIONS,
      requestState: { verify },
      // A 2025-era client cannot answer a server-initiated request on a stateless endpoint (its
      // reply would reach another instance), so an input_required return fails at once there.
      inputRequired: { legacyShim: false },
    });
    // A tools/call needs only the tool it names; anything else (tools/list …) sees every tool.
    for (const entry of prepared) {
      if ((onlyTool !== undefined && entry.tool.name !== onlyTool) || !hasRoles(scope.caller, entry.tool.roles)) continue;
      registerScopedTool(server, entry, scope);
    }
    for (const extension of extensions) extension.register(server, { era, notify, requestState });
    return server;
  };
}
