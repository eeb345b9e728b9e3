// The one seam through which a development host adds MCP server extensions to an app it loads
// the way the Functions host does (package.json "main"), so it cannot pass them as arguments.
// The local host installs them before it imports the app; functions/runtime.ts reads them when
// it builds the AppContext. Nothing installs any in Azure, so production reads an empty list.
import type { ServerExtension } from '../mcp/server-extension.js';

let installed: readonly ServerExtension[] = [];

/** Called by a development host before it loads the function app; replaces any earlier list. */
export function installHostExtensions(extensions: readonly ServerExtension[]): void {
  installed = Object.freeze([...extensions]);
}

/** The extensions the hosting process installed (none unless a development host did). */
export function hostExtensions(): readonly ServerExtension[] {
  return installed;
}
