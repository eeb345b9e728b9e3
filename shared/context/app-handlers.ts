// The HTTP handlers of the app, built once from its services: the MCP endpoint, the seeding
// route, the scheduler's callback, health and readiness, and the OAuth discovery documents.
// functions/ registers each under its route; adding a function adds a handler here, not a field to the services.
import { createSeedRequestHandler, type SeedRequestHandler } from '../admin/seed-request.js';
import { createCallbackHandler, type CallbackHandler } from '../callback/callback-handler.js';
import { createDiscoveryHandlers, type DiscoveryHandlers } from '../auth/discovery-handlers.js';
import { createHealthHandlers, type HealthHandlers } from '../health/health-handlers.js';
import { createExpertTools } from '../experts/expert-tools.js';
import type { AnyTool } from '../mcp/define-tool.js';
import { createMcpEndpoint, type McpEndpoint } from '../mcp/mcp-endpoint.js';
import type { ServerExtension } from '../mcp/server-extension.js';
import type { CheckedDependency } from '../health/dependency-check.js';
import type { TaskProvider } from '../mcp/tasks/task-provider.js';
import { troubleShootDevice } from '../tools/troubleshoot/trouble-shoot-device.js';
import { createTroubleshootTaskProvider } from '../tools/troubleshoot/troubleshoot-task-provider.js';
import { collectTaskProviders, taskToolNames } from '../mcp/tasks/task-providers.js';
import { createToolAudit } from '../mcp/tool-audit.js';
import { createToolGate } from '../mcp/tool-gate.js';
import { CONTOSO_TOOLS } from '../tools/registry.js';
import type { AppServices } from './app-services.js';

export interface AppHandlers {
  /** POST api/mcp (and the methods it refuses). */
  readonly mcp: McpEndpoint;
  /** POST api/manage/seed. */
  readonly seed: SeedRequestHandler;
  /** POST api/callback: the scheduler's signed follow-up reports. */
  readonly callback: CallbackHandler;
  readonly health: HealthHandlers;
  readonly discovery: DiscoveryHandlers;
}

export interface AppHandlersOptions {
  /** Tools to serve instead of the Contoso registry (tests). */
  tools?: readonly AnyTool[];
  /** Extra MCP registrations (development hosts and tests only; see shared/mcp/server-extension.ts). */
  extensions?: readonly ServerExtension[];
  /** false sends every request through the SDK path (tests comparing the two paths). */
  fastPath?: boolean;
  /**
   * Run some Contoso tools as tasks for 2026-07-28 clients that declare the tasks extension (see
   * shared/mcp/tasks/task-provider.ts); default: trouble_shoot_device as the troubleshoot job.
   * Development extensions may bring their own.
   */
  taskProviders?: readonly TaskProvider[];
  /** A shorter expert turn budget than EXPERT_TIME_BUDGET_SECONDS, in milliseconds (tests). */
  expertTimeBudgetMs?: number;
}

/** What /api/ready lists beside the store's ping: every configured dependency with a check (the store's own when it has one, Azure OpenAI only with an endpoint). */
function readinessDependencies(services: AppServices): CheckedDependency[] {
  const storeCheck = services.store.check?.bind(services.store);
  return [
    ...(storeCheck ? [{ name: services.store.kind, check: storeCheck }] : []),
    services.conversations,
    services.secrets,
    ...(services.scheduler ? [services.scheduler] : []),
    ...(services.azureOpenAi.models ? [services.azureOpenAi] : []),
    ...(services.auth.jwks ? [services.auth.jwks] : []),
  ];
}

/** The Contoso tools that run as MCP tasks: trouble_shoot_device, when it is served. */
function ownTaskProviders(services: AppServices, tools: readonly AnyTool[]): TaskProvider[] {
  return tools.some((tool) => tool.name === troubleShootDevice.name) ? [createTroubleshootTaskProvider(services.toolServices.troubleshoot)] : [];
}

export function createAppHandlers(services: AppServices, options: AppHandlersOptions = {}): AppHandlers {
  const { config, logger, clock, store, auth, audit } = services;
  const contosoTools = options.tools ?? CONTOSO_TOOLS;
  const extensions = options.extensions ?? [];
  reportExtensions(services, extensions);
  const toolAudit = createToolAudit(audit);
  const tracing = services.telemetry.tracing;
  const runner = { services: services.toolServices, logger, audit: toolAudit, timeoutMs: config.mcp.toolTimeoutMs, traceToolCall: tracing?.toolCalls };
  // The expert tools exist only when Azure OpenAI is configured; they call the Contoso tools.
  const experts = createExpertTools({ models: services.azureOpenAi.models, limits: config.experts, tools: contosoTools, runner, timeBudgetMs: options.expertTimeBudgetMs });
  const tools = [...contosoTools, ...experts];
  const gate = createToolGate(tools, toolAudit);
  const taskProviders = collectTaskProviders(options.taskProviders ?? ownTaskProviders(services, tools), extensions, tools);
  const mcp = createMcpEndpoint({
    sdkPath: loadOnce(async function loadSdkPath() {
      const { createSdkPath } = await import('../mcp/sdk-path.js');
      return createSdkPath({ tools, gate, runner, extensions, taskProviders, requestStateKey: config.mcp.requestStateKey, maxBodyBytes: config.http.maxBodyBytes, logger });
    }),
    allowedHosts: config.http.allowedHosts,
    allowedOrigins: config.http.allowedOrigins,
    maxBodyBytes: config.http.maxBodyBytes,
    authenticate: auth.authenticate,
    ...(options.fastPath === false ? {} : { fastPath: { gate, runner, otherToolsMayExist: extensions.length > 0, taskTools: taskToolNames(taskProviders) } }),
  });
  return {
    mcp: tracing ? tracing.endpoint(mcp) : mcp,
    seed: createSeedRequestHandler({
      store,
      defaults: { customerCount: config.seed.customerCount, anchorDate: config.seed.anchorDate },
      clock,
      logger,
      audit,
      authenticate: auth.authenticate,
    }),
    callback: createCallbackHandler({ conversations: services.conversations, secrets: services.secrets, clock, logger, audit }),
    health: createHealthHandlers(store, readinessDependencies(services)),
    discovery: createDiscoveryHandlers(auth),
  };
}

/** `load` run at most once (again after a failure), its promise shared by every caller. */
function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/** Makes extended servers visible in the logs, and a fixtures setting no host acted on. */
function reportExtensions({ config, logger }: AppServices, extensions: readonly ServerExtension[]): void {
  if (extensions.length > 0) {
    logger.warn('MCP server extensions installed: this server serves more than the Contoso tools', {
      extensions: extensions.map((extension) => extension.name),
    });
  } else if (config.mcp.conformanceFixtures) {
    logger.warn('MCP_CONFORMANCE_FIXTURES=true but this host installed no fixtures (only the local host, npm start, does)');
  }
}
