// The extension point of the per-request MCP server: extra tools, resources, prompts and
// capabilities registered next to the Contoso tools. Production registers none; the local
// development host adds the conformance suite's fixtures through it (dev/conformance/).
import type { JSONObject, McpServer, RequestStateCodec, ServerCapabilities, ServerEventBus, ServerNotifier } from '@modelcontextprotocol/server';
import type { TaskProvider } from './tasks/task-provider.js';

/** What an extension receives each time a per-request server is built. */
export interface ServerExtensionContext {
  /** The protocol era of the request: `legacy` (2025, initialize) or `modern` (2026-07-28). */
  era: 'legacy' | 'modern';
  /** Publishes list-changed events to the `subscriptions/listen` streams open on this process. */
  notify: ServerNotifier;
  /**
   * Seals multi-round-trip `requestState` with the app's key (the server verifies echoed state
   * with the same codec before any handler runs); undefined when no key is configured.
   */
  requestState: RequestStateCodec<JSONObject> | undefined;
}

export interface ServerExtension {
  /** Shown in the start-up log, so a server with extensions never passes for a plain one. */
  readonly name: string;
  /** Capabilities merged into the server's own before it is built (e.g. `prompts`, `logging`). */
  readonly capabilities?: ServerCapabilities;
  /** Registers the extension's tools, resources and prompts on one per-request server. */
  register(server: McpServer, context: ServerExtensionContext): void;
  /**
   * Runs some of the tools `register` adds as tasks for 2026-07-28 clients that declare the tasks
   * extension (shared/mcp/tasks/). Built once with the extension, so its state outlives requests.
   */
  readonly taskProvider?: TaskProvider;
}

/** The typed publish side of a change-event bus, as `createMcpHandler` builds it for its own. */
export function createServerNotifier(bus: ServerEventBus): ServerNotifier {
  return {
    toolsChanged: () => bus.publish({ kind: 'tools_list_changed' }),
    promptsChanged: () => bus.publish({ kind: 'prompts_list_changed' }),
    resourcesChanged: () => bus.publish({ kind: 'resources_list_changed' }),
    resourceUpdated: (uri) => bus.publish({ kind: 'resource_updated', uri }),
  };
}
