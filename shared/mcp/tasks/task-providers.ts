// The app's task providers, gathered and checked once at start-up, and the tools they run as
// tasks (which the fast path leaves to the SDK path). Kept apart from tasks-extension.ts, which
// needs the MCP SDK: the fast path imports this module, and must not load the SDK.
import type { AnyTool } from '../define-tool.js';
import type { ServerExtension } from '../server-extension.js';
import type { TaskProvider } from './task-provider.js';

/** The names of the tools `providers` run as tasks (what the fast path must leave to the SDK path). */
export function taskToolNames(providers: readonly TaskProvider[]): ReadonlySet<string> {
  return new Set(providers.flatMap((provider) => [...provider.tools.keys()]));
}

/**
 * Every task provider of the app: its own (which may claim Contoso tools only, so that no claimed
 * tool escapes the role gate) and those of development extensions (whose tools they register).
 */
export function collectTaskProviders(own: readonly TaskProvider[], extensions: readonly ServerExtension[], tools: readonly AnyTool[]): readonly TaskProvider[] {
  const contoso = new Set(tools.map((tool) => tool.name));
  for (const provider of own) {
    const stray = [...provider.tools.keys()].filter((name) => !contoso.has(name));
    if (stray.length > 0) throw new Error(`Task provider ${provider.name} claims ${stray.join(', ')}, which no Contoso tool declares`);
  }
  return [...own, ...extensions.flatMap((extension) => (extension.taskProvider ? [extension.taskProvider] : []))];
}
