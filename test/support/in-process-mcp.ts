// An App on an in-memory store, seeded and with a fixed clock, and the official MCP client
// talking to its endpoint in-process (no sockets). Tool tests go through the real MCP path —
// schemas, validation, roles, audit, error mapping — at unit-test speed. `callAs` sends one raw
// tools/call as another principal (another caller or tenant) to the same app.
import { after, before } from 'node:test';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { ALL_ROLES, developmentPrincipal, type Principal } from '../../shared/identity/principal.js';
import type { AuditRecord } from '../../shared/domain/audit/audit-record.js';
import { loadConfig } from '../../shared/config/load-config.js';
import type { AppHandlers } from '../../shared/context/app-handlers.js';
import type { AppServices } from '../../shared/context/app-services.js';
import { createApp, type AppOptions } from '../../shared/context/create-app.js';
import { detachedScope } from '../../shared/request/request-scope.js';
import type { ContosoStore } from '../../shared/storage/contoso-store.js';
import { createStore } from '../../shared/storage/create-store.js';
import { createLogger } from '../../shared/telemetry/logger.js';
import { fixedClock } from '../../shared/time/clock.js';
import type { SeedDataset } from '../../shared/storage/seed-dataset.js';
import type { JobEngineSource } from '../../shared/jobs/job-engine.js';
import type { Readiness } from '../../shared/health/health-checks.js';
import type { Telemetry } from '../../shared/telemetry/telemetry.js';
import { createInMemoryJobEngine } from './in-memory-job-engine.js';
import { createInMemoryScheduler, type InMemoryScheduler } from './in-memory-scheduler.js';
import { answerText } from '../../shared/http/http-answer.js';

export interface ToolResult {
  isError: boolean;
  structured: Record<string, unknown>;
  /** Every text block, joined by newlines. */
  text: string;
  /** The text blocks, in order (a success: the JSON of structuredContent, then the summary). */
  texts: string[];
  /** `_meta['contoso/error']` of an error result: its code and the request id (UNAVAILABLE: the dependency and when to retry). */
  error: { code?: string; request_id?: string; dependency?: string; retry_after_seconds?: number } | undefined;
}

export interface InProcessMcp {
  /** The app's services (store, clock …) for tests that look behind the endpoint. */
  ctx: AppServices;
  /** The app's HTTP handlers (readiness …). */
  handlers: AppHandlers;
  /** The in-memory scheduler schedule_follow_up talks to (undefined with `scheduler: false`). */
  scheduler: InMemoryScheduler | undefined;
  client: Client;
  /** Content types of the HTTP responses, in order (to tell JSON from SSE answers). */
  contentTypes: string[];
  /** Every log line the app wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  /** The audit trail, newest first. */
  auditRecords(): Promise<AuditRecord[]>;
  call(name: string, args: Record<string, unknown>, options?: { onprogress?: (progress: number) => void }): Promise<ToolResult>;
  /**
   * One raw 2025-era tools/call as `principal`. A JSON-RPC error (unknown or hidden tool) comes
   * back as `{ isError: true, text: 'rpc <code>: <message>' }`.
   */
  callAs(principal: Principal, name: string, args: unknown): Promise<ToolResult>;
  /** GET /api/ready as the app's own handler answers it. */
  ready(): Promise<{ status: number; body: Readiness }>;
  /** POSTs `body` (any JSON) to the endpoint as a 2025-era request, as `principal` if given. */
  post(body: unknown, principal?: Principal): Promise<Response>;
  close(): Promise<void>;
}

export interface InProcessMcpOptions {
  anchorDate?: string;
  customerCount?: number;
  roles?: readonly string[];
  env?: Record<string, string>;
  /** Prefix of the ids the app gives created records (two apps on one store need different ones). */
  idPrefix?: string;
  /** Wraps the seeded store (e.g. to make its audit log fail). */
  wrapStore?: (store: ContosoStore) => ContosoStore;
  /** Where the troubleshoot tools find their job engine (default: an in-memory one on the app's store). */
  jobEngines?: JobEngineSource;
  /** Telemetry for the app (default: off, as without a connection string). */
  telemetry?: Telemetry;
  /** false: no scheduler, as without SCHEDULER_URL (default: an in-memory one, `mcp.scheduler`). */
  scheduler?: false;
  /** More app options: a short expert turn budget. */
  app?: Pick<AppOptions, 'expertTimeBudgetMs'>;
}

export const TOOL_TEST_ANCHOR = '2026-06-15';

function assertNever(message: string): never {
  throw new Error(message);
}

const PRINCIPAL_HEADER = 'x-test-principal';

interface RawToolResult {
  isError?: boolean;
  structuredContent?: Record<string, unknown>;
  content: Array<{ type: string; text?: string }>;
  _meta?: { 'contoso/error'?: ToolResult['error'] };
}

function toToolResult(result: RawToolResult): ToolResult {
  const texts = result.content.map((c) => c.text ?? '');
  return { isError: result.isError === true, structured: result.structuredContent ?? {}, text: texts.join('\n'), texts, error: result._meta?.['contoso/error'] };
}

