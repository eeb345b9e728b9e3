// The process's services, built once per cold start: configuration, logger, clock, ids, the
// store (seeded at start-up as configured) and authentication. Handlers are built from these
// in app-handlers.ts; a new dependency (conversations, jobs, secrets, telemetry) is a field here.
import { randomUUID } from 'node:crypto';
import { createAuditTrail, type AuditTrail } from '../audit/audit-trail.js';
import type { RequestAuthenticator } from '../auth/authenticate-request.js';
import { createAuthServices, type AuthServices } from '../auth/auth-services.js';
import type { Config } from '../config/config.js';
import type { JobEngineSource } from '../jobs/job-engine.js';
import { durableJobEngineSource } from '../jobs/durable/durable-job-engine.js';
import { createTroubleshootJobs } from '../jobs/troubleshoot/troubleshoot-jobs.js';
import type { ToolServices } from '../mcp/tool-services.js';
import { ensureSeeded, type SeedOutcome } from '../seed/ensure-seeded.js';
import { createSchedulerClient } from '../scheduler/create-scheduler-client.js';
import type { SchedulerClient } from '../scheduler/scheduler-client.js';
import type { SecretsProvider } from '../secrets/secrets-provider.js';
import type { ContosoStore } from '../storage/contoso-store.js';
import { createStore } from '../storage/create-store.js';
import { createLogger, type LogSink, type Logger } from '../telemetry/logger.js';
import { systemClock, type Clock } from '../time/clock.js';

export interface AppServices {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  /** New unique ids for created records. */
  readonly newId: () => string;
  readonly store: ContosoStore;
  /** Operator audit records (tool calls, admin routes), written to the store's audit log. */
  readonly audit: AuditTrail;
  /** Request authentication and the OAuth discovery documents. */
  readonly auth: AuthServices;
  /** Where a request (or timer) finds the job engine: the invocation's durable client. */
  readonly jobEngines: JobEngineSource;
  /** The follow-up scheduler (remote MCP adapter), or undefined without SCHEDULER_URL. */
  readonly scheduler: SchedulerClient | undefined;
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
  /** Id generator for created records (tests pass a predictable one). */
  newId?: () => string;
  /** Replaces token authentication (in-process tests pass a fixed principal). */
  authenticate?: RequestAuthenticator;
  /** fetch used for the Entra JWKS (tests point it at their own issuer). */
  fetch?: typeof globalThis.fetch;
  /** Where requests find their job engine (default: the invocation's durable client). */
  jobEngines?: JobEngineSource;
  /** Ids of new jobs (tests pass predictable ones; default `ts-<random UUID>`). */
  newJobId?: () => string;
  /**
   * The secrets provider the scheduler reads its API key from (SCHEDULER_AUTH=api-key). Until the
   * provider is built here from the configuration (#14, secrets), only what a caller passes.
   */
  secrets?: SecretsProvider;
  /** fetch for the scheduler's MCP requests (tests). */
  schedulerFetch?: typeof globalThis.fetch;
}

export async function createAppServices(config: Config, options: AppServicesOptions = {}): Promise<AppServices> {
  const clock = options.clock ?? systemClock;
  const logger = createLogger({ level: config.log.level, now: () => clock.now(), ...(options.logSink ? { sink: options.logSink } : {}) });
  const store = options.store ?? (await createStore(config.store, { logger }));
  try {
    const seedOutcome = await ensureSeeded(store, {
      settings: { customerCount: config.seed.customerCount, anchorDate: config.seed.anchorDate },
      onStartup: config.seed.onStartup,
      force: config.seed.force,
      clock,
      logger,
    });
    const newId = options.newId ?? randomUUID;
    const jobEngines = options.jobEngines ?? durableJobEngineSource();
    const authServices = await createAuthServices(config.auth, { now: () => clock.now(), logger, ...(options.fetch ? { fetch: options.fetch } : {}) });
    const auth: AuthServices = options.authenticate ? { ...authServices, authenticate: options.authenticate } : authServices;
    const scheduler = await createSchedulerClient(config.scheduler, {
      clock,
      ...(options.secrets ? { secrets: options.secrets } : {}),
      ...(options.schedulerFetch ? { fetch: options.schedulerFetch } : {}),
    });
    return {
      config,
      logger,
      clock,
      newId,
      store,
      audit: createAuditTrail({ log: store.audit, clock, newId, logger }),
      auth,
      jobEngines,
      scheduler,
      toolServices: {
        store,
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
      },
      seedOutcome,
      close: () => store.close(),
    };
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
}
