// The per-dependency resilience policy with fake failing functions: bounded attempts, backoff
// growth within the jitter bounds, Retry-After honoured, the breaker opening after N failures,
// failing fast while open (fn is not invoked), and the half-open probe closing or reopening it.
// Every duration is a few milliseconds; the only waits are the breaker's ≤ 40 ms pauses.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { InvalidArgumentError, UnavailableError } from '../../../shared/errors/domain-error.js';
import {
  createDependencyPolicy,
  type BreakerState,
  type DependencyPolicyOptions,
  type RetryEvent,
} from '../../../shared/resilience/dependency-policy.js';
import { HttpStatusError } from '../../../shared/resilience/http-status-error.js';
import { fixedClock } from '../../../shared/time/clock.js';

const FAST: Omit<DependencyPolicyOptions, 'name'> = {
  timeoutMs: 50,
  retry: { maxAttempts: 3, initialDelayMs: 2, maxDelayMs: 8 },
  breaker: { failureThreshold: 100, halfOpenAfterMs: 40 },
};

function policyWith(overrides: Partial<DependencyPolicyOptions> = {}) {
  const policy = createDependencyPolicy({ name: 'scheduler', ...FAST, ...overrides });
  const states: BreakerState[] = [];
  const retries: RetryEvent[] = [];
  policy.onStateChange((state) => states.push(state));
  policy.onRetry((event) => retries.push(event));
  return { policy, states, retries };
}

/** A function failing with `error` the first `failures` times, then answering 'ok'; counts calls. */
function flaky(failures: number, error: () => unknown = () => http(503)) {
  const fn = async (signal: AbortSignal) => {
    fn.calls += 1;
    fn.signals.push(signal);
    if (fn.calls <= failures) throw error();
    return 'ok';
  };
  fn.calls = 0;
  fn.signals = [] as AbortSignal[];
  return fn;
}

function http(status: number, headers: Record<string, string> = {}): HttpStatusError {
  return new HttpStatusError(status, new Headers(headers), 'the scheduler');
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a rejection');
}

