// Parses the environment once into a frozen Config, or throws ConfigError naming every
// bad setting and what was expected. Defaults that depend on where the app runs live here.
import os from 'node:os';
import path from 'node:path';
import { buildAuthConfig } from './auth-config.js';
import { buildAzureOpenAiConfig } from './azure-openai-config.js';
import type { Config } from './config.js';
import { buildConversationsConfig } from './conversations-config.js';
import { buildJobsConfig } from './jobs-config.js';
import { buildMcpConfig } from './mcp-config.js';
import { buildSecretsConfig } from './secrets-config.js';
import { buildSchedulerConfig } from './scheduler-config.js';
import { buildStoreConfig } from './store-config.js';
import { buildTelemetryConfig } from './telemetry-config.js';
import { SECRET_SETTINGS, settingsSchema } from './settings-schema.js';

/** Requests larger than this are refused with 413 (the MCP endpoint and every JSON API). */
export const MAX_BODY_BYTES = 1024 * 1024;

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
const LOCAL_ORIGINS = LOCAL_HOSTS.flatMap((host) => [`http://${host}:*`, `https://${host}:*`]);

/** Raised when settings are invalid; `problems` holds one line per bad setting. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/**
 * Reads settings from `env` (process.env in production, a plain object in tests).
 * `now` fixes "today" for the default seed anchor date.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, now: Date = new Date()): Config {
  // Parsed a few times per process: zod's compiled fast path (built on a schema's first parse)
  // would cost more to build than it saves (measured: a first load 15-19 ms with it, 8-9 without).
  const parsed = settingsSchema.safeParse(env, { jitless: true });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '(root)');
      const value = env[key];
      const shown = value === undefined || SECRET_SETTINGS.has(key) ? '' : ` (got ${JSON.stringify(value)})`;
      return `${key}: ${issue.message}${shown}`;
    });
    throw new ConfigError(problems);
  }
  const s = parsed.data;
  const inAzure = s.WEBSITE_INSTANCE_ID !== undefined;
  // A container outside Functions says it is production only through NODE_ENV.
  const productionLike = inAzure || s.NODE_ENV === 'production';
  const problems: string[] = [];
  if (inAzure && s.WEBSITE_HOSTNAME === undefined && (!s.ALLOWED_HOSTS || !s.ALLOWED_ORIGINS)) {
    problems.push('ALLOWED_HOSTS/ALLOWED_ORIGINS: required in Azure when WEBSITE_HOSTNAME is not set');
  }
  // In Azure the app's own folder is read-only (run from package): default to the instance's temp disk.
  const dataDir = path.resolve(s.DATA_DIR ?? (inAzure ? path.join(os.tmpdir(), 'contoso-mcp') : '.data'));
  const store = buildStoreConfig({ settings: s, inAzure, dataDir });
  if ('problems' in store) problems.push(...store.problems);
  const conversations = buildConversationsConfig({ settings: s, inAzure, dataDir });
  if ('problems' in conversations) problems.push(...conversations.problems);
  const auth = buildAuthConfig({ settings: s, inAzure, dataDir });
  if ('problems' in auth) problems.push(...auth.problems);
  const mcp = buildMcpConfig({ settings: s, inAzure, productionLike });
  if ('problems' in mcp) problems.push(...mcp.problems);
  const jobs = buildJobsConfig(s);
  if ('problems' in jobs) problems.push(...jobs.problems);
  const secrets = buildSecretsConfig({ settings: s, inAzure, productionLike });
  if ('problems' in secrets) problems.push(...secrets.problems);
  const telemetry = buildTelemetryConfig({ settings: s, inAzure });
  if ('problems' in telemetry) problems.push(...telemetry.problems);
  const scheduler = buildSchedulerConfig({ settings: s, inAzure });
  if ('problems' in scheduler) problems.push(...scheduler.problems);
  const openAi = buildAzureOpenAiConfig({ settings: s, inAzure });
  if ('problems' in openAi) problems.push(...openAi.problems);
  if (
    problems.length > 0 ||
    'problems' in store ||
    'problems' in conversations ||
    'problems' in auth ||
    'problems' in mcp ||
    'problems' in jobs ||
    'problems' in secrets ||
    'problems' in telemetry ||
    'problems' in scheduler ||
    'problems' in openAi
  ) {
    throw new ConfigError(problems);
  }

  const azureHosts = s.WEBSITE_HOSTNAME ? [s.WEBSITE_HOSTNAME.toLowerCase()] : [];
  const config: Config = {
    runtime: { inAzure, hostName: s.WEBSITE_HOSTNAME, port: s.PORT, localFunctionKey: s.LOCAL_FUNCTION_KEY },
    log: { level: s.LOG_LEVEL },
    store: store.store,
    conversations: conversations.conversations,
    seed: {
      customerCount: s.SEED_CUSTOMER_COUNT,
      anchorDate: s.SEED_ANCHOR_DATE ?? now.toISOString().slice(0, 10),
      onStartup: s.SEED_ON_STARTUP,
      force: s.FORCE_SEED,
    },
    http: {
      allowedHosts: (s.ALLOWED_HOSTS ?? (inAzure ? azureHosts : LOCAL_HOSTS)).map((h) => h.toLowerCase()),
      allowedOrigins: (s.ALLOWED_ORIGINS ?? (inAzure ? azureHosts.map((h) => `https://${h}`) : LOCAL_ORIGINS)).map(
        (o) => o.toLowerCase(),
      ),
      maxBodyBytes: MAX_BODY_BYTES,
    },
    mcp: mcp.mcp,
    auth: auth.auth,
    jobs: jobs.jobs,
    secrets: secrets.secrets,
    telemetry: telemetry.telemetry,
    scheduler: scheduler.scheduler,
    azureOpenAi: openAi.azureOpenAi,
    experts: openAi.experts,
  };
  return deepFreeze(config);
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object') deepFreeze(child as object);
  }
  return Object.freeze(value);
}
