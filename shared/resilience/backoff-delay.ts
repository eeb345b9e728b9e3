// The pause before a retry: exponential backoff with full jitter (a uniformly random wait between
// 0 and min(maxDelay, initialDelay × 2^(attempt-1)), which spreads the retries of many callers),
// or the server's Retry-After when it gave one, capped by maxDelay. Pure, so it is tested alone.

export interface BackoffSettings {
  /** The ceiling of the first pause, in milliseconds. */
  initialDelayMs: number;
  /** No pause is longer than this, Retry-After included. */
  maxDelayMs: number;
}

/**
 * Milliseconds to wait before retry number `attempt` (1 for the first retry). `retryAfterMs` is
 * the server's hint; `random` returns a number in [0, 1) (Math.random unless a test fixes it).
 */
export function backoffDelay(attempt: number, settings: BackoffSettings, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, settings.maxDelayMs);
  return Math.floor(random() * backoffCeiling(attempt, settings));
}

/** The largest pause full jitter may pick before retry number `attempt`. */
export function backoffCeiling(attempt: number, settings: BackoffSettings): number {
  // 2^30 already exceeds any sane ceiling; the cap keeps the arithmetic finite.
  return Math.min(settings.maxDelayMs, settings.initialDelayMs * 2 ** Math.min(Math.max(attempt, 1) - 1, 30));
}
