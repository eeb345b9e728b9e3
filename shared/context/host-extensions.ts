// The one seam through which a development host adds MCP server extensions to an app it loads
// the way the Functions host does (package.json "main"), so it cannot pass them as arguments.
// The local host installs them before it imports the app; functions/runtime.ts reads them when
// it builds the App. The list lives under a `Symbol.for` key on globalThis because the app the
// host loads is a bundle with its own copy of this module. Nothing installs any in Azure, so
// production reads an empty list.
import type { ServerExtension } from '../mcp/server-extension.js';

const INSTALLED = Symbol.for('contoso.hostExtensions');

type Holder = { [INSTALLED]?: readonly ServerExtension[] };

/** Called by a development host before it loads the function app; replaces any earlier list. */
export function installHostExtensions(extensions: readonly ServerExtension[]): void {
  (globalThis as Holder)[INSTALLED] = Object.freeze([...extensions]);
}

/** The extensions the hosting process installed (none unless a development host did). */
export function hostExtensions(): readonly ServerExtension[] {
  return (globalThis as Holder)[INSTALLED] ?? [];
}
