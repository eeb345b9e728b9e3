// The process's services, built once per cold start: configuration, logger, clock, ids, the
// store (seeded at start-up as configured), the conversation store, authentication, named secrets,
// telemetry and Azure OpenAI. Handlers are built from these in app-handlers.ts; a new dependency is
// a field here. With telemetry on, the store, the conversation store, Key Vault, the scheduler,
// the job engines, the JWKS fetch and the Azure OpenAI models are wrapped in spans here, once.
import { randomUUID } from 'node:crypto';
import { createAuditTrail, type AuditTrail } from '../audit/audit-trail.js';
import type { RequestAuthenticator } from '../auth/authenticate-request.js';
import { createAzureOpenAi, type AzureOpenAi } from '../azure-openai/azure-openai.js';
import { createAuthServices, type AuthServices } from '../auth/auth-services.js';
import type { Config } from '../config/config.js';
import type { ConversationStore } from '../conversations/conversation-store.js';
import { createConversationStore } from '../conversations/create-conversation-store.js';
import { createFollowUps } from '../conversations/follow-ups.js';
import { createKnowledgeSearch, type KnowledgeSearch } from '../knowledge/knowledge-search.js';
import type { JobEngineSource } from '../jobs/job-engine.js';
import { durableJobEngineSource } from '../jobs/durable/durable-job-engine.js';
import { createTroubleshootJobs } from '../jobs/troubleshoot/troubleshoot-jobs.js';
import type { ToolServices } from '../mcp/tool-services.js';
import { createPolicyObserver } from '../resilience/policy-observer.js';
import { ensureSeeded, type SeedOutcome } from '../seed/ensure-seeded.js';
import { createSecretsProvider } from '../secrets/create-secrets-provider.js';
import { createSchedulerClient } from '../scheduler/create-scheduler-client.js';
import type { SchedulerClient } from '../scheduler/scheduler-client.js';
import type { SecretsProvider } from '../secrets/secrets-provider.js';
import type { ContosoStore } from '../storage/contoso-store.js';
import { createStore } from '../storage/create-store.js';
import { createLogger, type LogSink, type Logger } from '../telemetry/logger.js';
import { startTelemetry } from '../telemetry/start-telemetry.js';
import type { Telemetry } from '../telemetry/telemetry.js';
import { systemClock, type Clock } from '../time/clock.js';

export interface AppServices {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  /** New unique ids for created records. */
  readonly newId: () => string;
  readonly store: ContosoStore;
  /** Follow-up and expert conversations (embedded SQLite, or Blob Storage). */
  readonly conversations: ConversationStore;
  /** Operator audit records (tool calls, admin routes), written to the store's audit log. */
  readonly audit: AuditTrail;
  /** Request authentication and the OAuth discovery documents. */
  readonly auth: AuthServices;
  /** Named secrets (scheduler credentials, callback secrets): Key Vault, or the environment. */
  readonly secrets: SecretsProvider;
  /** Where a request (or timer) finds the job engine: the invocation's durable client. */
  readonly jobEngines: JobEngineSource;
  /** Traces and metrics (TELEMETRY_OFF without a connection string); its hooks are safe to call either way. */
  readonly telemetry: Telemetry;
  /** The follow-up scheduler (remote MCP adapter), or undefined without SCHEDULER_URL. */
  readonly scheduler: SchedulerClient | undefined;
  /** Azure OpenAI's models (the experts, embeddings) when configured, and its readiness check. */
  readonly azureOpenAi: AzureOpenAi;
  /** The services tool handlers see: spread into every ToolContext. */
  readonly toolServices: ToolServices;
  /** What start-up seeding did. */
  readonly seedOutcome: SeedOutcome;
  close(): Promise<void>;
}

export interface AppServicesOptions {
  clock?: Clock;
  logSink?: LogSink;
  /** A store to use instead of the configured one (tests). */
  store?: ContosoStore;
  /** A conversation store to use instead of the configured one (tests); closed with the app. */
  conversations?: ConversationStore;
  /** Id generator for created records (tests pass a predictable one). */
  newId?: () => string;
  /** A secrets provider to use instead of the configured one (tests). */
  secrets?: SecretsProvider;
  /** Replaces token authentication (in-process tests pass a fixed principal). */
  authenticate?: RequestAuthenticator;
  /** fetch used for the Entra JWKS (tests point it at their own issuer). */
  fetch?: typeof globalThis.fetch;
  /** Where requests find their job engine (default: the invocation's durable client). */
  jobEngines?: JobEngineSource;
  /** Ids of new jobs (tests pass predictable ones; default `ts-<random UUID>`). */
  newJobId?: () => string;
  /** Telemetry to use instead of the configured one (tests pass in-memory providers). */
  telemetry?: Telemetry;
  /** fetch for the scheduler's MCP requests (tests). */
  schedulerFetch?: typeof globalThis.fetch;
  /** A scheduler to use instead of the configured one (tests). */
  scheduler?: SchedulerClient;
}

