// schedule_follow_up against the real remote scheduler adapter (the development scheduler behind a
// fault server, in-process app): a 503 burst is retried and the call succeeds; a scheduler that
// stays down gives UNAVAILABLE naming the scheduler and a retry time; the open breaker then answers
// at once without a request; after recovery the breaker closes and the same idempotency key
// schedules exactly once.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { startDevScheduler, type DevScheduler } from '../../../../dev/scheduler/dev-scheduler.js';
import { startFaultServer, type FaultServer } from '../../../support/fault-server.js';
import { startInProcessMcp, type InProcessMcp } from '../../../support/in-process-mcp.js';

const BUSY = { kind: 'status' as const, status: 503, headers: { 'retry-after': '0' } };
const FOLLOW_UP = { customer_id: 1, when: '2026-06-16T09:00:00Z', message: 'Did the engineer fix the line?', idempotency_key: 'faults-1' };

describe('schedule_follow_up while the scheduler fails', () => {
  let scheduler: DevScheduler;
  let faults: FaultServer;
  let mcp: InProcessMcp;
  before(async () => {
    // The in-process app's clock is 2026-06-15T12:00Z; the development scheduler keeps its jobs, never delivering them here.
    scheduler = await startDevScheduler({ port: 0, sign: () => ({}), deliverAfterMs: 3_600_000, clock: { now: () => new Date('2026-06-15T12:00:00Z') } });
    faults = await startFaultServer({ upstream: new URL(scheduler.url).origin });
    mcp = await startInProcessMcp({
      customerCount: 5,
      scheduler: false,
      env: {
        SCHEDULER_URL: faults.url('/mcp'),
        SCHEDULER_AUTH: 'none',
        SCHEDULER_TIMEOUT_MS: '2000',
        SCHEDULER_RETRY_MAX_ATTEMPTS: '3',
        SCHEDULER_RETRY_INITIAL_DELAY_MS: '2',
        SCHEDULER_RETRY_MAX_DELAY_MS: '10',
        SCHEDULER_BREAKER_FAILURES: '3',
        SCHEDULER_BREAKER_HALF_OPEN_MS: '50',
      },
    });
  });
  after(async () => {
    await mcp?.close();
    await faults?.stop();
    await scheduler?.close();
  });

  it('retries a short burst, fails with a typed UNAVAILABLE, fails fast while broken, and recovers without scheduling twice', async () => {
    faults.plan(BUSY);
    const first = await mcp.call('schedule_follow_up', FOLLOW_UP);
    assert.equal(first.isError, false, first.text);

    faults.setMode(BUSY);
    const down = await mcp.call('schedule_follow_up', { ...FOLLOW_UP, idempotency_key: 'faults-2' });
    assert.equal(down.isError, true);
    assert.match(down.text, /^UNAVAILABLE: The scheduler dependency failed \(http_503\) after 3 attempt\(s\); retry in \d+ s\.$/);
    const meta: { code?: string; dependency?: string; retry_after_seconds?: number } | undefined = down.error;
    assert.deepEqual([meta?.code, meta?.dependency], ['UNAVAILABLE', 'scheduler']);

    faults.resetCount();
    const started = performance.now();
    const fast = await mcp.call('schedule_follow_up', { ...FOLLOW_UP, idempotency_key: 'faults-2' });
    assert.match(fast.text, /circuit breaker is open/);
    assert.ok(performance.now() - started < 500, 'answered at once');
    assert.equal(faults.requests, 0, 'no request while the breaker is open');
    assert.equal((await mcp.ctx.scheduler?.check())?.breaker, 'open');

    faults.setMode({ kind: 'forward' });
    await sleep(80);
    const back = await mcp.call('schedule_follow_up', { ...FOLLOW_UP, idempotency_key: 'faults-2' });
    assert.equal(back.isError, false, back.text);
    const again = await mcp.call('schedule_follow_up', { ...FOLLOW_UP, idempotency_key: 'faults-2' });
    assert.equal(again.structured.replayed, true);
    assert.equal(again.structured.schedule_id, back.structured.schedule_id, 'one schedule for one key');
    assert.equal((await mcp.ctx.scheduler?.check())?.breaker, 'closed');
  });
});
