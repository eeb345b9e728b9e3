// The environment settings the app reads, as one zod object over raw strings.
// This is the single list of settings: docs/settings.md and local.settings.sample.json are
// checked against SETTING_NAMES by tests.
import * as z from 'zod';
import {
  booleanSetting,
  integerSetting,
  isoDateSetting,
  listSetting,
  optionalBooleanSetting,
  optionalString,
  ratioSetting,
  patternListSetting,
  patternSetting,
  secretSetting,
  urlSetting,
} from './env-parsers.js';
import { resilienceSettings, type ResilienceDefaults } from './resilience-settings.js';

/** Store adapters (see shared/storage/create-store.ts). */
export const STORE_KINDS = ['sqlite', 'cosmos'] as const;

/** How the Cosmos DB store ranks knowledge-base searches (see docs/cosmos.md). */
export const COSMOS_KNOWLEDGE_SEARCH_MODES = ['auto', 'full-text', 'in-process'] as const;

/** A Cosmos DB database or container name part: no `/ \\ ? #` or spaces. */
const COSMOS_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,199}$/;

/** Conversation store adapters (see shared/conversations/create-conversation-store.ts). */
export const CONVERSATION_STORE_KINDS = ['embedded', 'blob'] as const;

/** A Blob container name: 3-63 lower-case letters, digits and single hyphens, no hyphen at either end. */
const BLOB_CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A storage account name: 3-24 lower-case letters and digits. */
const STORAGE_ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;
/** A storage connection string: `key=value` pairs separated by `;` (or UseDevelopmentStorage=true). */
const STORAGE_CONNECTION_STRING = /^\s*[A-Za-z]+=[^;]*(;\s*[A-Za-z]+=[^;]*)*;?\s*$/;

/** Modes of authentication; only `entra` is meant for a deployed app (see auth-config.ts). */
export const AUTH_MODES = ['entra', 'local', 'passthrough', 'disabled'] as const;

/** A Microsoft Entra tenant id: a GUID (what tokens carry in `tid`), never a domain name. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A role or scope name as Entra writes them (`support.write`, `MCP.Access`): no spaces or commas. */
const NAME = /^[A-Za-z0-9][\w.:-]*$/;
/** An audience: an app ID URI or a client id; anything without spaces or commas. */
const AUDIENCE = /^[^\s,]+$/;

/** Longest tool call allowed; host.json `functionTimeout` (10 min) must stay above it. */
export const MAX_TOOL_TIMEOUT_MS = 300_000;

/** An Azure OpenAI deployment name: letters, digits, `-`, `_` and `.` (what the portal allows). */
const DEPLOYMENT = /^[A-Za-z0-9][\w.-]{0,63}$/;
/** An Azure OpenAI data-plane API version: `YYYY-MM-DD`, optionally `-preview`. */
const API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;

/** Shortest MCP_REQUEST_STATE_KEY accepted: 32 bytes, what HMAC-SHA256 needs (and the SDK requires). */
export const MIN_REQUEST_STATE_KEY_LENGTH = 32;

/** Shortest callback signing secret accepted from the environment: 32 bytes, as for HMAC-SHA256 keys above. */
export const MIN_CALLBACK_SECRET_LENGTH = 32;

/** Shortest scheduler API key accepted from the environment. */
export const MIN_SCHEDULER_API_KEY_LENGTH = 16;

/**
 * Longest token lifetime (`exp - iat`) accepted unless MAX_TOKEN_LIFETIME_SECONDS says otherwise:
 * a day. Entra issues 60–90 minutes; `npm run token` mints at most this much.
 */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 86_400;

/**
 * The JWKS endpoint's policy: Entra answers in milliseconds, so 2 attempts of 3 s keep a request
 * that needs the keys from waiting long; one failed fetch (both attempts) opens the breaker, and
 * for the next 5 s requests that need keys the cache does not hold get 503 at once, then one
 * request probes.
 */
export const JWKS_RESILIENCE_DEFAULTS: ResilienceDefaults = {
  timeoutMs: 3_000,
  maxAttempts: 2,
  initialDelayMs: 200,
  maxDelayMs: 1_000,
  breakerFailures: 2,
  halfOpenMs: 5_000,
};

/** How the app authenticates to the scheduler (see scheduler-config.ts). */
export const SCHEDULER_AUTH_MODES = ['managed-identity', 'api-key', 'none'] as const;

