// The composition root: builds the store, clock, logger and the MCP endpoint once per process
// (once per cold start in Azure). Handlers receive what they need from here as parameters.
import { randomUUID } from 'node:crypto';
import { InMemoryServerEventBus } from '@modelcontextprotocol/server';
import { createSeedRequestHandler, type SeedRequestHandler } from '../admin/seed-request.js';
import type { RequestAuthenticator } from '../auth/authenticate-request.js';
import { createAuthServices, type AuthServices } from '../auth/auth-services.js';
import { createToolAudit } from '../mcp/tool-audit.js';
import type { Config } from '../config/config.js';
import { createMcpEndpoint, type McpEndpoint } from '../mcp/mcp-endpoint.js';
import { createServerFactory } from '../mcp/create-server.js';
import type { AnyTool } from '../mcp/define-tool.js';
import { createRequestStateSeal } from '../mcp/request-state.js';
import { createServerNotifier, type ServerExtension } from '../mcp/server-extension.js';
import { ensureSeeded, type SeedOutcome } from '../seed/ensure-seeded.js';
import type { ContosoStore } from '../storage/contoso-store.js';
import { createStore } from '../storage/create-store.js';
import { createLogger, type LogSink, type Logger } from '../telemetry/logger.js';
import { CONTOSO_TOOLS } from '../tools/registry.js';
import { systemClock, type Clock } from '../time/clock.js';

export interface AppContext {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly store: ContosoStore;
  readonly mcp: McpEndpoint;
  /** POST api/manage/seed. */
  readonly seedRequest: SeedRequestHandler;
  /** Request authentication and the OAuth discovery documents. */
  readonly auth: AuthServices;
  /** What start-up seeding did. */
  readonly seedOutcome: SeedOutcome;
  close(): Promise<void>;
}

export interface AppContextOptions {
  clock?: Clock;
  logSink?: LogSink;
  /** A store to use instead of the configured one (tests). */
  store?: ContosoStore;
  /** Id generator for created records (tests pass a predictable one). */
  newId?: () => string;
  /** Replaces token authentication (in-process tests pass a fixed principal). */
  authenticate?: RequestAuthenticator;
  /** fetch used for the Entra JWKS (tests point it at their own issuer). */
  fetch?: typeof globalThis.fetch;
  /** Tools to serve instead of the Contoso registry (tests). */
  tools?: readonly AnyTool[];
  /** Extra MCP registrations (development hosts and tests only; see shared/mcp/server-extension.ts). */
  extensions?: readonly ServerExtension[];
}

export async function createAppContext(config: Config, options: AppContextOptions = {}): Promise<AppContext> {
  const clock = options.clock ?? systemClock;
  const logger = createLogger({ level: config.log.level, now: () => clock.now(), ...(options.logSink ? { sink: options.logSink } : {}) });
  const store = options.store ?? createStore(config.store);
  try {
    const seedOutcome = await ensureSeeded(store, {
      settings: { customerCount: config.seed.customerCount, anchorDate: config.seed.anchorDate },
      onStartup: config.seed.onStartup,
      force: config.seed.force,
      clock,
      logger,
    });
    const tools = options.tools ?? CONTOSO_TOOLS;
    const newId = options.newId ?? randomUUID;
    const authServices = await createAuthServices(config.auth, { now: () => clock.now(), logger, ...(options.fetch ? { fetch: options.fetch } : {}) });
    const auth: AuthServices = options.authenticate ? { ...authServices, authenticate: options.authenticate } : authServices;
    const toolAudit = createToolAudit({ tools, audit: store.audit, clock, newId, logger });
    const extensions = options.extensions ?? [];
    reportExtensions(config, extensions, logger);
    // subscriptions/listen streams of this process; a multi-instance deployment that publishes
    // change events would put a shared pub/sub bus here.
    const bus = new InMemoryServerEventBus((error) => logger.warn('subscription listener failed', { error }));
    const factory = createServerFactory({
      tools,
      services: { store, clock, logger, newId, audit: toolAudit },
      toolTimeoutMs: config.mcp.toolTimeoutMs,
      requestState: createRequestStateSeal(config.mcp.requestStateKey),
      extensions,
      notify: createServerNotifier(bus),
    });
    const mcp = createMcpEndpoint({
      factory,
      bus,
      allowedHosts: config.http.allowedHosts,
      allowedOrigins: config.http.allowedOrigins,
      maxBodyBytes: config.http.maxBodyBytes,
      authenticate: auth.authenticate,
      toolAudit,
      logger,
    });
    const seedRequest = createSeedRequestHandler({
      store,
      defaults: { customerCount: config.seed.customerCount, anchorDate: config.seed.anchorDate },
      clock,
      logger,
      authenticate: auth.authenticate,
    });
    return { config, logger, clock, store, mcp, seedRequest, auth, seedOutcome, close: () => store.close() };
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
}

/** Makes extended servers visible in the logs, and a fixtures setting no host acted on. */
function reportExtensions(config: Config, extensions: readonly ServerExtension[], logger: Logger): void {
  if (extensions.length > 0) {
    logger.warn('MCP server extensions installed: this server serves more than the Contoso tools', {
      extensions: extensions.map((extension) => extension.name),
    });
  } else if (config.mcp.conformanceFixtures) {
    logger.warn('MCP_CONFORMANCE_FIXTURES=true but this host installed no fixtures (only the local host, npm start, does)');
  }
}
