// The process's AppContext for the Functions registrations: configuration is parsed when the
// app loads (a bad setting stops start-up with a clear message); the context is built on first
// use and rebuilt on the next request if building it failed (e.g. the store was unreachable).
// Server extensions come only from a development host (none in Azure; see host-extensions.ts).
import { createAppContext, type AppContext } from '../shared/context/app-context.js';
import { hostExtensions } from '../shared/context/host-extensions.js';
import { loadConfig } from '../shared/config/load-config.js';
import type { Config } from '../shared/config/config.js';

const config: Config = loadConfig(process.env);
let pending: Promise<AppContext> | undefined;

export function getAppContext(): Promise<AppContext> {
  pending ??= createAppContext(config, { extensions: hostExtensions() }).catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}
