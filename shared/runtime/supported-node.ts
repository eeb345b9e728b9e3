// The Node.js versions this app runs on, checked first by every entry point (the function app,
// the local host, token minting, the bench) before anything native loads: better-sqlite3 13 and
// the current Azure SDKs need Node 22, and on Node 20 the native binary crashes the process
// with a segmentation fault and no message at all. Imports nothing, so it can run first.

/** The lowest Node.js major version the app supports (Azure Functions' Node 22 runtime). */
export const MIN_NODE_MAJOR = 22;

/** Why `version` (as in process.versions.node) cannot run `what`, or undefined when it can. */
export function unsupportedNodeMessage(version: string, what: string): string | undefined {
  const major = Number.parseInt(version.split('.')[0] ?? '', 10);
  if (Number.isInteger(major) && major >= MIN_NODE_MAJOR) return undefined;
  return [
    `${what} needs Node.js ${MIN_NODE_MAJOR} or later; this is Node.js ${version}.`,
    `Run it through the npm scripts (npm start, npm test, npm run token, npm run bench), which use the Node ${MIN_NODE_MAJOR}`,
    `installed as a devDependency, or with \`npx node <file>\`; on Node ${version} the embedded store's native module would crash.`,
  ].join('\n');
}

/** Exits with code 1 and the reason on stderr when this process's Node.js cannot run `what`. */
export function exitUnlessSupportedNode(what: string): void {
  const message = unsupportedNodeMessage(process.versions.node, what);
  if (message === undefined) return;
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