describe('createDependencyPolicy', () => {
  it('returns the answer and hands fn a live abort signal', async () => {
    const { policy } = policyWith();
    const fn = flaky(0);
    assert.equal(await policy.execute(fn), 'ok');
    assert.equal(fn.calls, 1);
    assert.ok(fn.signals[0] instanceof AbortSignal);
    assert.equal(policy.state, 'closed');
    assert.equal(policy.lastErrorClass, undefined);
  });

  it('retries a transient failure and succeeds', async () => {
    const { policy, retries } = policyWith();
    const fn = flaky(2);
    assert.equal(await policy.execute(fn), 'ok');
    assert.equal(fn.calls, 3);
    assert.deepEqual(retries.map((r) => [r.attempt, r.errorClass]), [[1, 'http_503'], [2, 'http_503']]);
    assert.equal(policy.lastErrorClass, 'http_503');
  });

  it('bounds the attempts, then fails with UNAVAILABLE naming the dependency', async () => {
    const { policy } = policyWith();
    const fn = flaky(Infinity);
    const error = await rejection(policy.execute(fn));
    assert.equal(fn.calls, 3);
    assert.ok(error instanceof UnavailableError);
    assert.equal(error.code, 'UNAVAILABLE');
    assert.match(error.message, /scheduler/);
    assert.match(error.message, /after 3 attempt/);
    assert.equal(error.details.dependency, 'scheduler');
    assert.equal(error.details.error_class, 'http_503');
    assert.equal(typeof error.details.retry_after_seconds, 'number');
    assert.ok(error.cause instanceof HttpStatusError, 'the last failure is kept as the cause');
  });

  it('never retries a non-transient failure and passes it through unchanged', async () => {
    for (const failure of [http(400), http(404), new InvalidArgumentError('bad when')]) {
      const { policy, retries } = policyWith();
      const fn = flaky(Infinity, () => failure);
      assert.equal(await rejection(policy.execute(fn)), failure);
      assert.equal(fn.calls, 1);
      assert.equal(retries.length, 0);
    }
  });

  it('grows the backoff exponentially within the full-jitter bounds', async () => {
    const { policy, retries } = policyWith({ retry: { maxAttempts: 6, initialDelayMs: 1, maxDelayMs: 8 }, random: () => 0.999 });
    await rejection(policy.execute(flaky(Infinity)));
    // Ceilings 1, 2, 4, 8, 8: the largest jittered pause under each.
    assert.deepEqual(retries.map((r) => r.delayMs), [0, 1, 3, 7, 7]);

    const { policy: jittered, retries: jitteredRetries } = policyWith({ retry: { maxAttempts: 6, initialDelayMs: 2, maxDelayMs: 8 } });
    await rejection(jittered.execute(flaky(Infinity)));
    assert.equal(jitteredRetries.length, 5);
    for (const { attempt, delayMs } of jitteredRetries) {
      assert.ok(delayMs >= 0 && delayMs < Math.min(8, 2 * 2 ** (attempt - 1)), `retry ${attempt} waited ${delayMs} ms`);
    }
  });

  it('honours Retry-After (seconds, dates, Azure ms) capped by maxDelay', async () => {
    const clock = fixedClock('2026-11-02T10:00:00Z');
    const hints: Record<string, string>[] = [{ 'retry-after-ms': '5' }, { 'retry-after': '1' }, { 'retry-after': 'Mon, 02 Nov 2026 09:00:00 GMT' }];
    let call = 0;
    const { policy, retries } = policyWith({ clock, retry: { maxAttempts: 4, initialDelayMs: 1, maxDelayMs: 20 }, random: () => 0.999 });
    const started = performance.now();
    await rejection(policy.execute(async () => Promise.reject(http(429, hints[call++] ?? {}))));
    assert.deepEqual(retries.map((r) => r.delayMs), [5, 20, 0]);
    assert.ok(performance.now() - started >= 24, 'the pauses were really waited');
  });

  it('aborts a slow attempt after timeoutMs (its signal too) and retries it', async () => {
    const { policy } = policyWith({ timeoutMs: 10, retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 1 } });
    const seen: AbortSignal[] = [];
    const started = performance.now();
    const error = await rejection(
      policy.execute((signal) => {
        seen.push(signal);
        return new Promise<never>(() => {}); // ignores the signal: the policy must still return
      }),
    );
    assert.ok(performance.now() - started < 200);
    assert.equal(seen.length, 2);
    assert.ok(seen.every((signal) => signal.aborted), 'each attempt was told to stop');
    assert.ok(error instanceof UnavailableError);
    assert.equal(error.details.error_class, 'timeout');
  });

  it('stops at once, unretried and uncounted, when the caller aborts', async () => {
    const { policy } = policyWith({ breaker: { failureThreshold: 1, halfOpenAfterMs: 40 } });
    const caller = new AbortController();
    const fn = async (signal: AbortSignal) => {
      caller.abort(new Error('tool budget spent'));
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
      throw signal.reason;
    };
    const error = await rejection(policy.execute(fn, { signal: caller.signal }));
    assert.equal((error as Error).message, 'tool budget spent');
    assert.equal(policy.state, 'closed', 'the caller giving up says nothing about the dependency');
  });

  it('opens the breaker after N consecutive failed attempts and then fails fast without calling fn', async () => {
    const { policy, states } = policyWith({ retry: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 }, breaker: { failureThreshold: 3, halfOpenAfterMs: 5_000 } });
    const fn = flaky(Infinity);
    for (let i = 0; i < 2; i += 1) await rejection(policy.execute(fn));
    assert.equal(policy.state, 'closed');
    await rejection(policy.execute(fn));
    assert.equal(policy.state, 'open');
    assert.deepEqual(states, ['open']);
    assert.equal(fn.calls, 3);

    const started = performance.now();
    const error = await rejection(policy.execute(fn));
    const elapsed = performance.now() - started;
    assert.equal(fn.calls, 3, 'fn is not invoked while the breaker is open');
    assert.ok(elapsed < 20, `failed fast (${elapsed.toFixed(1)} ms)`);
    assert.ok(error instanceof UnavailableError);
    assert.match(error.message, /scheduler dependency is unavailable.*circuit breaker is open/);
    assert.equal(error.details.dependency, 'scheduler');
    assert.equal(error.details.retry_after_seconds, 5);
    assert.equal(error.details.error_class, 'http_503');
    assert.equal(policy.retryAfterSeconds(), 5);
  });

  it('counts attempts, so a call whose retries trip the breaker stops retrying', async () => {
    const { policy } = policyWith({ retry: { maxAttempts: 5, initialDelayMs: 1, maxDelayMs: 1 }, breaker: { failureThreshold: 2, halfOpenAfterMs: 5_000 } });
    const fn = flaky(Infinity);
    const error = await rejection(policy.execute(fn));
    assert.equal(fn.calls, 2);
    assert.ok(error instanceof UnavailableError);
    assert.match(error.message, /circuit breaker is open/);
  });

  it('is not opened by non-transient failures', async () => {
    const { policy } = policyWith({ breaker: { failureThreshold: 1, halfOpenAfterMs: 40 } });
    for (let i = 0; i < 3; i += 1) await rejection(policy.execute(flaky(Infinity, () => http(400))));
    assert.equal(policy.state, 'closed');
    assert.equal(policy.lastErrorClass, 'http_400');
  });

  it('lets one probe through after halfOpenAfterMs and closes on its success', async () => {
    const { policy, states } = policyWith({ retry: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 }, breaker: { failureThreshold: 1, halfOpenAfterMs: 30 } });
    await rejection(policy.execute(flaky(Infinity)));
    assert.equal(policy.state, 'open');
    await sleep(35);
    const fn = flaky(0);
    assert.equal(await policy.execute(fn), 'ok');
    assert.equal(fn.calls, 1);
    assert.equal(policy.state, 'closed');
    assert.deepEqual(states, ['open', 'half_open', 'closed']);
  });

  it('reopens when the probe fails, and fails fast again', async () => {
    const { policy, states } = policyWith({ retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1 }, breaker: { failureThreshold: 1, halfOpenAfterMs: 30 } });
    await rejection(policy.execute(flaky(Infinity)));
    await sleep(35);
    const fn = flaky(Infinity);
    const error = await rejection(policy.execute(fn));
    assert.equal(fn.calls, 1, 'only the probe reached the dependency; its retry met the reopened breaker');
    assert.ok(error instanceof UnavailableError);
    assert.equal(policy.state, 'open');
    assert.deepEqual(states, ['open', 'half_open', 'open']);
  });

  it('probes with one attempt and no retry', async () => {
    const { policy } = policyWith();
    const fn = flaky(Infinity);
    const error = await rejection(policy.probe(fn));
    assert.equal(fn.calls, 1);
    assert.ok(error instanceof UnavailableError);
  });

  it('refuses settings that cannot work', () => {
    for (const bad of [{ timeoutMs: 0 }, { retry: { maxAttempts: 0, initialDelayMs: 1, maxDelayMs: 1 } }, { retry: { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 5 } }, { breaker: { failureThreshold: 0, halfOpenAfterMs: 1 } }]) {
      assert.throws(() => createDependencyPolicy({ name: 'scheduler', ...FAST, ...bad }), /Invalid resilience settings for scheduler/);
    }
  });

  it('accepts its own transient test', async () => {
    const { policy } = policyWith({ isTransient: (error) => error instanceof Error && error.message === 'try again' });
    const fn = flaky(1, () => new Error('try again'));
    assert.equal(await policy.execute(fn), 'ok');
    assert.equal(fn.calls, 2);
  });
});
