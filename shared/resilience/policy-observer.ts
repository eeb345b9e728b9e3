// What the app does when a dependency's circuit breaker changes state: a metric (the telemetry
// port's recordBreakerState, a no-op with telemetry off) and a log line (warn when it opens, info
// when it closes again), and a debug line per retry. Adapters that build a policy hand it to this
// observer once; app-services.ts builds the one observer the process uses.
import type { Logger } from '../telemetry/logger.js';
import type { Telemetry } from '../telemetry/telemetry.js';
import type { DependencyPolicy } from './dependency-policy.js';

export type PolicyObserver = (policy: DependencyPolicy) => void;

export function createPolicyObserver(deps: { telemetry: Pick<Telemetry, 'recordBreakerState'>; logger: Logger }): PolicyObserver {
  return function observePolicy(policy) {
    policy.onStateChange(function reportBreakerState(state) {
      deps.telemetry.recordBreakerState(policy.name, state);
      const fields = { dependency: policy.name, breaker: state, errorClass: policy.lastErrorClass, retryAfterSeconds: policy.retryAfterSeconds() };
      if (state === 'open') deps.logger.warn('circuit breaker opened: calls fail fast until the pause ends', fields);
      else deps.logger.info(state === 'closed' ? 'circuit breaker closed: the dependency answers again' : 'circuit breaker half-open: one probe call may go through', fields);
    });
    policy.onRetry(function reportRetry(event) {
      deps.logger.debug('retrying a dependency call', { dependency: policy.name, attempt: event.attempt, delayMs: event.delayMs, errorClass: event.errorClass });
    });
  };
}