export async function createAppServices(config: Config, options: AppServicesOptions = {}): Promise<AppServices> {
  const clock = options.clock ?? systemClock;
  const telemetry = options.telemetry ?? (await startTelemetry(config.telemetry));
  const tracing = telemetry.tracing;
  const logger = createLogger({
    level: config.log.level,
    now: () => clock.now(),
    ...(options.logSink ? { sink: options.logSink } : {}),
    ...(tracing ? { correlate: tracing.logFields } : {}),
  });
  // Every dependency's resilience policy reports its breaker changes here (metrics and logs).
  const observePolicy = createPolicyObserver({ telemetry, logger });
  let untracedStore: ContosoStore | undefined;
  let untracedConversations: ConversationStore | undefined;
  try {
    untracedStore = options.store ?? (await createStore(config.store, { logger, clock, observePolicy }));
    untracedConversations = options.conversations ?? (await createConversationStore(config.conversations, { logger, clock, observePolicy }));
    const conversations = tracing ? tracing.port('conversations', untracedConversations) : untracedConversations;
    const seedOutcome = await ensureSeeded(untracedStore, {
      settings: { customerCount: config.seed.customerCount, anchorDate: config.seed.anchorDate },
      onStartup: config.seed.onStartup,
      force: config.seed.force,
      clock,
      logger,
    });
    const store = tracing ? tracing.store(untracedStore) : untracedStore;
    const newId = options.newId ?? randomUUID;
    const azureOpenAi = createAzureOpenAi(config.azureOpenAi, {
      clock,
      observePolicy,
      tracePort: tracing ? (dependency, port) => tracing.port(dependency, port) : undefined,
    });
    const knowledgeSearch = createKnowledgeSearch({ knowledge: store.knowledge, embeddings: azureOpenAi.models?.embeddings, logger, clock });
    if (seedOutcome.action === 'seeded') await embedSeededKnowledge(knowledgeSearch, logger);
    const engines = options.jobEngines ?? durableJobEngineSource();
    const jobEngines = tracing ? tracing.jobEngines(engines) : engines;
    const jwksFetch = options.fetch ?? globalThis.fetch;
    const authServices = await createAuthServices(config.auth, {
      now: () => clock.now(),
      logger,
      fetch: tracing ? tracing.fetch('jwks', jwksFetch) : jwksFetch,
      onJwksFetch: (event) => telemetry.recordJwksFetch(event),
      observePolicy,
    });
    const auth: AuthServices = options.authenticate ? { ...authServices, authenticate: options.authenticate } : authServices;
    const untracedSecrets = options.secrets ?? (await createSecretsProvider(config.secrets, { logger, clock, observePolicy }));
    // Environment secrets make no call worth a span; Key Vault reads (through its cache) do.
    const secrets = tracing && untracedSecrets.kind === 'key-vault' ? tracing.port('key_vault', untracedSecrets) : untracedSecrets;
    const untracedScheduler =
      options.scheduler ??
      (await createSchedulerClient(config.scheduler, {
        clock,
        secrets,
        observePolicy,
        ...(options.schedulerFetch ? { fetch: options.schedulerFetch } : {}),
      }));
    const scheduler = tracing && untracedScheduler ? tracing.port('scheduler', untracedScheduler) : untracedScheduler;
    const closeAll = async () => {
      try {
        await closeStores(untracedStore, untracedConversations);
      } finally {
        await telemetry.shutdown();
      }
    };
    return {
      config,
      logger,
      clock,
      newId,
      store,
      audit: createAuditTrail({ log: store.audit, clock, newId, logger }),
      auth,
      secrets,
      jobEngines,
      telemetry,
      conversations,
      scheduler,
      azureOpenAi,
      toolServices: {
        store,
        conversations,
        clock,
        newId,
        troubleshoot: createTroubleshootJobs({
          engines: jobEngines,
          store,
          clock,
          config: config.jobs,
          ...(options.newJobId ? { newJobId: options.newJobId } : {}),
        }),
        scheduler,
        followUps: createFollowUps({ conversations, scheduler, store, clock, callbackUrl: `${config.auth.publicBaseUrl}/api/callback` }),
        knowledgeSearch,
      },
      seedOutcome,
      close: closeAll,
    };
  } catch (error) {
    await closeStores(untracedStore, untracedConversations).catch(() => {});
    await telemetry.shutdown().catch(() => {});
    throw error;
  }
}

/** Gives the freshly seeded documents their vectors; an unavailable model is logged, not fatal (the first search retries). */
async function embedSeededKnowledge(search: KnowledgeSearch, logger: Logger): Promise<void> {
  if (search.ranking !== 'blended') return;
  try {
    await search.prepare(AbortSignal.timeout(60_000));
  } catch (error) {
    logger.warn('knowledge documents were not embedded at seeding; the first search will try again', { error });
  }
}

/** Closes every store, even when one fails to close; the first failure is rethrown. */
async function closeStores(...stores: ReadonlyArray<{ close(): Promise<void> } | undefined>): Promise<void> {
  const outcomes = await Promise.allSettled(stores.map((store) => store?.close() ?? Promise.resolve()));
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}
