// The per-request MCP server factory. Everything expensive (tool list, zod schemas) is built
// once by the caller; each request gets a fresh McpServer holding only the tools its caller may
// use, so a restricted tool is absent from tools/list and refused exactly like an unknown one.
import { McpServer, type McpServerFactory } from '@modelcontextprotocol/server';
import { hasRoles } from '../auth/principal.js';
import type { AnyTool } from './define-tool.js';
import { fromAuthInfo } from './request-caller.js';
import { runTool } from './run-tool.js';
import type { ToolServices } from './tool-services.js';

export const SERVER_INFO = { name: 'contoso-mcp', title: 'Contoso customer support', version: '0.1.0' } as const;

const INSTRUCTIONS =
  'Tools for Contoso telecom customer support: customers, subscriptions and products. Ids are integers. ' +
  'Page through customers with get_all_customers and its next_cursor.';

export interface ServerFactoryOptions {
  tools: readonly AnyTool[];
  services: ToolServices;
  toolTimeoutMs: number;
}

export function createServerFactory(options: ServerFactoryOptions): McpServerFactory {
  const { tools, services, toolTimeoutMs } = options;
  return ({ authInfo }) => {
    const caller = fromAuthInfo(authInfo);
    const server = new McpServer(SERVER_INFO, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
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
    return server;
  };
}
