// The embedded conversation store: the contract on an in-memory database, then what only it
// does: a file that outlives the process, pruning itself on open and at most hourly while in
// use, and appends from two connections to one file (two processes) losing nothing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openConversationDatabase } from '../../../../shared/conversations/embedded/conversation-database.js';
import { EmbeddedConversationStore, openEmbeddedConversationStore } from '../../../../shared/conversations/embedded/embedded-conversation-store.js';
import { createLogger, silentLogger } from '../../../../shared/telemetry/logger.js';
import type { Clock } from '../../../../shared/time/clock.js';
import { manualClock } from '../../../support/manual-clock.js';
import { followUpEntry, newFollowUp, runConversationStoreContract } from '../conversation-store-contract.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

runConversationStoreContract('embedded (SQLite in memory)', async (clock: Clock) => {
  const db = openConversationDatabase(':memory:');
  const store = new EmbeddedConversationStore(db, { retentionDays: 30, clock, logger: silentLogger });
  const upsert = db.prepare<[string, number, string]>('INSERT INTO conversations (id, updated_ms, document) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET document = excluded.document');
  return {
    store,
    writeRaw: async (id, text) => void upsert.run(id, clock.now().getTime(), text),
    unreachable: async () => {
      const closed = new EmbeddedConversationStore(openConversationDatabase(':memory:'), { retentionDays: 30, clock, logger: silentLogger });
      await closed.close();
      return closed;
    },
    close: () => store.close(),
  };
});

describe('embedded conversation store', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contoso-conversations-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps conversations in its file across a restart, creating the folder', async () => {
    const file = path.join(dir, 'nested', 'restart.db');
    const clock = manualClock('2026-06-01T09:00:00.000Z');
    const first = openEmbeddedConversationStore(file, { retentionDays: 30, clock, logger: silentLogger });
    await first.create(newFollowUp('conv-kept'));
    await first.append('conv-kept', [followUpEntry('e1')]);
    await first.close();
    const second = openEmbeddedConversationStore(file, { retentionDays: 30, clock, logger: silentLogger });
    assert.deepEqual((await second.get('conv-kept'))?.entries.map((entry) => entry.event_id), ['e1']);
    await second.close();
  });

  it('prunes expired conversations when it opens, and says so in the log', async () => {
    const file = path.join(dir, 'open-prune.db');
    const clock = manualClock('2026-06-01T09:00:00.000Z');
    const first = openEmbeddedConversationStore(file, { retentionDays: 30, clock, logger: silentLogger });
    await first.create(newFollowUp('conv-expired'));
    clock.advance(20 * DAY_MS);
    await first.create(newFollowUp('conv-recent'));
    await first.close();

    clock.advance(11 * DAY_MS);
    const lines: string[] = [];
    const second = openEmbeddedConversationStore(file, { retentionDays: 30, clock, logger: createLogger({ level: 'info', sink: (_level, line) => lines.push(line) }) });
    assert.equal(await second.get('conv-expired'), undefined);
    assert.ok(await second.get('conv-recent'));
    assert.deepEqual(lines.map((line) => JSON.parse(line) as Record<string, unknown>).map(({ msg, deleted, retention_days }) => ({ msg, deleted, retention_days })), [
      { msg: 'conversations pruned', deleted: 1, retention_days: 30 },
    ]);
    await second.close();
  });

  it('prunes itself at most hourly while in use', async () => {
    const start = Date.parse('2026-06-01T09:00:00.000Z');
    const clock = manualClock(new Date(start).toISOString());
    const at = (ms: number) => clock.set(new Date(start + ms).toISOString());
    const store = openEmbeddedConversationStore(':memory:', { retentionDays: 30, clock, logger: silentLogger });
    await store.create(newFollowUp('conv-x'));
    at(30 * DAY_MS - 30 * MINUTE_MS);
    await store.create(newFollowUp('conv-y')); // prunes: conv-x is not yet 30 days old
    assert.ok(await store.get('conv-x'));
    at(30 * DAY_MS + 10 * MINUTE_MS);
    await store.create(newFollowUp('conv-z')); // conv-x has expired, but the last prune was 40 minutes ago
    assert.ok(await store.get('conv-x'), 'no second prune within the hour');
    at(30 * DAY_MS + 31 * MINUTE_MS);
    await store.append('conv-z', [followUpEntry('e1')]); // an hour and a minute since the last prune
    assert.equal(await store.get('conv-x'), undefined);
    assert.ok(await store.get('conv-y'));
    await store.close();
  });

  it('loses no append when two connections (two processes) share one file', async () => {
    const file = path.join(dir, 'shared.db');
    const clock = manualClock('2026-06-01T09:00:00.000Z');
    const a = openEmbeddedConversationStore(file, { retentionDays: 30, clock, logger: silentLogger });
    const b = openEmbeddedConversationStore(file, { retentionDays: 30, clock, logger: silentLogger });
    await a.create(newFollowUp('conv-shared'));
    const ids = Array.from({ length: 40 }, (_, i) => `event-${i}`);
    await Promise.all(ids.map((id, i) => (i % 2 === 0 ? a : b).append('conv-shared', [followUpEntry(id)])));
    const stored = await b.get('conv-shared');
    assert.deepEqual(stored?.entries.map((entry) => entry.event_id).sort(), [...ids].sort());
    await a.close();
    await b.close();
  });

  it('reports a closed store as down', async () => {
    const store = openEmbeddedConversationStore(':memory:', { retentionDays: 30, clock: manualClock('2026-06-01T09:00:00.000Z'), logger: silentLogger });
    assert.deepEqual(await store.check(), { name: 'conversations', status: 'ok', detail: 'embedded SQLite store (this instance only)' });
    await store.close();
    assert.equal((await store.check()).status, 'down');
  });
});
