// The environment settings the app reads, as one zod object over raw strings.
// This is the single list of settings: the README table, local.settings.sample.json and the
// Bicep app settings are checked against SETTING_NAMES by tests.
import * as z from 'zod';
import { booleanSetting, integerSetting, isoDateSetting, listSetting, optionalString } from './env-parsers.js';

/** Longest tool call allowed; host.json `functionTimeout` (10 min) must stay above it. */
export const MAX_TOOL_TIMEOUT_MS = 300_000;

export const settingsSchema = z.object({
  // Platform-provided in Azure; their presence is how the app knows it runs there.
  WEBSITE_INSTANCE_ID: optionalString,
  WEBSITE_HOSTNAME: optionalString,

  PORT: integerSetting(7071, 0, 65_535),
  LOCAL_FUNCTION_KEY: optionalString,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).optional().default('info'),

  DATA_DIR: optionalString,
  STORE_KIND: z.enum(['sqlite']).optional().default('sqlite'),
  SQLITE_PATH: optionalString,

  SEED_CUSTOMER_COUNT: integerSetting(250, 0, 10_000),
  SEED_ANCHOR_DATE: isoDateSetting,
  SEED_ON_STARTUP: booleanSetting(true),
  FORCE_SEED: booleanSetting(false),

  ALLOWED_HOSTS: listSetting,
  ALLOWED_ORIGINS: listSetting,
  TOOL_TIMEOUT_MS: integerSetting(30_000, 100, MAX_TOOL_TIMEOUT_MS),
});

export type RawSettings = z.output<typeof settingsSchema>;

/** Every setting name, in declaration order. */
export const SETTING_NAMES: readonly string[] = Object.keys(settingsSchema.shape);

/** Set by the Azure platform, never by hand (setting them locally would switch on Azure mode). */
export const PLATFORM_SETTINGS: ReadonlySet<string> = new Set(['WEBSITE_INSTANCE_ID', 'WEBSITE_HOSTNAME']);

/** Settings whose values must never be echoed in errors or logs. */
export const SECRET_SETTINGS: ReadonlySet<string> = new Set(['LOCAL_FUNCTION_KEY']);
