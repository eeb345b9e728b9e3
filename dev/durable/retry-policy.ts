// How the host spaces the attempts of callActivityWithRetry, as DurableTask.Core's RetryInterceptor
// does: the delay after failed attempt n (1-based) is firstRetryInterval × backoffCoefficient^(n-1),
// capped by maxRetryInterval. durable-functions itself only counts attempts; the host runs them.
import * as z from 'zod';

/** durable-functions' RetryOptions as its action carries them (JSON). */
export const retryOptionsSchema = z.object({
  firstRetryIntervalInMilliseconds: z.number().positive(),
  maxNumberOfAttempts: z.number(),
  backoffCoefficient: z.number().positive().optional(),
  maxRetryIntervalInMilliseconds: z.number().positive().optional(),
  retryTimeoutInMilliseconds: z.number().optional(),
});

export type RetryPolicy = z.infer<typeof retryOptionsSchema>;

/** Longest delay a timer may be given (setTimeout's limit); longer ones are re-armed. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** Milliseconds to wait after failed attempt `attempt` (1-based) before the next one. */
export function retryDelayMs(policy: RetryPolicy, attempt: number): number {
  const grown = policy.firstRetryIntervalInMilliseconds * (policy.backoffCoefficient ?? 1) ** (attempt - 1);
  const capped = Math.min(grown, policy.maxRetryIntervalInMilliseconds ?? Number.POSITIVE_INFINITY);
  return Number.isFinite(capped) ? capped : MAX_DELAY_MS;
}

/** Whether another attempt follows failed attempt `attempt`; durable-functions fails the task otherwise. */
export function hasAttemptAfter(policy: RetryPolicy, attempt: number): boolean {
  return attempt < policy.maxNumberOfAttempts;
}
