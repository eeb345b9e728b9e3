// The seam where the resilience policy (timeout, retry, circuit breaker; shared/resilience/)
// wraps every call to Azure OpenAI. The adapters only need `execute`; the app plugs in the real
// policy, tests a small double. Without one, calls run unguarded (the client's own timeout only).
import type { DependencyCheck } from '../health/dependency-check.js';

export interface ModelCallPolicy {
  /**
   * Runs `fn` under the policy; `signal` aborts when the policy's timeout ends the attempt. Throws
   * UnavailableError (details `{ dependency, retry_after_seconds }`) without calling `fn` while
   * the breaker is open.
   */
  execute<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** The breaker's state, for /api/ready, when the policy has one. */
  breakerState?(): NonNullable<DependencyCheck['breaker']>;
}

/** A policy that adds nothing: each call runs once, with a signal that never aborts. */
export const UNGUARDED_POLICY: ModelCallPolicy = {
  execute: (fn) => fn(new AbortController().signal),
};