/** The scheduler's policy: 3 attempts of 5 s with pauses up to 2 s stay well inside a 30 s tool budget. */
export const SCHEDULER_RESILIENCE_DEFAULTS: ResilienceDefaults = {
  timeoutMs: 5_000,
  maxAttempts: 3,
  initialDelayMs: 200,
  maxDelayMs: 2_000,
  breakerFailures: 5,
  halfOpenMs: 30_000,
};

/** Blob Storage's policy (conversations): 3 attempts of 5 s with pauses up to 2 s stay inside a 30 s tool budget. */
export const CONVERSATIONS_RESILIENCE_DEFAULTS: ResilienceDefaults = {
  timeoutMs: 5_000,
  maxAttempts: 3,
  initialDelayMs: 200,
  maxDelayMs: 2_000,
  breakerFailures: 5,
  halfOpenMs: 30_000,
};

/** Key Vault's policy: reads are small; 3 attempts of 3 s with pauses up to 2 s stay inside a callback's or tool's budget. */
export const KEYVAULT_RESILIENCE_DEFAULTS: ResilienceDefaults = {
  timeoutMs: 3_000,
  maxAttempts: 3,
  initialDelayMs: 200,
  maxDelayMs: 2_000,
  breakerFailures: 5,
  halfOpenMs: 30_000,
};

/**
 * Cosmos DB's policy: point operations take milliseconds, so 5 s per attempt is generous; 3
 * attempts with pauses up to 1 s (Cosmos asks for short ones in x-ms-retry-after-ms) stay well
 * inside a tool's budget. Ten failed attempts in a row (a throttled or unreachable account, not a
 * stray error) open the breaker for 10 s.
 */
export const COSMOS_RESILIENCE_DEFAULTS: ResilienceDefaults = {
  timeoutMs: 5_000,
  maxAttempts: 3,
  initialDelayMs: 100,
  maxDelayMs: 1_000,
  breakerFailures: 10,
  halfOpenMs: 10_000,
};

/**
 * Longest expert turn: the tool's own budget adds a margin on top, and the whole must stay below
 * the 230 s Azure allows an HTTP response.
 */
export const MAX_EXPERT_TIME_BUDGET_SECONDS = 200;

/**
 * Azure OpenAI's policy: a chat completion with tools may take tens of seconds, so an attempt has
 * a minute (below the 90 s turn); throttling's Retry-After is honoured up to 10 s.
 */
export const AZURE_OPENAI_RESILIENCE_DEFAULTS: ResilienceDefaults = {
  timeoutMs: 60_000,
  maxAttempts: 3,
  initialDelayMs: 500,
  maxDelayMs: 10_000,
  breakerFailures: 5,
  halfOpenMs: 30_000,
};