export async function startInProcessMcp(options: InProcessMcpOptions = {}): Promise<InProcessMcp> {
  const anchorDate = options.anchorDate ?? TOOL_TEST_ANCHOR;
  const config = loadConfig({
    SQLITE_PATH: ':memory:',
    // An in-memory embedded conversation store (env may point it at Azurite instead).
    CONVERSATIONS_SQLITE_PATH: ':memory:',
    // Authentication is replaced below by a fixed principal; `disabled` keeps the local issuer's
    // key file from being created under the repo's DATA_DIR.
    AUTH_MODE: 'disabled',
    SEED_CUSTOMER_COUNT: String(options.customerCount ?? 40),
    SEED_ANCHOR_DATE: anchorDate,
    ...options.env,
  });
  let next = 0;
  const roles = options.roles ?? ALL_ROLES;
  const logs: Array<Record<string, unknown>> = [];
  const built: { store?: ContosoStore } = {};
  const jobEngines = options.jobEngines ?? createInMemoryJobEngine({ store: () => built.store ?? assertNever('the app is not built yet') });
  let jobs = 0;
  const scheduler = options.scheduler === false ? undefined : createInMemoryScheduler();
  const app = await createApp(config, {
    ...options.app,
    jobEngines,
    ...(scheduler ? { scheduler } : {}),
    ...(options.telemetry ? { telemetry: options.telemetry } : {}),
    newJobId: () => `ts-00000000-0000-4000-8000-${String((jobs += 1)).padStart(12, '0')}`,
    clock: fixedClock(`${anchorDate}T12:00:00.000Z`),
    newId: () => `${options.idPrefix ?? 'test'}-${(next += 1)}`,
    logSink: (_level, line) => logs.push(JSON.parse(line) as Record<string, unknown>),
    ...(options.wrapStore ? { store: options.wrapStore(await createStore(config.store, { logger: createLogger({ level: 'error', sink: () => {} }) })) } : {}),
    authenticate: async (request) => {
      const named = request.headers.get(PRINCIPAL_HEADER);
      return { ok: true, principal: named === null ? developmentPrincipal(roles) : (JSON.parse(named) as Principal) };
    },
  });
  built.store = app.services.store;
  const contentTypes: string[] = [];
  const fetchInProcess = async (input: string | URL | Request, init?: RequestInit) => {
    const res = await app.handlers.mcp.web(new Request(input, init), detachedScope('req-tool-test'));
    contentTypes.push(res.headers.get('content-type') ?? '');
    return res;
  };
  const post = (body: unknown, principal?: Principal) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25' };
    if (principal) headers[PRINCIPAL_HEADER] = JSON.stringify(principal);
    return app.handlers.mcp.web(new Request('http://localhost/api/mcp', { method: 'POST', headers, body: JSON.stringify(body) }), detachedScope('req-tool-test'));
  };
  const client = new Client({ name: 'tool-tests', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL('http://localhost/api/mcp'), { fetch: fetchInProcess }));
  return {
    ctx: app.services,
    handlers: app.handlers,
    scheduler,
    client,
    contentTypes,
    logs,
    auditRecords: () => app.services.store.audit.list(1000),
    async call(name, args, callOptions) {
      const result = (await client.callTool(
        { name, arguments: args },
        callOptions?.onprogress ? { onprogress: (p) => callOptions.onprogress?.(p.progress) } : undefined,
      )) as RawToolResult;
      return toToolResult(result);
    },
    post,
    async ready() {
      const res = await app.handlers.health.readiness();
      return { status: res.status, body: JSON.parse(answerText(res)) as Readiness };
    },
    async callAs(principal, name, args) {
      const res = await post({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args } }, principal);
      const answer = (await res.json()) as { result?: RawToolResult; error?: { code: number; message: string } };
      if (answer.error) return { isError: true, structured: {}, text: `rpc ${answer.error.code}: ${answer.error.message}`, texts: [], error: undefined };
      if (!answer.result) throw new Error(`no result: ${JSON.stringify(answer)}`);
      return toToolResult(answer.result);
    },
    async close() {
      await client.close();
      await app.close();
    },
  };
}

/** The seeded in-process server of one describe block and the data it was seeded with. */
export interface SeededSuite {
  readonly mcp: InProcessMcp;
  readonly data: SeedDataset;
}

/**
 * Registers before/after hooks in the calling describe block that start an in-process server
 * and read its seeded data once; the returned object is usable inside the tests.
 */
export function useSeededMcp(options: InProcessMcpOptions = {}): SeededSuite {
  let mcp: InProcessMcp | undefined;
  let data: SeedDataset | undefined;
  before(async () => {
    mcp = await startInProcessMcp(options);
    data = await mcp.ctx.store.exportAll();
  });
  after(async () => mcp?.close());
  return {
    get mcp() {
      if (!mcp) throw new Error('useSeededMcp: the server starts in before()');
      return mcp;
    },
    get data() {
      if (!data) throw new Error('useSeededMcp: the data is read in before()');
      return data;
    },
  };
}
