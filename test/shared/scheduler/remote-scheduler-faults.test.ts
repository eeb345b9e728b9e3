// The remote scheduler adapter against a fault server in front of the development scheduler:
// 503 with Retry-After, 429, a hanging server and refused connections are retried with backoff;
// enough failures open the breaker, after which `schedule` fails fast with UNAVAILABLE naming the
// scheduler (no request reaches the server) and check() reports it down; once the server
// recovers, the breaker's probe closes it. Policy durations are a few tens of milliseconds.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startDevScheduler, type DevScheduler } from '../../../dev/scheduler/dev-scheduler.js';
import type { SchedulerConfig } from '../../../shared/config/config.js';
import { UnavailableError } from '../../../shared/errors/domain-error.js';
import type { RetryEvent } from '../../../shared/resilience/dependency-policy.js';
import { createRemoteSchedulerClient, type RemoteSchedulerClient } from '../../../shared/scheduler/remote-scheduler-client.js';
import type { ScheduleRequest } from '../../../shared/scheduler/scheduler-client.js';
import { schedulerCredentials } from '../../../shared/scheduler/scheduler-credentials.js';
import { startFaultServer, type FaultServer } from '../../support/fault-server.js';

const HALF_OPEN_MS = 40;

function policy(overrides: { timeoutMs?: number; maxAttempts?: number; failureThreshold?: number } = {}): SchedulerConfig['policy'] {
  return {
    timeoutMs: overrides.timeoutMs ?? 2_000,
    retry: { maxAttempts: overrides.maxAttempts ?? 3, initialDelayMs: 2, maxDelayMs: 20 },
    breaker: { failureThreshold: overrides.failureThreshold ?? 50, halfOpenAfterMs: HALF_OPEN_MS },
  };
}

