// The process's App for the Functions registrations: configuration is parsed when the app loads
// (a bad setting stops start-up with a clear message); the App is built on first use and rebuilt
// on the next request if building it failed (e.g. the store was unreachable). Server extensions
// come only from a development host (none in Azure; see host-extensions.ts).
import { createApp, type App } from '../shared/context/create-app.js';
import { hostExtensions } from '../shared/context/host-extensions.js';
import { loadConfig } from '../shared/config/load-config.js';
import type { Config } from '../shared/config/config.js';

const config: Config = loadConfig(process.env);
let pending: Promise<App> | undefined;

export function getApp(): Promise<App> {
  pending ??= createApp(config, { extensions: hostExtensions() }).catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}

/** Sends what telemetry has buffered and stops it (the worker's appTerminate hook); nothing when no App was built. */
export async function shutdownTelemetry(): Promise<void> {
  const app = await pending?.catch(() => undefined);
  await app?.services.telemetry.shutdown();
}
