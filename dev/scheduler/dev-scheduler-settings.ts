// The development scheduler's own settings (it is not the app, so they are not in the app's
// settings schema): its port, the API key it demands, the compressed delivery delay, and the
// callback secret its signer uses. Parsed once with zod; a bad value names the setting.
import * as z from 'zod';
import { integerSetting, optionalString, secretSetting } from '../../shared/config/env-parsers.js';

export interface DevSchedulerSettings {
  /** DEV_SCHEDULER_PORT (default 7072, beside the app's 7071). */
  readonly port: number;
  /** DEV_SCHEDULER_API_KEY: when set, requests need it in `x-api-key` (the app sends SCHEDULER-API-KEY). */
  readonly apiKey: string | undefined;
  /** DEV_SCHEDULER_DELIVER_AFTER_MS: deliver this long after scheduling instead of at `when`. */
  readonly deliverAfterMs: number | undefined;
  /** SCHEDULER_CALLBACK_SECRET: what the callbacks are signed with (the app verifies with the same). */
  readonly callbackSecret: string | undefined;
}

export const DEFAULT_DEV_SCHEDULER_PORT = 7072;

const schema = z.object({
  DEV_SCHEDULER_PORT: integerSetting(DEFAULT_DEV_SCHEDULER_PORT, 0, 65_535),
  DEV_SCHEDULER_API_KEY: secretSetting(8),
  DEV_SCHEDULER_DELIVER_AFTER_MS: optionalString.pipe(z.string().regex(/^\d{1,8}$/, 'expected whole milliseconds from 0 to 99999999').transform(Number).optional()),
  SCHEDULER_CALLBACK_SECRET: secretSetting(16),
});

/** Reads the settings from `env`, or throws an Error with one line per bad setting (values never echoed). */
export function parseDevSchedulerSettings(env: Readonly<Record<string, string | undefined>>): DevSchedulerSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid development scheduler settings:\n${parsed.error.issues.map((issue) => `  - ${String(issue.path[0])}: ${issue.message}`).join('\n')}`);
  }
  const s = parsed.data;
  return {
    port: s.DEV_SCHEDULER_PORT,
    apiKey: s.DEV_SCHEDULER_API_KEY,
    deliverAfterMs: s.DEV_SCHEDULER_DELIVER_AFTER_MS,
    callbackSecret: s.SCHEDULER_CALLBACK_SECRET,
  };
}
