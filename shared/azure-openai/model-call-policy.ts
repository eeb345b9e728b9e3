// The resilience policy around every Azure OpenAI call: the app's dependency policy
// (shared/resilience/: a timeout per attempt, retries of transient failures with backoff, full
// jitter and Retry-After, a circuit breaker), named azure_openai. It is built on the first model
// call, so a process that never asks a model never loads cockatiel; until then it reads as closed.
import type { Clock } from '../time/clock.js';
import type { DependencyPolicy, DependencyPolicySettings } from '../resilience/dependency-policy.js';
import type { PolicyObserver } from '../resilience/policy-observer.js';
import { AZURE_OPENAI_DEPENDENCY } from './openai-errors.js';

/** What the adapters and the readiness check use of the policy. */
export type ModelCallPolicy = Pick<DependencyPolicy, 'execute' | 'state' | 'lastErrorClass' | 'retryAfterSeconds'>;

export interface ModelCallPolicyOptions {
  /** AZURE_OPENAI_TIMEOUT_MS and the five other policy settings. */
  settings: DependencyPolicySettings;
  /** Reads Retry-After dates and the breaker's remaining pause (default: system time). */
  clock?: Clock | undefined;
  /** Given the policy once it is built (the app's observer: breaker metrics and logs, retries at debug). */
  observe?: PolicyObserver | undefined;
}

/** The azure_openai policy, created (and cockatiel imported) on the first call of `execute`. */
export function lazyModelCallPolicy(options: ModelCallPolicyOptions): ModelCallPolicy {
  let policy: DependencyPolicy | undefined;
  let loading: Promise<DependencyPolicy> | undefined;

  function load(): Promise<DependencyPolicy> {
    loading ??= import('../resilience/dependency-policy.js').then(
      function buildPolicy({ createDependencyPolicy }) {
        policy = createDependencyPolicy({ name: AZURE_OPENAI_DEPENDENCY, ...options.settings, ...(options.clock ? { clock: options.clock } : {}) });
        options.observe?.(policy);
        return policy;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  }

  return {
    get state() {
      return policy?.state ?? 'closed';
    },
    get lastErrorClass() {
      return policy?.lastErrorClass;
    },
    retryAfterSeconds: () => policy?.retryAfterSeconds() ?? 0,
    async execute(fn, callOptions) {
      return (policy ?? (await load())).execute(fn, callOptions);
    },
  };
}
