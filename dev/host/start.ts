// `npm start`: serves the real registrations of functions/ over node:http on 127.0.0.1:PORT,
// warms the app (opens and seeds the store) and prints how to connect. Development only.
import './core-api-shim.js';
import { loadConfig, ConfigError } from '../../shared/config/load-config.js';
import { renderBanner } from './banner.js';
import { loadFunctionApp } from './function-app.js';
import { generateFunctionKey } from './function-keys.js';
import { buildHttpRoutes } from './http-routes.js';
import { createLocalHostServer } from './local-host.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await loadFunctionApp(process.cwd());
  const routes = buildHttpRoutes(app.functions, app.routePrefix);
  const functionKey = config.runtime.localFunctionKey ?? generateFunctionKey();
  const server = createLocalHostServer({
    routes,
    functionKey,
    log: (level, message) => {
      if (level === 'error' || level === 'warning') process.stderr.write(`${message}\n`);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.runtime.port, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.runtime.port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const ready = await fetch(`${baseUrl}/api/ready`).then((res) => res.json() as Promise<{ status: string; customers?: number; reason?: string }>);
  const readiness = ready.status === 'ready' ? `${ready.customers} customers` : `not ready: ${ready.reason ?? 'unknown'}`;
  process.stdout.write(renderBanner({ baseUrl, functionKey, functionKeyGenerated: !config.runtime.localFunctionKey, readiness }));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Local host failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