export const settingsSchema = z.object({
  // Platform-provided in Azure; their presence is how the app knows it runs there.
  WEBSITE_INSTANCE_ID: optionalString,
  WEBSITE_HOSTNAME: optionalString,
  // Set by container images and process managers; only `production` matters (a production-like
  // start outside Azure, held to the same rules where the defaults would be unsafe).
  NODE_ENV: optionalString.transform((value) => value?.toLowerCase()),

  PORT: integerSetting(7071, 0, 65_535),
  LOCAL_FUNCTION_KEY: optionalString,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).optional().default('info'),

  DATA_DIR: optionalString,
  // The default (sqlite, or cosmos with USE_COSMOSDB=true) is settled in store-config.ts.
  STORE_KIND: optionalString.pipe(z.enum(STORE_KINDS).optional()),
  USE_COSMOSDB: booleanSetting(false),
  SQLITE_PATH: optionalString,
  ALLOW_INSTANCE_LOCAL_STORE: booleanSetting(false),
  COSMOSDB_ENDPOINT: urlSetting({ allowHttp: 'loopback', originOnly: true }),
  COSMOSDB_KEY: secretSetting(16),
  AZURE_CLIENT_ID: patternSetting(GUID, 'a client id (GUID)'),
  COSMOS_DATABASE_NAME: patternSetting(COSMOS_NAME, 'a name of letters, digits, - and _ (at most 200)'),
  COSMOS_CONTAINER_PREFIX: patternSetting(COSMOS_NAME, 'a prefix of letters, digits, - and _'),
  COSMOS_CREATE_CONTAINERS: optionalBooleanSetting,
  COSMOS_AUDIT_TTL_DAYS: integerSetting(90, 1, 3650),
  COSMOS_KNOWLEDGE_SEARCH: optionalString.pipe(z.enum(COSMOS_KNOWLEDGE_SEARCH_MODES).optional()),
  ...resilienceSettings('COSMOS', COSMOS_RESILIENCE_DEFAULTS),

  // The default kind (embedded, or blob when a Blob account is named) is settled in conversations-config.ts.
  CONVERSATION_STORE_KIND: optionalString.pipe(z.enum(CONVERSATION_STORE_KINDS).optional()),
  CONVERSATIONS_SQLITE_PATH: optionalString,
  CONVERSATIONS_ACCOUNT_URL: urlSetting({ allowHttp: 'loopback', originOnly: false }),
  CONVERSATIONS_CONNECTION_STRING: patternSetting(STORAGE_CONNECTION_STRING, 'a storage connection string (key=value pairs separated by ;)'),
  CONVERSATIONS_CONTAINER: patternSetting(BLOB_CONTAINER_NAME, 'a container name of 3-63 lower-case letters, digits and single hyphens'),
  CONVERSATION_RETENTION_DAYS: integerSetting(30, 1, 3650),
  ...resilienceSettings('CONVERSATIONS', CONVERSATIONS_RESILIENCE_DEFAULTS),
  // The Functions host's own storage connection, and its identity-based form (read for conversations only).
  AzureWebJobsStorage: patternSetting(STORAGE_CONNECTION_STRING, 'a storage connection string (key=value pairs separated by ;)'),
  AzureWebJobsStorage__blobServiceUri: urlSetting({ allowHttp: 'loopback', originOnly: false }),
  AzureWebJobsStorage__accountName: patternSetting(STORAGE_ACCOUNT_NAME, 'a storage account name of 3-24 lower-case letters and digits'),
  AzureWebJobsStorage__clientId: patternSetting(GUID, 'a client id (GUID)'),

  SEED_CUSTOMER_COUNT: integerSetting(250, 0, 10_000),
  SEED_ANCHOR_DATE: isoDateSetting,
  SEED_ON_STARTUP: booleanSetting(true),
  FORCE_SEED: booleanSetting(false),

  ALLOWED_HOSTS: listSetting,
  ALLOWED_ORIGINS: listSetting,
  TOOL_TIMEOUT_MS: integerSetting(30_000, 100, MAX_TOOL_TIMEOUT_MS),
  MCP_REQUEST_STATE_KEY: secretSetting(MIN_REQUEST_STATE_KEY_LENGTH),
  MCP_CONFORMANCE_FIXTURES: booleanSetting(false),

  // Named secrets (shared/secrets/): from Key Vault when KEYVAULT_URI is set, else from the
  // environment variables below (which may be Key Vault references the platform resolves).
  KEYVAULT_URI: urlSetting({ allowHttp: 'loopback', originOnly: true }),
  SECRETS_CACHE_SECONDS: integerSetting(300, 1, 86_400),
  ...resilienceSettings('KEYVAULT', KEYVAULT_RESILIENCE_DEFAULTS),
  SCHEDULER_API_KEY: secretSetting(MIN_SCHEDULER_API_KEY_LENGTH),
  SCHEDULER_CLIENT_ID: secretSetting(1),
  SCHEDULER_CALLBACK_SECRET: secretSetting(MIN_CALLBACK_SECRET_LENGTH),
  SCHEDULER_CALLBACK_SECRET_PREVIOUS: secretSetting(MIN_CALLBACK_SECRET_LENGTH),

  TROUBLESHOOT_WAIT_SECONDS: integerSetting(20, 0, 600),
  TROUBLESHOOT_LIVE_WAIT_SECONDS: integerSetting(120, 0, 600),
  TROUBLESHOOT_STEP_DELAY_SECONDS: integerSetting(5, 0, 300),
  TROUBLESHOOT_RETRY_FIRST_INTERVAL_MS: integerSetting(2_000, 100, 600_000),
  TROUBLESHOOT_RETRY_MAX_ATTEMPTS: integerSetting(3, 1, 10),
  JOB_RETENTION_HOURS: integerSetting(24, 1, 24 * 90),

  SCHEDULER_URL: urlSetting({ allowHttp: 'loopback', originOnly: false }),
  SCHEDULER_AUTH: optionalString.pipe(z.enum(SCHEDULER_AUTH_MODES).optional()),
  SCHEDULER_AUDIENCE: patternSetting(AUDIENCE, 'an app ID URI or client id (no spaces or commas)'),
  ...resilienceSettings('SCHEDULER', SCHEDULER_RESILIENCE_DEFAULTS),

  // Azure OpenAI: the expert tools (and knowledge-base embeddings); without an endpoint, no experts.
  AZURE_OPENAI_ENDPOINT: urlSetting({ allowHttp: 'loopback', originOnly: true }),
  AZURE_OPENAI_CHAT_DEPLOYMENT: patternSetting(DEPLOYMENT, 'a deployment name (letters, digits, -, _ and .)'),
  AZURE_OPENAI_API_VERSION: patternSetting(API_VERSION, 'an API version such as 2024-10-21 or 2025-04-01-preview'),
  AZURE_OPENAI_EMBEDDING_DEPLOYMENT: patternSetting(DEPLOYMENT, 'a deployment name (letters, digits, -, _ and .)'),
  AZURE_OPENAI_API_KEY: secretSetting(16),
  EXPERT_MAX_STEPS: integerSetting(6, 1, 20),
  EXPERT_TIME_BUDGET_SECONDS: integerSetting(90, 5, MAX_EXPERT_TIME_BUDGET_SECONDS),
  ...resilienceSettings('AZURE_OPENAI', AZURE_OPENAI_RESILIENCE_DEFAULTS),

  AUTH_MODE: optionalString.pipe(z.enum(AUTH_MODES).optional()),
  AUTH_AUDIENCE: patternListSetting(AUDIENCE, 'app ID URIs or client ids'),
  ALLOWED_TENANTS: patternListSetting(GUID, 'tenant ids (GUIDs)', true),
  ENTRA_TENANT_ID: patternSetting(GUID, 'a tenant id (GUID)'),
  REQUIRED_SCOPE: patternSetting(NAME, 'a scope name such as MCP.Access'),
  ENTRA_AUTHORITY_HOST: urlSetting({ allowHttp: 'loopback', originOnly: true }),
  ENTRA_JWKS_URI: urlSetting({ allowHttp: 'loopback', originOnly: false }),
  JWKS_CACHE_MAX_AGE_MS: integerSetting(600_000, 1_000, 86_400_000),
  JWKS_COOLDOWN_MS: integerSetting(30_000, 0, 3_600_000),
  ...resilienceSettings('JWKS', JWKS_RESILIENCE_DEFAULTS),
  CLOCK_TOLERANCE_SECONDS: integerSetting(60, 0, 300),
  MAX_TOKEN_LIFETIME_SECONDS: integerSetting(DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, 300, 604_800),
  LOCAL_ISSUER_KEY_FILE: optionalString,
  PUBLIC_BASE_URL: urlSetting({ allowHttp: 'any', originOnly: true }),
  READ_ROLE: patternSetting(NAME, 'a role name without spaces or commas'),
  WRITE_ROLE: patternSetting(NAME, 'a role name without spaces or commas'),
  SECURITY_ROLE: patternSetting(NAME, 'a role name without spaces or commas'),
  ADMIN_ROLE: patternSetting(NAME, 'a role name without spaces or commas'),
  DEV_IDENTITY_ROLES: patternListSetting(NAME, 'role names'),
  ALLOW_INSECURE_AUTH_IN_AZURE: booleanSetting(false),

  // Telemetry (telemetry-config.ts): off, and nothing of it loaded, without a connection string.
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalString,
  TELEMETRY_SAMPLING_RATIO: ratioSetting(1),
});

export type RawSettings = z.output<typeof settingsSchema>;

/** Every setting name, in declaration order. */
export const SETTING_NAMES: readonly string[] = Object.keys(settingsSchema.shape);

/** Set by the Azure platform, never by hand (setting them locally would switch on Azure mode). */
export const PLATFORM_SETTINGS: ReadonlySet<string> = new Set(['WEBSITE_INSTANCE_ID', 'WEBSITE_HOSTNAME']);

/** Settings whose values must never be echoed in errors or logs. */
export const SECRET_SETTINGS: ReadonlySet<string> = new Set([
  'LOCAL_FUNCTION_KEY',
  'MCP_REQUEST_STATE_KEY',
  'COSMOSDB_KEY',
  'SCHEDULER_API_KEY',
  'SCHEDULER_CLIENT_ID',
  'SCHEDULER_CALLBACK_SECRET',
  'SCHEDULER_CALLBACK_SECRET_PREVIOUS',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'CONVERSATIONS_CONNECTION_STRING',
  'AzureWebJobsStorage',
  'AZURE_OPENAI_API_KEY',
]);
