// One resilience policy per outbound dependency (scheduler, Key Vault, Blob, Cosmos DB, JWKS …),
// built on cockatiel: every attempt runs under a timeout (its AbortSignal is aborted, and the call
// is abandoned at once), transient failures are retried with exponential backoff and full jitter
// (honouring Retry-After), and a consecutive-failure circuit breaker fails calls fast while the
// dependency is down, letting one probe through after a pause. Failures leave as typed errors.
import {
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  DelegateBackoff,
  handleWhen,
  isBrokenCircuitError,
  retry,
  timeout,
  TimeoutStrategy,
  type IRetryBackoffContext,
} from 'cockatiel';
import { UnavailableError } from '../errors/domain-error.js';
import { systemClock, type Clock } from '../time/clock.js';
import { backoffDelay } from './backoff-delay.js';
import { classifyFailure } from './transient-failure.js';

export type BreakerState = 'closed' | 'open' | 'half_open';

/** The durations and counts of a policy: settings, so tests run them at a few milliseconds. */
export interface DependencyPolicySettings {
  /** Time allowed for one attempt; its signal is aborted after this. */
  readonly timeoutMs: number;
  readonly retry: {
    /** Attempts in all, the first included (1: no retry). */
    readonly maxAttempts: number;
    /** Ceiling of the first backoff pause; the ceiling doubles per retry. */
    readonly initialDelayMs: number;
    /** No pause is longer, Retry-After included. */
    readonly maxDelayMs: number;
  };
  readonly breaker: {
    /** Consecutive failed attempts (transient failures) that open the breaker. */
    readonly failureThreshold: number;
    /** How long the breaker stays open before one probe call may go through. */
    readonly halfOpenAfterMs: number;
  };
}

export interface DependencyPolicyOptions extends DependencyPolicySettings {
  /** The dependency's name in errors, readiness and telemetry: `scheduler`, `key_vault` … */
  readonly name: string;
  /** Overrides which failures are retried and counted by the breaker (default: classifyFailure). */
  readonly isTransient?: (error: unknown) => boolean;
  /** Reads Retry-After dates and the seconds until the breaker half-opens (default: system time). */
  readonly clock?: Clock;
  /** Jitter source in [0, 1) (default Math.random). */
  readonly random?: () => number;
}

/** What the policy reports before each retry (telemetry, tests). */
export interface RetryEvent {
  readonly attempt: number;
  readonly delayMs: number;
  readonly errorClass: string;
}

export interface DependencyPolicy {
  readonly name: string;
  /** The breaker's state; `open` until the next call after the pause becomes the probe. */
  readonly state: BreakerState;
  /** Class of the last failure (`http_503`, `timeout`, `network` …), undefined before any. */
  readonly lastErrorClass: string | undefined;
  /** Whole seconds until the breaker lets a probe through (0 unless it is open). */
  retryAfterSeconds(): number;
  /**
   * Runs `fn` with the policy. Non-transient errors leave unchanged; transient failures that
   * outlast the retries, and calls refused by the open breaker, leave as UnavailableError with
   * details `{ dependency, retry_after_seconds, error_class }`. An abort of `signal` stops retrying
   * and rethrows the abort reason.
   */
  execute<T>(fn: (signal: AbortSignal) => Promise<T>, options?: { signal?: AbortSignal }): Promise<T>;
  /** One attempt through the breaker and the timeout, no retry: for readiness probes. */
  probe<T>(fn: (signal: AbortSignal) => Promise<T>, options?: { signal?: AbortSignal }): Promise<T>;
  /** Calls `listener` on every breaker transition; returns the unsubscribe function. */
  onStateChange(listener: (state: BreakerState) => void): () => void;
  onRetry(listener: (event: RetryEvent) => void): () => void;
}

/** The caller's own signal was aborted: never retried, never counted against the dependency. */
class CallerAbortedError extends Error {
  override readonly name = 'CallerAbortedError';
}

const COCKATIEL_STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half_open',
  [CircuitState.Isolated]: 'open',
};

/** Whether `error` is a policy's refusal while its breaker is open (no call was made), rather than a failed call. */
export function isOpenBreakerRefusal(error: unknown): boolean {
  return error instanceof UnavailableError && isBrokenCircuitError(error.cause);
}

