// A stand-in for the resilience policy (shared/resilience/, wired at merge): runs each call once
// and, after `openAfter` consecutive failures, opens and refuses every further call with
// UnavailableError { dependency, retry_after_seconds } without running it. Counts what it ran.
import type { ModelCallPolicy } from '../../shared/azure-openai/model-call-policy.js';
import { UnavailableError } from '../../shared/errors/domain-error.js';

export interface BreakerPolicyDouble extends ModelCallPolicy {
  /** Calls the policy let through. */
  readonly executed: number;
  /** Closes the breaker again. */
  reset(): void;
}

export function breakerPolicyDouble(openAfter: number, retryAfterSeconds = 30): BreakerPolicyDouble {
  let failures = 0;
  let executed = 0;
  return {
    get executed() {
      return executed;
    },
    reset: () => {
      failures = 0;
    },
    breakerState: () => (failures >= openAfter ? 'open' : 'closed'),
    async execute(fn) {
      if (failures >= openAfter) {
        throw new UnavailableError(`azure_openai is unavailable (circuit open after ${failures} failures); retry after ${retryAfterSeconds} s`, {
          dependency: 'azure_openai',
          retry_after_seconds: retryAfterSeconds,
        });
      }
      executed += 1;
      try {
        const result = await fn(new AbortController().signal);
        failures = 0;
        return result;
      } catch (error) {
        failures += 1;
        throw error;
      }
    },
  };
}
