// The typed, frozen configuration object every other module receives.
// Built once per process by loadConfig(); nothing else reads process.env.
import type { SecretName } from '../secrets/secrets-provider.js';
import type { DependencyPolicySettings } from '../resilience/dependency-policy.js';
import type { LogLevel } from '../telemetry/logger.js';

export interface Config {
  readonly runtime: {
    /** True when running on Azure (WEBSITE_INSTANCE_ID is set by the platform). */
    readonly inAzure: boolean;
    /** The app's own host name in Azure (WEBSITE_HOSTNAME). */
    readonly hostName: string | undefined;
    /** Port of the local development host. */
    readonly port: number;
    /** Function key the local host checks for `authLevel: 'function'` routes. */
    readonly localFunctionKey: string | undefined;
  };
  readonly log: { readonly level: LogLevel };
  readonly store: StoreConfig;
  readonly conversations: ConversationsConfig;
  readonly seed: {
    readonly customerCount: number;
    /** All seeded dates are relative to this UTC day (YYYY-MM-DD). */
    readonly anchorDate: string;
    readonly onStartup: boolean;
    readonly force: boolean;
  };
  readonly http: {
    /** Host header values allowed (`name` matches any port, `name:port` one port). */
    readonly allowedHosts: readonly string[];
    /** Origins allowed for browsers (`scheme://host:port`, `*` as the port matches any port). */
    readonly allowedOrigins: readonly string[];
    /** Largest request body accepted, in bytes. */
    readonly maxBodyBytes: number;
  };
  readonly mcp: McpConfig;
  readonly auth: AuthConfig;
  readonly jobs: JobsConfig;
  readonly secrets: SecretsConfig;
  readonly telemetry: TelemetryConfig;
  /** The follow-up scheduler (an MCP server), or undefined when SCHEDULER_URL is not set. */
  readonly scheduler: SchedulerConfig | undefined;
  /** Azure OpenAI (the expert tools, knowledge-base embeddings); undefined without AZURE_OPENAI_ENDPOINT. */
  readonly azureOpenAi: AzureOpenAiConfig | undefined;
  readonly experts: ExpertsConfig;
}

/** Where Azure OpenAI lives and how the app signs in to it (see docs/experts.md). */
export interface AzureOpenAiConfig {
  /** Resource endpoint origin, e.g. `https://contoso.openai.azure.com`. */
  readonly endpoint: string;
  /** The chat-completions deployment the experts talk to. */
  readonly chatDeployment: string;
  /** Data-plane API version sent as `api-version`. */
  readonly apiVersion: string;
  /** The embeddings deployment for the knowledge base; undefined: lexical ranking only. */
  readonly embeddingDeployment: string | undefined;
  /** API key, for local use only (refused in Azure); without it, Entra ID through DefaultAzureCredential. */
  readonly apiKey: string | undefined;
  /** Client id of a user-assigned managed identity (AZURE_CLIENT_ID). */
  readonly managedIdentityClientId: string | undefined;
  /** The resilience policy every model call goes through (AZURE_OPENAI_TIMEOUT_MS …; docs/resilience.md). */
  readonly policy: DependencyPolicySettings;
}

/** Bounds of one expert turn (the agent loop). */
export interface ExpertsConfig {
  /** Model calls in one turn; the last one may not call tools. */
  readonly maxSteps: number;
  /** Time budget of one turn; the tool's own budget is this plus a margin. */
  readonly timeBudgetSeconds: number;
}

/** Where named secrets come from (shared/secrets/): Key Vault when KEYVAULT_URI is set, else the environment. */
export interface SecretsConfig {
  readonly keyVault: KeyVaultConfig | undefined;
  /**
   * The environment's values by Key Vault secret name (SCHEDULER_API_KEY as `SCHEDULER-API-KEY`):
   * what the environment provider serves when there is no Key Vault. Never logged.
   */
  readonly environment: Readonly<Partial<Record<SecretName, string>>>;
}

export interface KeyVaultConfig {
  /** Vault origin, e.g. `https://contoso-mcp-kv.vault.azure.net`. */
  readonly uri: string;
  /**
   * An `http://` loopback vault: a local stand-in for tests, outside Azure only. The client then
   * allows plain http, skips the challenge's resource check, and signs in with a placeholder
   * token, never a real one.
   */
  readonly loopback: boolean;
  /** Client id of a user-assigned managed identity (AZURE_CLIENT_ID). */
  readonly managedIdentityClientId: string | undefined;
  /** How long a read value (or a "not set") is served before Key Vault is asked again. */
  readonly cacheSeconds: number;
  /** Timeout, retries and breaker of every read (KEYVAULT_* policy settings); the SDK itself does not retry. */
  readonly policy: DependencyPolicySettings;
}