export function createDependencyPolicy(options: DependencyPolicyOptions): DependencyPolicy {
  const { name } = options;
  assertSettings(options);
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const isTransient = options.isTransient ?? ((error: unknown) => classifyFailure(error, clock.now()).transient);
  const handled = (error: Error) => !(error instanceof CallerAbortedError) && !isBrokenCircuitError(error) && isTransient(error);
  let lastErrorClass: string | undefined;
  let lastRetryAfterMs: number | undefined;
  let openedAt: number | undefined;
  const stateListeners = new Set<(state: BreakerState) => void>();
  const retryListeners = new Set<(event: RetryEvent) => void>();

  const breaker = circuitBreaker(handleWhen(handled), {
    halfOpenAfter: options.breaker.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(options.breaker.failureThreshold),
  });
  breaker.onStateChange(function reportBreakerState(state) {
    openedAt = state === CircuitState.Open ? clock.now().getTime() : openedAt;
    for (const listener of stateListeners) listener(COCKATIEL_STATES[state]);
  });
  const attemptTimeout = timeout(options.timeoutMs, TimeoutStrategy.Aggressive);
  const retries = retry(handleWhen(handled), {
    maxAttempts: options.retry.maxAttempts - 1,
    backoff: new DelegateBackoff(function nextDelay(context: IRetryBackoffContext<unknown>) {
      const failure = 'error' in context.result ? classifyFailure(context.result.error, clock.now()) : undefined;
      const delayMs = backoffDelay(context.attempt, options.retry, failure?.retryAfterMs, random);
      for (const listener of retryListeners) listener({ attempt: context.attempt, delayMs, errorClass: failure?.errorClass ?? 'unexpected' });
      return delayMs;
    }),
  });

  function retryAfterSeconds(): number {
    if (breaker.state !== CircuitState.Open || openedAt === undefined) return 0;
    return Math.max(0, Math.ceil((openedAt + options.breaker.halfOpenAfterMs - clock.now().getTime()) / 1000));
  }

  /** One attempt: the breaker, then the timeout, then `fn` with the attempt's signal. */
  function attempt<T>(fn: (signal: AbortSignal) => Promise<T>, caller: AbortSignal | undefined): Promise<T> {
    return breaker.execute(async function timedAttempt() {
      try {
        return await attemptTimeout.execute((_context, signal) => fn(signal), caller);
      } catch (error) {
        if (caller?.aborted) throw new CallerAbortedError('the caller aborted', { cause: error });
        const failure = classifyFailure(error, clock.now());
        lastErrorClass = failure.errorClass;
        lastRetryAfterMs = failure.retryAfterMs;
        throw error;
      }
    }, caller);
  }

  function toOutcomeError(error: unknown, caller: AbortSignal | undefined): unknown {
    if (error instanceof CallerAbortedError || caller?.aborted) return caller?.reason ?? error;
    if (isBrokenCircuitError(error)) {
      const seconds = Math.max(1, retryAfterSeconds());
      return new UnavailableError(
        `The ${name} dependency is unavailable: its circuit breaker is open after repeated failures (last: ${lastErrorClass ?? 'unknown'}); retry in ${seconds} s.`,
        { dependency: name, retry_after_seconds: seconds, error_class: lastErrorClass ?? 'unknown' },
        { cause: error },
      );
    }
    if (error instanceof Error && handled(error)) {
      const failure = classifyFailure(error, clock.now());
      const hintMs = breaker.state === CircuitState.Open ? retryAfterSeconds() * 1000 : (lastRetryAfterMs ?? options.retry.maxDelayMs);
      const seconds = Math.max(1, Math.ceil(hintMs / 1000));
      return new UnavailableError(
        `The ${name} dependency failed (${failure.errorClass}) after ${options.retry.maxAttempts} attempt(s); retry in ${seconds} s.`,
        { dependency: name, retry_after_seconds: seconds, error_class: failure.errorClass },
        { cause: error },
      );
    }
    return error;
  }

  return {
    name,
    get state() {
      return COCKATIEL_STATES[breaker.state];
    },
    get lastErrorClass() {
      return lastErrorClass;
    },
    retryAfterSeconds,
    async execute(fn, callOptions = {}) {
      const caller = callOptions.signal;
      try {
        return await retries.execute(() => attempt(fn, caller), caller);
      } catch (error) {
        throw toOutcomeError(error, caller);
      }
    },
    async probe(fn, callOptions = {}) {
      try {
        return await attempt(fn, callOptions.signal);
      } catch (error) {
        throw toOutcomeError(error, callOptions.signal);
      }
    },
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onRetry(listener) {
      retryListeners.add(listener);
      return () => retryListeners.delete(listener);
    },
  };
}

/** Settings come from the config (already checked); a programming slip still fails loudly here. */
function assertSettings(options: DependencyPolicyOptions): void {
  const { timeoutMs, retry: r, breaker: b } = options;
  const whole = (value: number, min: number) => Number.isSafeInteger(value) && value >= min;
  if (!whole(timeoutMs, 1) || !whole(r.maxAttempts, 1) || !whole(r.initialDelayMs, 0) || !whole(r.maxDelayMs, r.initialDelayMs) || !whole(b.failureThreshold, 1) || !whole(b.halfOpenAfterMs, 1)) {
    throw new RangeError(`Invalid resilience settings for ${options.name}: ${JSON.stringify({ timeoutMs, retry: r, breaker: b })}`);
  }
}
