// What the reference servers share: the one trivial tool each exposes (`add`: two numbers in,
// their sum as text out, so the references differ only in the framework around it), the port
// each reads from its environment, and how each reports that it listens and stops.

import type { Server } from 'node:http';

export const TRIVIAL_TOOL_NAME = 'add';
export const TRIVIAL_TOOL_DESCRIPTION = 'Adds two numbers and returns the sum as text.';
export const TRIVIAL_TOOL_ARGUMENTS = { a: 2, b: 3 } as const;

/** The port a reference listens on: `PORT` from its environment, 0 (any free port) when unset. */
export function referencePort(env: NodeJS.ProcessEnv): number {
  const port = Number(env.PORT ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number (got ${env.PORT})`);
  return port;
}

/**
 * Tells the bench (which waits for this line) where the reference listens, and exits cleanly
 * on SIGTERM/SIGINT (a plain exit, so that `node --cpu-prof` still writes its profile).
 */
export function announceListening(server: Server): void {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`listening ${port}\n`);
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
