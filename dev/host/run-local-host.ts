// `npm start`: serves the real registrations of functions/ over node:http on 127.0.0.1:PORT,
// warms the app (opens and seeds the store), and prints how to connect, with a development
// token carrying every role when AUTH_MODE=local. With MCP_CONFORMANCE_FIXTURES=true it also
// serves the MCP conformance suite's fixtures. When the app registers Durable Functions, a local
// stand-in for the Durable extension runs them (dev/durable); without SCHEDULER_URL, a
// development scheduler runs beside it (local-scheduler.ts). Development only.
import './core-api-shim.js';
import type http from 'node:http';
import { loadOrCreateLocalIssuer } from '../../shared/auth/local-issuer.js';
import { nodeHttp } from '../../shared/runtime/node-http.js';
import { installHostExtensions } from '../../shared/context/host-extensions.js';
import { loadConfig, ConfigError } from '../../shared/config/load-config.js';
import type { Config } from '../../shared/config/config.js';
import { INSPECT_SHARED_SETTINGS, renderBanner } from './banner.js';
import { startDurableExtension } from './durable-extension.js';
import { startLocalScheduler } from './local-scheduler.js';
import { startTimerFunctions } from './timer-functions.js';
import { loadFunctionApp } from './function-app.js';
import { generateFunctionKey } from './function-keys.js';
import { buildHttpRoutes } from './http-routes.js';
import { createHostServer, createLocalHostListener } from './local-host.js';

/** The port `npm run inspect` assumes when PORT is not given (the Functions host's default). */
const DEFAULT_PORT = 7071;

async function listen(port: number): Promise<{ server: http.Server; port: number; attach: (handler: http.RequestListener) => void }> {
  let handler: http.RequestListener | undefined;
  const waiting: Array<() => void> = [];
  // Requests that arrive while the app loads wait for it; the server itself carries the host's timeouts.
  const server = createHostServer(function serveWhenLoaded(req, res) {
    if (handler) handler(req, res);
    else waiting.push(() => handler?.(req, res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  return {
    server,
    port: typeof address === 'object' && address ? address.port : port,
    attach(next) {
      handler = next;
      for (const run of waiting.splice(0)) run();
    },
  };
}

/**
 * GETs a JSON document over node:http: `fetch` would load the fetch implementation (tens of ms)
 * while the first requests wait for the app; nothing else on that path needs it.
 */
function getJson(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    nodeHttp
      .get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

async function developmentToken(config: Config): Promise<string | undefined> {
  const auth = config.auth;
  if (auth.mode !== 'local') return undefined;
  const issuer = await loadOrCreateLocalIssuer(auth.localIssuerKeyFile, { now: () => new Date() });
  return issuer.mint({
    sub: 'local-developer',
    tid: auth.allowedTenants[0] ?? '',
    roles: Object.values(auth.roles),
    scope: auth.requiredScope,
    audience: auth.audiences[0] ?? '',
    expiresInSeconds: 12 * 3600,
  });
}

/** The settings of this host that `npm run inspect` must be given to reach it (see banner.ts). */
function inspectEnvFor(port: number): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INSPECT_SHARED_SETTINGS) {
    const value = name === 'PORT' ? (port === DEFAULT_PORT ? undefined : String(port)) : process.env[name];
    if (value !== undefined && value !== '') env[name] = value;
  }
  return env;
}

async function main(): Promise<void> {
  const requested = loadConfig(process.env);
  const { server, port, attach } = await listen(requested.runtime.port);
  // The app reads PORT for its public URL; give it the port actually bound (PORT=0 picks one).
  process.env.PORT = String(port);
  // Before the app's configuration: it points SCHEDULER_URL at the development scheduler.
  const scheduler = await startLocalScheduler(process.env, (line) => process.stdout.write(`${line}\n`));
  const config = loadConfig(process.env);
  // Must precede loading the app: functions/runtime.ts reads the installed extensions.
  if (config.mcp.conformanceFixtures) {
    // Loaded only when asked for: the fixtures pull in the MCP SDK's server.
    const { conformanceFixtures } = await import('../conformance/conformance-fixtures.js');
    installHostExtensions([conformanceFixtures]);
  }
  const app = await loadFunctionApp(process.cwd());
  const routes = buildHttpRoutes(app.functions, app.routePrefix);
  const functionKey = config.runtime.localFunctionKey ?? generateFunctionKey();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = (level: string, message: string) => {
    if (level === 'error' || level === 'warning') process.stderr.write(`${message}\n`);
  };
  const durable = await startDurableExtension({ functions: app.functions, hostJson: app.hostJson, dataDir: config.store.dataDir, hostOrigin: baseUrl, log });
  if (durable !== undefined) process.stdout.write(`${durable.summary}\n`);
  if (scheduler !== undefined) process.stdout.write(`${scheduler.summary}\n`);
  const extraInputs = durable === undefined ? {} : { extraInputValues: durable.extraInputValues };
  const timers = startTimerFunctions({ functions: app.functions, log, ...extraInputs });
  if (timers.names.length > 0) process.stdout.write(`timer functions: ${timers.names.join(', ')} (on their schedules; run one now with POST /admin/functions/{name})\n`);
  attach(createLocalHostListener({ routes, functionKey, log, runFunction: (name) => timers.run(name), ...extraInputs }));
  const ready = (await getJson(`${baseUrl}/api/ready`)) as { status: string; customers?: number; reason?: string };
  const readiness = ready.status === 'ready' ? `${ready.customers} customers` : `not ready: ${ready.reason ?? 'unknown'}`;
  const token = await developmentToken(config);
  process.stdout.write(
    renderBanner({
      baseUrl,
      functionKey,
      functionKeyGenerated: !config.runtime.localFunctionKey,
      readiness,
      authMode: config.auth.mode,
      token,
      conformanceFixtures: config.mcp.conformanceFixtures,
      inspectEnv: inspectEnvFor(port),
    }),
  );
  const stop = () => {
    timers.stop();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    // The durable runner waits (bounded) for running activities and closes its database.
    void Promise.all([closed, durable?.stop(), scheduler?.close()]).finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Local host failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
