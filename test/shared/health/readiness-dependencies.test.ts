// /api/ready beside the store: each configured dependency's check, run in parallel and bounded,
// degrading the answer (still 200) when one is not ok; a check that throws or hangs reads as down.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHealthHandlers } from '../../../shared/health/health-handlers.js';
import type { CheckedDependency } from '../../../shared/health/dependency-check.js';
import { fullReadiness } from '../../../shared/health/health-checks.js';
import { createSqliteStore } from '../../../shared/storage/sqlite/sqlite-store.js';
import { seedStore } from '../../../shared/seed/ensure-seeded.js';
import { fixedClock } from '../../../shared/time/clock.js';
import { answerText } from '../../../shared/http/http-answer.js';

async function seededStore() {
  const store = createSqliteStore({ path: ':memory:' });
  await seedStore(store, { customerCount: 3, anchorDate: '2026-06-15' }, fixedClock('2026-06-15T12:00:00Z'));
  return store;
}

const ok: CheckedDependency = { name: 'key_vault', check: async () => ({ name: 'key_vault', status: 'ok' }) };
const open: CheckedDependency = { name: 'scheduler', check: async () => ({ name: 'scheduler', status: 'down', breaker: 'open', detail: 'HTTP 503' }) };
const throwing: CheckedDependency = { name: 'conversations', check: () => Promise.reject(new TypeError('boom: secret=abc')) };
const hanging: CheckedDependency = { name: 'slow', check: () => new Promise(() => {}) };

describe('readiness with dependencies', () => {
  it('lists each dependency and stays ready (200) while one is down, degraded', async () => {
    const store = await seededStore();
    try {
      const res = await createHealthHandlers(store, [ok, open]).readiness();
      assert.equal(res.status, 200);
      const body = JSON.parse(answerText(res)) as Record<string, unknown>;
      assert.equal(body.status, 'ready');
      assert.equal(body.degraded, true);
      assert.deepEqual(body.dependencies, [
        { name: 'key_vault', status: 'ok' },
        { name: 'scheduler', status: 'down', breaker: 'open', detail: 'HTTP 503' },
      ]);
    } finally {
      await store.close();
    }
  });

  it('reads a check that throws as down (its error class only) and one that hangs as down after the bound', async () => {
    const store = await seededStore();
    try {
      const answer = await fullReadiness(store, [throwing, hanging], 50);
      assert.deepEqual(answer.dependencies, [
        { name: 'conversations', status: 'down', detail: 'TypeError' },
        { name: 'slow', status: 'down', detail: 'no answer within 50 ms' },
      ]);
    } finally {
      await store.close();
    }
  });

  it('answers 503 when the store is not ready, whatever the dependencies say', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    try {
      const res = await createHealthHandlers(store, [ok]).readiness();
      assert.equal(res.status, 503);
      assert.equal((JSON.parse(answerText(res)) as { reason: string }).reason, 'the store has not been seeded');
    } finally {
      await store.close();
    }
  });
});