/** Traces and metrics to Application Insights (docs/operations.md). */
export interface TelemetryConfig {
  /** The Application Insights connection string; undefined: telemetry is off and none of it is loaded. */
  readonly connectionString: string | undefined;
  /**
   * How the exporter signs in: Entra ID through DefaultAzureCredential (in Azure, or with
   * AZURE_CLIENT_ID; the infra turns the resource's local auth off), or the connection string's
   * instrumentation key alone (a resource that still accepts it, or a local stand-in).
   */
  readonly credential: { readonly kind: 'entra'; readonly managedIdentityClientId: string | undefined } | { readonly kind: 'instrumentation-key' };
  /** Share of successful traces kept, 0–1; traces with an error are always kept. Metrics are never sampled. */
  readonly samplingRatio: number;
}

/** Where the scheduler is, how the app proves who it is, and the policy every call goes through (docs/scheduler.md). */
export interface SchedulerConfig {
  /** The scheduler's MCP endpoint (Streamable HTTP), e.g. `https://scheduler.contoso.example/mcp`. */
  readonly url: string;
  readonly auth: SchedulerAuthConfig;
  readonly policy: DependencyPolicySettings;
}

/**
 * `managed-identity`: a bearer token for `scope` from DefaultAzureCredential. `api-key`: the
 * secrets SCHEDULER-API-KEY and SCHEDULER-CLIENT-ID as `x-api-key` / `x-client-id`. `none`: no
 * credentials (a local development scheduler; refused in Azure).
 */
export type SchedulerAuthConfig =
  | { readonly kind: 'managed-identity'; readonly scope: string; readonly managedIdentityClientId: string | undefined }
  | { readonly kind: 'api-key' }
  | { readonly kind: 'none' };

/** Long-running jobs (the troubleshoot job on Durable Functions). */
export interface JobsConfig {
  readonly troubleshoot: {
    /** How long trouble_shoot_device waits for the job before answering with its handle. */
    readonly waitSeconds: number;
    /** The same wait when the client asked for progress (progress keeps it waiting). */
    readonly liveWaitSeconds: number;
    /** Durable timer between two steps; 0 runs them back to back. */
    readonly stepDelaySeconds: number;
    /** Retries of a failing step (durable retry options): first pause, then doubling. */
    readonly retry: { readonly firstIntervalMs: number; readonly maxAttempts: number };
  };
  /** Finished jobs and their history are purged this many hours after they were started. */
  readonly retentionHours: number;
}

/** The configured store adapter and its settings. */
export type StoreConfig = SqliteStoreConfig | CosmosStoreConfig;

export interface SqliteStoreConfig {
  readonly kind: 'sqlite';
  readonly dataDir: string;
  /** SQLite database file, or `:memory:`. */
  readonly sqlitePath: string;
}

export interface CosmosStoreConfig {
  readonly kind: 'cosmos';
  readonly dataDir: string;
  readonly cosmos: CosmosConfig;
}

/** Where the Cosmos DB store lives and how it is reached (see docs/cosmos.md). */
export interface CosmosConfig {
  /** Account endpoint origin, e.g. `https://contoso.documents.azure.com`. */
  readonly endpoint: string;
  /** An `http://` loopback endpoint: a local emulator or test server (no endpoint discovery). */
  readonly emulator: boolean;
  /** Account key, for local emulators only; without it, DefaultAzureCredential. */
  readonly key: string | undefined;
  /** Client id of a user-assigned managed identity (AZURE_CLIENT_ID). */
  readonly managedIdentityClientId: string | undefined;
  readonly databaseName: string;
  /** Prepended to every container name (several apps in one database). */
  readonly containerPrefix: string;
  /** Create the database and containers when missing; otherwise they must exist. */
  readonly createContainers: boolean;
  /** Audit records expire after this many days (the audit container's default TTL). */
  readonly auditTtlDays: number;
  /** How knowledge-base searches are ranked: Cosmos full-text search, in-process, or try the first. */
  readonly knowledgeSearch: 'auto' | 'full-text' | 'in-process';
  /** Timeout, retries and breaker of every Cosmos DB call (COSMOS_* policy settings); the SDK's own throttling retries are off. */
  readonly policy: DependencyPolicySettings;
}

/** The configured conversation store (see docs/conversations.md). */
export type ConversationsConfig = EmbeddedConversationsConfig | BlobConversationsConfig;