function request(): ScheduleRequest {
  return {
    conversation_id: 'conv-faults-001',
    customer_id: 251,
    when: new Date(Date.now() + 3_600_000).toISOString(),
    message: 'Follow up on the dropped calls',
    callback_url: 'http://127.0.0.1:9/api/callback',
    idempotency_key: `key-${Math.random().toString(36).slice(2)}`,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a rejection');
}

describe('remote scheduler client under faults', () => {
  let scheduler: DevScheduler;
  let faults: FaultServer;
  let client: RemoteSchedulerClient;
  let retries: RetryEvent[];

  function clientWith(settings: SchedulerConfig['policy']): RemoteSchedulerClient {
    const created = createRemoteSchedulerClient({
      config: { url: faults.url('/mcp'), auth: { kind: 'none' }, policy: settings },
      credentials: schedulerCredentials({ kind: 'none' }),
    });
    retries = [];
    created.policy.onRetry((event) => retries.push(event));
    return created;
  }

  before(async () => {
    scheduler = await startDevScheduler({ port: 0, sign: () => ({}), deliverAfterMs: 3_600_000 });
    faults = await startFaultServer({ upstream: new URL(scheduler.url).origin });
  });
  beforeEach(() => {
    faults.setMode({ kind: 'forward' });
    faults.resetCount();
  });
  after(async () => {
    await faults?.stop();
    await scheduler?.close();
  });

  it('retries a 503, waiting what Retry-After asks (capped), and succeeds', async () => {
    client = clientWith(policy());
    faults.plan({ kind: 'status', status: 503, headers: { 'retry-after': '1' } }, { kind: 'status', status: 503, headers: { 'retry-after': '0' } });
    const scheduled = await client.schedule(request());
    assert.match(scheduled.schedule_id, /^sch-/);
    assert.deepEqual(retries.map((r) => [r.errorClass, r.delayMs]), [['http_503', 20], ['http_503', 0]]);
    assert.equal(client.policy.state, 'closed');
  });

  it('retries a 429 with exponential backoff and succeeds', async () => {
    client = clientWith(policy());
    faults.plan({ kind: 'status', status: 429 });
    await client.schedule(request());
    assert.equal(retries.length, 1);
    assert.equal(retries[0]?.errorClass, 'http_429');
    assert.ok((retries[0]?.delayMs ?? -1) >= 0 && (retries[0]?.delayMs ?? 99) < 2, 'the first pause is under initialDelayMs');
  });

  it('gives up on a hanging scheduler after the attempts, each cut at timeoutMs', async () => {
    client = clientWith(policy({ timeoutMs: 40, maxAttempts: 2 }));
    faults.setMode({ kind: 'hang' });
    const started = performance.now();
    const error = await rejection(client.schedule(request()));
    const elapsed = performance.now() - started;
    assert.ok(error instanceof UnavailableError);
    assert.equal(error.details.error_class, 'timeout');
    assert.match(error.message, /scheduler/);
    assert.equal(faults.requests, 2, 'one request per attempt');
    assert.ok(elapsed >= 80 && elapsed < 1_000, `bounded by the attempts (${elapsed.toFixed(0)} ms)`);
  });

  it('opens the breaker, fails fast while open, reports down, and closes after recovery', async () => {
    client = clientWith(policy({ maxAttempts: 2, failureThreshold: 4 }));
    const states: string[] = [];
    client.policy.onStateChange((state) => states.push(state));
    faults.setMode({ kind: 'status', status: 503 });
    await rejection(client.schedule(request()));
    assert.equal(client.policy.state, 'closed', 'two failed attempts: below the threshold');
    const tripping = await rejection(client.schedule(request()));
    assert.ok(tripping instanceof UnavailableError);
    assert.equal(client.policy.state, 'open');
    assert.equal(faults.requests, 4);

    const started = performance.now();
    const fast = await rejection(client.schedule(request()));
    const elapsed = performance.now() - started;
    assert.equal(faults.requests, 4, 'no request reaches the scheduler while the breaker is open');
    assert.ok(elapsed < 25, `failed fast (${elapsed.toFixed(1)} ms)`);
    assert.ok(fast instanceof UnavailableError);
    assert.equal(fast.code, 'UNAVAILABLE');
    assert.match(fast.message, /^The scheduler dependency is unavailable: its circuit breaker is open .*\(last: http_503\); retry in 1 s\.$/);
    assert.deepEqual(fast.details, { dependency: 'scheduler', retry_after_seconds: 1, error_class: 'http_503' });

    const down = await client.check();
    assert.equal(down.status, 'down');
    assert.equal(down.breaker, 'open');
    assert.match(down.detail ?? '', /circuit breaker open \(last failure: http_503\)/);
    assert.equal(faults.requests, 4, 'the readiness check does not probe an open breaker');

    faults.setMode({ kind: 'forward' });
    await sleep(HALF_OPEN_MS + 5);
    const scheduled = await client.schedule(request());
    assert.match(scheduled.schedule_id, /^sch-/);
    assert.equal(client.policy.state, 'closed');
    assert.deepEqual(states, ['open', 'half_open', 'closed']);
    assert.deepEqual(await client.check(), { name: 'scheduler', status: 'ok', breaker: 'closed' });
  });

  it('reopens when the probe meets a still-failing scheduler', async () => {
    client = clientWith(policy({ maxAttempts: 1, failureThreshold: 1 }));
    faults.setMode({ kind: 'status', status: 502 });
    await rejection(client.schedule(request()));
    assert.equal(client.policy.state, 'open');
    await sleep(HALF_OPEN_MS + 5);
    faults.resetCount();
    await rejection(client.schedule(request()));
    assert.equal(faults.requests, 1, 'one probe');
    assert.equal(client.policy.state, 'open');
  });

  it('reports down from a failing readiness probe without retrying it', async () => {
    client = clientWith(policy());
    faults.setMode({ kind: 'status', status: 504 });
    const check = await client.check();
    assert.deepEqual(check, { name: 'scheduler', status: 'down', breaker: 'closed', detail: 'unreachable or failing (http_504)' });
    assert.equal(faults.requests, 1);
  });

  it('retries refused connections, opens the breaker, and recovers when the scheduler listens again', async () => {
    client = clientWith(policy({ maxAttempts: 3, failureThreshold: 3 }));
    await faults.stop();
    try {
      const error = await rejection(client.schedule(request()));
      assert.ok(error instanceof UnavailableError);
      assert.equal(client.policy.lastErrorClass, 'network');
      assert.deepEqual(retries.map((r) => r.errorClass), ['network', 'network']);
      assert.equal(client.policy.state, 'open');
      assert.equal((await client.check()).status, 'down');
    } finally {
      await faults.restart();
    }
    await sleep(HALF_OPEN_MS + 5);
    await client.schedule(request());
    assert.equal(client.policy.state, 'closed');
  });

  it('resets connections are network failures too', async () => {
    client = clientWith(policy());
    faults.plan({ kind: 'reset' });
    await client.schedule(request());
    assert.deepEqual(retries.map((r) => r.errorClass), ['network']);
  });
});
