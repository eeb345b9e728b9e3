// The Cosmos DB store's one resilience policy (COSMOS_* settings, docs/resilience.md): every SDK
// call of the store runs under it, so a timeout bounds each attempt, transient failures (429
// honouring x-ms-retry-after-ms, 449, 503, timeouts, broken connections) are retried with jittered
// backoff, and an open breaker fails calls at once. Also what /api/ready shows of it.
import type { CosmosConfig } from '../../config/config.js';
import type { DependencyCheck } from '../../health/dependency-check.js';
import { createDependencyPolicy, type DependencyPolicy } from '../../resilience/dependency-policy.js';
import type { PolicyObserver } from '../../resilience/policy-observer.js';
import { classifyFailure } from '../../resilience/transient-failure.js';
import { systemClock, type Clock } from '../../time/clock.js';
import { COSMOS_DEPENDENCY, cosmosStatus } from './cosmos-errors.js';

/** Cosmos DB's "retry with": a write met a transient conflict inside the service; safe to send again. */
const RETRY_WITH = 449;

export interface CosmosPolicy {
  readonly policy: DependencyPolicy;
  /** Runs one SDK call with retries; `fn` must pass the signal to the SDK (`abortSignal`). */
  execute<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** One attempt through the breaker and the timeout, no retry (readiness pings). */
  probe<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** The store's entry in /api/ready: breaker state and the class of the last failed call; makes no request. */
  check(): DependencyCheck;
}

export interface CosmosPolicyOptions {
  clock?: Clock;
  /** Told of the policy once it exists (breaker metrics and logs). */
  observePolicy?: PolicyObserver;
}

export function createCosmosPolicy(settings: CosmosConfig['policy'], options: CosmosPolicyOptions = {}): CosmosPolicy {
  const clock = options.clock ?? systemClock;
  const policy = createDependencyPolicy({
    name: COSMOS_DEPENDENCY,
    ...settings,
    clock,
    isTransient: (error) => classifyFailure(error, clock.now()).transient || cosmosStatus(error) === RETRY_WITH,
  });
  options.observePolicy?.(policy);
  /** Class of the last call that failed for the dependency's sake; cleared by a call that succeeds. */
  let lastFailure: string | undefined;

  async function tracked<T>(run: Promise<T>): Promise<T> {
    try {
      const value = await run;
      lastFailure = undefined;
      return value;
    } catch (error) {
      const details = (error as { details?: Record<string, unknown> } | null)?.details;
      if (details?.['dependency'] === COSMOS_DEPENDENCY) lastFailure = typeof details['error_class'] === 'string' ? details['error_class'] : 'unknown';
      throw error;
    }
  }

  return {
    policy,
    execute: (fn) => tracked(policy.execute(fn)),
    probe: (fn) => tracked(policy.probe(fn)),
    check() {
      const base = { name: COSMOS_DEPENDENCY, breaker: policy.state } as const;
      const last = policy.lastErrorClass ?? 'unknown';
      if (policy.state === 'open') {
        return { ...base, status: 'down', detail: `circuit breaker open after repeated failures (last: ${last}); retry in ${Math.max(1, policy.retryAfterSeconds())} s` };
      }
      if (policy.state === 'half_open') return { ...base, status: 'degraded', detail: `circuit breaker half-open: one probe call may go through (last: ${last})` };
      if (lastFailure !== undefined) return { ...base, status: 'degraded', detail: `the last call failed (${lastFailure})` };
      return { ...base, status: 'ok', detail: 'calls succeed' };
    },
  };
}
