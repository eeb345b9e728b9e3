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
import { hasRoles } from '../identity/principal.js';
import { withCachedJsonSchema } from './cached-json-schema.js';
import type { AnyTool } from './define-tool.js';
import { fromAuthInfo } from './request-caller.js';
import { requestStateVerifier } from './request-state.js';
import { runTool } from './run-tool.js';
import type { ServerExtension } from './server-extension.js';
import type { ToolServices } from './tool-services.js';
import { toolCallHint } from './tool-call-hint.js';

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
  // Built once: the registration config of each tool, with its JSON Schemas computed once.
  const prepared = tools.map((tool) => ({
    tool,
    config: {
      title: tool.title,
      description: tool.description,
      inputSchema: withCachedJsonSchema(tool.input),
      outputSchema: withCachedJsonSchema(tool.output, { alreadyValidated: true }),
      annotations: tool.annotations,
    },
  }));
  return ({ authInfo, era, requestInfo }) => {
    const caller = fromAuthInfo(authInfo);
    const server = new McpServer(SERVER_INFO, {
      capabilities,
      instructions: INSTRUCTIONS,
      requestState: { verify },
      // A 2025-era client cannot answer a server-initiated request on a stateless endpoint (its
      // reply would reach another instance), so an input_required return fails at once there.
      inputRequired: { legacyShim: false },
    });
    // A tools/call needs only the tool it names; anything else (tools/list …) sees every tool.
    const only = requestInfo ? toolCallHint(requestInfo) : undefined;
    for (const { tool, config } of prepared) {
      if ((only !== undefined && tool.name !== only) || !hasRoles(caller.principal, tool.roles)) continue;
      server.registerTool(tool.name, config, (input: unknown, extra) =>
        runTool({ tool, input, extra, caller, services, timeoutMs: toolTimeoutMs }),
      );
    }
    for (const extension of extensions) extension.register(server, { era, notify, requestState });
    return server;
  };
}