export interface EmbeddedConversationsConfig {
  readonly kind: 'embedded';
  /** SQLite database file, or `:memory:`. */
  readonly sqlitePath: string;
  /** Conversations not updated for this many days are deleted (the store prunes itself). */
  readonly retentionDays: number;
}

export interface BlobConversationsConfig {
  readonly kind: 'blob';
  readonly account: BlobAccount;
  /** One `<id>.json` blob per conversation in this container. */
  readonly containerName: string;
  /** Create the container when missing (outside Azure; in Azure the infrastructure creates it). */
  readonly createContainer: boolean;
  /** In Azure a lifecycle rule deletes blobs after this many days; prune() uses it locally. */
  readonly retentionDays: number;
  /** Timeout, retries and breaker of every Blob request (CONVERSATIONS_* policy settings); the SDK itself does not retry. */
  readonly policy: DependencyPolicySettings;
}

/** How the Blob account is reached, and which setting named it (for logs and errors). */
export type BlobAccount =
  | {
      readonly auth: 'identity';
      /** The Blob service URL, e.g. `https://<account>.blob.core.windows.net`. */
      readonly url: string;
      /** Client id of a user-assigned managed identity; undefined for the system-assigned one. */
      readonly managedIdentityClientId: string | undefined;
      readonly setting: 'CONVERSATIONS_ACCOUNT_URL' | 'AzureWebJobsStorage__blobServiceUri' | 'AzureWebJobsStorage__accountName';
    }
  | {
      readonly auth: 'connection-string';
      /** Holds an account key (or names Azurite): local runs only, never logged. */
      readonly connectionString: string;
      readonly setting: 'CONVERSATIONS_CONNECTION_STRING' | 'AzureWebJobsStorage';
    };

export interface McpConfig {
  /** Time budget of one tool call, in milliseconds. */
  readonly toolTimeoutMs: number;
  /**
   * HMAC key that seals multi-round-trip `requestState`; every instance must share it. Locally a
   * public development key by default; in Azure (or with NODE_ENV=production) unset until
   * MCP_REQUEST_STATE_KEY is given, and then every echoed requestState is refused.
   */
  readonly requestStateKey: string | undefined;
  /** Development only: the local host serves the MCP conformance suite's test fixtures. */
  readonly conformanceFixtures: boolean;
}

/**
 * How callers are authenticated. `entra` verifies Microsoft Entra access tokens; `local` verifies
 * tokens from the development issuer (`npm run token`); `passthrough` decodes tokens without
 * verifying them and `disabled` uses a fixed development identity (both development only).
 */
export type AuthMode = 'entra' | 'local' | 'passthrough' | 'disabled';

export interface AuthConfig {
  readonly mode: AuthMode;
  /** Accepted `aud` values: the app ID URI and/or the client id of the app registration. */
  readonly audiences: readonly string[];
  /** Tenant ids (lower-case GUIDs) whose callers are admitted. */
  readonly allowedTenants: readonly string[];
  /** Home tenant of the app registration; names the authorization server in the PRM document. */
  readonly entraTenantId: string;
  /** Scope (delegated `scp`) or app role (app-only `roles`) every caller needs. */
  readonly requiredScope: string;
  /** Entra authority origin, e.g. `https://login.microsoftonline.com` (v2 issuers live under it). */
  readonly authorityHost: string;
  /** Where Entra's signing keys are published. */
  readonly jwksUri: string;
  readonly jwksCacheMaxAgeMs: number;
  /** Minimum time between two JWKS fetches caused by an unknown `kid` (0 = no limit). */
  readonly jwksCooldownMs: number;
  /** Timeout, retries and breaker of every JWKS fetch (JWKS_* policy settings); an open breaker is the pause after a failed fetch. */
  readonly jwksPolicy: DependencyPolicySettings;
  readonly clockToleranceSeconds: number;
  /** Longest lifetime (`exp - iat`) a token may have; longer ones are refused. */
  readonly maxTokenLifetimeSeconds: number;
  /** Private key of the local development issuer (created on first use). */
  readonly localIssuerKeyFile: string;
  /** Public origin of the app (`scheme://host[:port]`), the base of the MCP resource URL. */
  readonly publicBaseUrl: string;
  /** The app role names that map to the roles tools declare (ROLES in identity/principal.ts). */
  readonly roles: { readonly read: string; readonly write: string; readonly security: string; readonly admin: string };
  /** Roles of the fixed development identity (`disabled` mode). */
  readonly devIdentityRoles: readonly string[];
  /** True when a development mode was explicitly allowed in Azure. */
  readonly allowInsecureInAzure: boolean;
}
