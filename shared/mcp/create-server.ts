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
import { hasRoles } from '../auth/principal.js';
import type { AnyTool } from './define-tool.js';
import { fromAuthInfo } from './request-caller.js';
import { requestStateVerifier } from './request-state.js';
import { runTool } from './run-tool.js';
import type { ServerExtension } from './server-extension.js';
import type { ToolServices } from './tool-services.js';

export const SERVER_INFO = { name: 'contoso-mcp', title: 'Contoso customer support', version: '0.1.0' } as const;

const INSTRUCTIONS =
  'Tools for Contoso telecom customer support: customers, subscriptions and products. Ids are integers. ' +
  'Page through customers with get_all_customers and its next_cursor.';

/** The Contoso tool list never changes while the app runs (roles filter it per caller). */
const CONTOSO_CAPABILITIES: ServerCapabilities = { tools: { listChanged: false } };

export interface ServerFactoryOptions {
  tools: readonly AnyTool[];
  services: ToolServices;
  toolTimeoutMs: number;
  /** Seals and verifies multi-round-trip requestState; without it every echoed state is refused. */
  requestState?: RequestStateCodec<JSONObject>;
  /** Extra registrations (development hosts only; see server-extension.ts). */
  extensions?: readonly ServerExtension[];
  /** Publishes to the endpoint's subscription streams; what extensions receive as `notify`. */
  notify: ServerNotifier;
}

export function createServerFactory(options: ServerFactoryOptions): McpServerFactory {
  const { tools, services, toolTimeoutMs, requestState, notify } = options;
  const extensions = options.extensions ?? [];
  const capabilities = extensions.reduce(
    (merged, extension) => (extension.capabilities ? mergeCapabilities(merged, extension.capabilities) : merged),
    CONTOSO_CAPABILITIES,
  );
  const verify = requestStateVerifier(requestState);
  return ({ authInfo, era }) => {
    const caller = fromAuthInfo(authInfo);
    const server = new McpServer(SERVER_INFO, {
      capabilities,
      instructions: INSTRUCTIONS,
      requestState: { verify },
      // A 2025-era client cannot answer a server-initiated request on a stateless endpoint (its
      // reply would reach another instance), so an input_required return fails at once there.
      inputRequired: { legacyShim: false },
    });
    for (const tool of tools) {
      if (!hasRoles(caller.principal, tool.roles)) continue;
      server.registerTool(
        tool.name,
        {
          title: tool.title,
          description: tool.description,
          inputSchema: tool.input,
          outputSchema: tool.output,
          annotations: tool.annotations,
        },
        (input: unknown, extra) => runTool({ tool, input, extra, caller, services, timeoutMs: toolTimeoutMs }),
      );
    }
    for (const extension of extensions) extension.register(server, { era, notify, requestState });
    return server;
  };
}
