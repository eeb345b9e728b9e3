// An App with telemetry on (in-memory providers), a seeded in-memory store, real `local`-mode
// token checks and a fixed clock, for tests that look at the spans, metrics and log lines a
// request produces. Requests go to the endpoint's faces in-process, each with its own invocation
// (optionally carrying a W3C traceparent, as the Functions host's invocations do).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { loadConfig } from '../../shared/config/load-config.js';
import { createApp, type App } from '../../shared/context/create-app.js';
import { createInMemoryScheduler } from './in-memory-scheduler.js';
import { LOCAL_TENANT_ID } from '../../shared/identity/principal.js';
import { createRequestScope, type RequestScope } from '../../shared/request/request-scope.js';
import type { ContosoStore } from '../../shared/storage/contoso-store.js';
import { createStore } from '../../shared/storage/create-store.js';
import { silentLogger } from '../../shared/telemetry/logger.js';
import { fixedClock } from '../../shared/time/clock.js';
import { createInMemoryJobEngine } from './in-memory-job-engine.js';
import { createInMemoryTelemetry, type InMemoryTelemetry } from './in-memory-telemetry.js';
import { ALL_APP_ROLES, LOCAL_AUDIENCE } from './local-host-process.js';
import { MCP_HEADERS } from './mcp-clients.js';

export const TRACED_ANCHOR = '2026-06-15';

export interface TracedApp {
  readonly app: App;
  readonly memory: InMemoryTelemetry;
  /** Every log line the app wrote, parsed. */
  readonly logs: Array<Record<string, unknown>>;
  /** A bearer token of the app's local issuer with `roles` (default: every role). */
  token(roles?: readonly string[]): Promise<string>;
  /** The scope of a new invocation, with `traceParent` as its W3C trace context when given. */
  scope(traceParent?: string): RequestScope;
  /** POSTs `body` to the web face as a 2025-era request with a token (default headers overridable). */
  post(body: unknown, options?: { roles?: readonly string[]; headers?: Record<string, string>; traceParent?: string }): Promise<Response>;
  /** The official MCP client over the web face, signed in with every role. */
  client(era?: '2025-11-25' | '2026-07-28'): Promise<Client>;
  close(): Promise<void>;
}

export interface TracedAppOptions {
  env?: Record<string, string>;
  wrapStore?: (store: ContosoStore) => ContosoStore;
}

export async function startTracedApp(options: TracedAppOptions = {}): Promise<TracedApp> {
  const memory = createInMemoryTelemetry();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'contoso-traced-'));
  const config = loadConfig({ SQLITE_PATH: ':memory:', DATA_DIR: dataDir, AUTH_MODE: 'local', SEED_CUSTOMER_COUNT: '10', SEED_ANCHOR_DATE: TRACED_ANCHOR, ...options.env });
  const logs: Array<Record<string, unknown>> = [];
  const built: { store?: ContosoStore } = {};
  let jobs = 0;
  let invocations = 0;
  const store = options.wrapStore ? options.wrapStore(await createStore(config.store, { logger: silentLogger })) : undefined;
  const app = await createApp(config, {
    telemetry: memory.telemetry,
    clock: fixedClock(`${TRACED_ANCHOR}T12:00:00.000Z`),
    logSink: (_level, line) => logs.push(JSON.parse(line) as Record<string, unknown>),
    jobEngines: createInMemoryJobEngine({ store: () => built.store ?? app.services.store }),
    newJobId: () => `ts-00000000-0000-4000-8000-${String((jobs += 1)).padStart(12, '0')}`,
    ...(store ? { store } : {}),
    scheduler: createInMemoryScheduler(),
  });
  built.store = app.services.store;
  const issuer = app.services.auth.localIssuer?.issuer;
  if (issuer === undefined) throw new Error('startTracedApp needs AUTH_MODE=local');
  const token = (roles: readonly string[] = ALL_APP_ROLES) =>
    issuer.mint({ sub: 'telemetry-tester', tid: LOCAL_TENANT_ID, roles: [...roles], scope: 'MCP.Access', audience: LOCAL_AUDIENCE, expiresInSeconds: 3600 });
  const scope = (traceParent?: string) =>
    createRequestScope({ invocationId: `inv-${(invocations += 1)}`, functionName: 'mcp', ...(traceParent === undefined ? {} : { traceContext: { traceParent } }) });
  return {
    app,
    memory,
    logs,
    token,
    scope,
    async post(body, postOptions = {}) {
      const headers = { ...MCP_HEADERS, authorization: `Bearer ${await token(postOptions.roles)}`, ...postOptions.headers };
      const request = new Request('http://localhost/api/mcp', { method: 'POST', headers, body: JSON.stringify(body) });
      return app.handlers.mcp.web(request, scope(postOptions.traceParent));
    },
    async client(era = '2025-11-25') {
      const authorization = `Bearer ${await token()}`;
      const fetchInProcess = async (input: string | URL | Request, init?: RequestInit) => {
        const request = new Request(input, init);
        request.headers.set('authorization', authorization);
        return app.handlers.mcp.web(request, scope());
      };
      const client = new Client({ name: 'telemetry-tests', version: '1' }, era === '2026-07-28' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {});
      await client.connect(new StreamableHTTPClientTransport(new URL('http://localhost/api/mcp'), { fetch: fetchInProcess }));
      return client;
    },
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
