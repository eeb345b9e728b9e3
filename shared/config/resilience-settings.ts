// The six settings of one dependency's resilience policy, named by the dependency's prefix
// (`SCHEDULER_TIMEOUT_MS`, `SCHEDULER_RETRY_MAX_ATTEMPTS` …), so every dependency gets the same
// knobs with its own defaults: spread resilienceSettings(prefix, defaults) into the settings
// schema, and read them back with policySettingsOf (docs/resilience.md).
import type { DependencyPolicySettings } from '../resilience/dependency-policy.js';
import { integerSetting } from './env-parsers.js';

/** The setting names of one dependency's policy. */
export type ResilienceSettingName<P extends string> =
  | `${P}_TIMEOUT_MS`
  | `${P}_RETRY_MAX_ATTEMPTS`
  | `${P}_RETRY_INITIAL_DELAY_MS`
  | `${P}_RETRY_MAX_DELAY_MS`
  | `${P}_BREAKER_FAILURES`
  | `${P}_BREAKER_HALF_OPEN_MS`;

/** A dependency's defaults, in the units of its settings. */
export interface ResilienceDefaults {
  timeoutMs: number;
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  breakerFailures: number;
  halfOpenMs: number;
}

/** The zod entries of `prefix`'s six settings (milliseconds from 1, so tests can run them fast). */
export function resilienceSettings<P extends string>(prefix: P, defaults: ResilienceDefaults) {
  return {
    [`${prefix}_TIMEOUT_MS`]: integerSetting(defaults.timeoutMs, 1, 600_000),
    [`${prefix}_RETRY_MAX_ATTEMPTS`]: integerSetting(defaults.maxAttempts, 1, 10),
    [`${prefix}_RETRY_INITIAL_DELAY_MS`]: integerSetting(defaults.initialDelayMs, 1, 60_000),
    [`${prefix}_RETRY_MAX_DELAY_MS`]: integerSetting(defaults.maxDelayMs, 1, 600_000),
    [`${prefix}_BREAKER_FAILURES`]: integerSetting(defaults.breakerFailures, 1, 1_000),
    [`${prefix}_BREAKER_HALF_OPEN_MS`]: integerSetting(defaults.halfOpenMs, 1, 3_600_000),
  } as Record<ResilienceSettingName<P>, ReturnType<typeof integerSetting>>;
}

/** Reads `prefix`'s policy settings from parsed settings, or returns one line per problem. */
export function policySettingsOf<P extends string>(
  s: Readonly<Record<ResilienceSettingName<P>, number>>,
  prefix: P,
): { policy: DependencyPolicySettings } | { problems: string[] } {
  const initialDelayMs = s[`${prefix}_RETRY_INITIAL_DELAY_MS`];
  const maxDelayMs = s[`${prefix}_RETRY_MAX_DELAY_MS`];
  if (maxDelayMs < initialDelayMs) {
    return { problems: [`${prefix}_RETRY_MAX_DELAY_MS: must be at least ${prefix}_RETRY_INITIAL_DELAY_MS (${initialDelayMs}) (got ${maxDelayMs})`] };
  }
  return {
    policy: {
      timeoutMs: s[`${prefix}_TIMEOUT_MS`],
      retry: { maxAttempts: s[`${prefix}_RETRY_MAX_ATTEMPTS`], initialDelayMs, maxDelayMs },
      breaker: { failureThreshold: s[`${prefix}_BREAKER_FAILURES`], halfOpenAfterMs: s[`${prefix}_BREAKER_HALF_OPEN_MS`] },
    },
  };
}

/** The longest one call can take under `policy`: every attempt timing out, every pause at its longest. */
export function worstCaseCallMs(policy: DependencyPolicySettings): number {
  return policy.retry.maxAttempts * policy.timeoutMs + (policy.retry.maxAttempts - 1) * policy.retry.maxDelayMs;
}
