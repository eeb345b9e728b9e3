// The typed, frozen configuration object every other module receives.
// Built once per process by loadConfig(); nothing else reads process.env.
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
  readonly store: {
    readonly kind: 'sqlite';
    readonly dataDir: string;
    /** SQLite database file, or `:memory:`. */
    readonly sqlitePath: string;
  };
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
  readonly mcp: {
    /** Time budget of one tool call, in milliseconds. */
    readonly toolTimeoutMs: number;
  };
}
