// The contract every ConversationStore adapter must meet, written against the port alone so the
// embedded SQLite store and the Blob store (on Azurite) run the same suite: conditional create,
// ordered appends that skip known event ids, concurrent appends that lose nothing, the size
// limit, ids refused before any I/O, corrupt stored documents reported clearly, and pruning.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ConversationStore, NewConversation } from '../../../shared/conversations/conversation-store.js';
import { CONVERSATION_LIMITS, type FollowUpEntry } from '../../../shared/conversations/conversation.js';
import { CorruptConversationError, serializeConversation } from '../../../shared/conversations/stored-conversation.js';
import { BusinessRuleError, InvalidArgumentError, NotFoundError } from '../../../shared/errors/domain-error.js';
import type { Clock } from '../../../shared/time/clock.js';
import { manualClock, type ManualClock } from '../../support/manual-clock.js';

/** What the suite needs from an adapter's test setup. */
export interface ConversationStoreFixture {
  store: ConversationStore;
  /** Stores `text` as the document of conversation `id`, bypassing the store (to corrupt it). */
  writeRaw(id: string, text: string): Promise<void>;
  /** A store of the same kind whose backend cannot be reached (closed, or no server listening). */
  unreachable(): Promise<ConversationStore>;
  close(): Promise<void>;
}

/** Opens a fixture with a new, empty store stamping times with `clock`. */
export type ConversationStoreFixtureFactory = (clock: Clock) => Promise<ConversationStoreFixture>;

const START = '2026-06-01T09:00:00.000Z';
const DAY_MS = 86_400_000;
const OWNER = { tenant_id: 'tenant-a', caller_id: 'caller-1' };

export function newFollowUp(id: string, owner = OWNER): NewConversation {
  return { id, kind: 'follow_up', owner, customer_id: 251, topic: null };
}

export function followUpEntry(eventId: string, content = `content of ${eventId}`): FollowUpEntry {
  return { type: 'follow_up', event_id: eventId, status: 'delivered', content, received_at: '2026-06-01T10:00:00.000Z' };
}

/** Ids that must never reach a blob name or a SQL key. */
export const INVALID_IDS: readonly unknown[] = [
  '',
  'ab',
  '../etc/passwd',
  '..',
  'a/b/c',
  'a\\b\\c',
  'abc.json',
  'abc%2F..',
  'abc?x=1',
  'abc#frag',
  ' abc',
  '-abc',
  '_abc',
  'abc\u0000',
  'ünïcode',
  'x'.repeat(65),
  42,
  null,
];

export function runConversationStoreContract(name: string, open: ConversationStoreFixtureFactory): void {
  describe(`ConversationStore contract: ${name}`, () => {
    let fixture: ConversationStoreFixture;
    let clock: ManualClock;
    let store: ConversationStore;
    beforeEach(async () => {
      clock = manualClock(START);
      fixture = await open(clock);
      store = fixture.store;
    });
    afterEach(async () => fixture.close());

    it('creates a conversation once; creating it again returns the first one unchanged', async () => {
      const first = await store.create(newFollowUp('conv-create'));
      assert.equal(first.created, true);
      assert.deepEqual(first.conversation, {
        schema_version: 1,
        id: 'conv-create',
        kind: 'follow_up',
        owner: OWNER,
        customer_id: 251,
        topic: null,
        created_at: START,
        updated_at: START,
        entries: [],
      });
      clock.advance(60_000);
      const again = await store.create({ ...newFollowUp('conv-create', { tenant_id: 'tenant-b', caller_id: 'intruder' }), customer_id: 7 });
      assert.equal(again.created, false);
      assert.deepEqual(again.conversation, first.conversation, 'the existing conversation, whoever asked');
      assert.deepEqual(await store.get('conv-create'), first.conversation);
    });

    it('answers undefined for an unknown conversation, and NOT_FOUND when appending to one', async () => {
      assert.equal(await store.get('conv-unknown'), undefined);
      await assert.rejects(store.append('conv-unknown', [followUpEntry('e1')]), NotFoundError);
    });

    it('appends entries in order and bumps updated_at', async () => {
      await store.create(newFollowUp('conv-order'));
      clock.advance(1_000);
      const first = await store.append('conv-order', [followUpEntry('e1'), followUpEntry('e2'), followUpEntry('e3')]);
      assert.deepEqual(first.appended, ['e1', 'e2', 'e3']);
      assert.deepEqual(first.duplicates, []);
      clock.advance(1_000);
      const second = await store.append('conv-order', [followUpEntry('e4')]);
      assert.deepEqual(second.appended, ['e4']);
      const stored = await store.get('conv-order');
      assert.deepEqual(stored?.entries.map((entry) => entry.event_id), ['e1', 'e2', 'e3', 'e4']);
      assert.deepEqual(stored?.entries[0], followUpEntry('e1'));
      assert.equal(stored?.updated_at, new Date(Date.parse(START) + 2_000).toISOString());
      assert.equal(stored?.created_at, START);
      assert.deepEqual(stored, second.conversation);
    });

    it('ignores event ids already present, within one call and across calls', async () => {
      await store.create(newFollowUp('conv-dupes'));
      const first = await store.append('conv-dupes', [followUpEntry('e1'), followUpEntry('e1', 'a replay with other content'), followUpEntry('e2')]);
      assert.deepEqual(first.appended, ['e1', 'e2']);
      assert.deepEqual(first.duplicates, ['e1']);
      clock.advance(5_000);
      const second = await store.append('conv-dupes', [followUpEntry('e2'), followUpEntry('e3'), followUpEntry('e1')]);
      assert.deepEqual(second.appended, ['e3']);
      assert.deepEqual(second.duplicates, ['e2', 'e1']);
      clock.advance(5_000);
      const replay = await store.append('conv-dupes', [followUpEntry('e3')]);
      assert.deepEqual(replay, { conversation: second.conversation, appended: [], duplicates: ['e3'] }, 'a pure replay writes nothing');
      const stored = await store.get('conv-dupes');
      assert.deepEqual(stored?.entries.map((entry) => entry.event_id), ['e1', 'e2', 'e3']);
      assert.equal(stored?.entries[0]?.content, 'content of e1', 'the first delivery wins');
      assert.equal(stored?.updated_at, new Date(Date.parse(START) + 5_000).toISOString());
    });

    it('keeps all of 50 concurrent appends to one conversation, each exactly once', async () => {
      await store.create(newFollowUp('conv-race'));
      const ids = Array.from({ length: 50 }, (_, i) => `event-${i}`);
      const outcomes = await Promise.all(ids.map((id) => store.append('conv-race', [followUpEntry(id)])));
      assert.deepEqual(outcomes.flatMap((outcome) => outcome.appended).sort(), [...ids].sort());
      const stored = await store.get('conv-race');
      const stored_ids = stored?.entries.map((entry) => entry.event_id) ?? [];
      assert.equal(stored_ids.length, 50);
      assert.deepEqual([...stored_ids].sort(), [...ids].sort());
    });

    it(`refuses an append beyond ${CONVERSATION_LIMITS.maxEntries} entries and appends nothing of it`, async () => {
      await store.create(newFollowUp('conv-full'));
      const batch = Array.from({ length: CONVERSATION_LIMITS.maxEntries - 1 }, (_, i) => followUpEntry(`e${i}`, ''));
      assert.equal((await store.append('conv-full', batch)).appended.length, CONVERSATION_LIMITS.maxEntries - 1);
      await assert.rejects(store.append('conv-full', [followUpEntry('x1'), followUpEntry('x2')]), (error: Error) => {
        assert.ok(error instanceof BusinessRuleError);
        assert.match(error.message, /exceed the limit of 500/);
        return true;
      });
      assert.equal((await store.get('conv-full'))?.entries.length, CONVERSATION_LIMITS.maxEntries - 1);
      assert.deepEqual((await store.append('conv-full', [followUpEntry('x1'), followUpEntry('e0')])).appended, ['x1'], 'duplicates do not count');
      await assert.rejects(store.append('conv-full', [followUpEntry('x2')]), BusinessRuleError);
    });

    it('refuses invalid ids, conversations and entries before any I/O', async () => {
      const dead = await fixture.unreachable();
      try {
        for (const id of INVALID_IDS) {
          const bad = id as string;
          await assert.rejects(dead.get(bad), InvalidArgumentError, `get(${JSON.stringify(id)})`);
          await assert.rejects(dead.append(bad, [followUpEntry('e1')]), InvalidArgumentError, `append(${JSON.stringify(id)})`);
          await assert.rejects(dead.create(newFollowUp(bad)), InvalidArgumentError, `create(${JSON.stringify(id)})`);
        }
        await assert.rejects(dead.create({ ...newFollowUp('conv-ok'), owner: { tenant_id: '', caller_id: 'c' } }), InvalidArgumentError);
        await assert.rejects(dead.create({ ...newFollowUp('conv-ok'), customer_id: -1 }), InvalidArgumentError);
        await assert.rejects(dead.append('conv-ok', [{ ...followUpEntry('e1'), event_id: '../x' }]), InvalidArgumentError);
        await assert.rejects(dead.append('conv-ok', [followUpEntry('e1', 'x'.repeat(CONVERSATION_LIMITS.maxContentChars + 1))]), InvalidArgumentError);
        await assert.rejects(dead.append('conv-ok', [{ ...followUpEntry('e1'), received_at: 'yesterday' }]), InvalidArgumentError);
      } finally {
        await dead.close();
      }
    });

    it('refuses entries of the other kind of conversation', async () => {
      await store.create(newFollowUp('conv-kind'));
      const message = { type: 'message' as const, event_id: 'm1', role: 'user' as const, content: 'hi', at: START };
      await assert.rejects(store.append('conv-kind', [message]), InvalidArgumentError);
      assert.deepEqual((await store.get('conv-kind'))?.entries, []);
    });

    it('reports a corrupt stored document clearly, naming the conversation, and leaves it as it is', async () => {
      const { conversation } = await store.create(newFollowUp('conv-corrupt'));
      const isCorrupt = (pattern: RegExp) => (error: Error) => {
        assert.ok(error instanceof CorruptConversationError, `${error.name}: ${error.message}`);
        assert.match(error.message, /^Stored conversation conv-corrupt is not a valid conversation document/);
        assert.match(error.message, pattern);
        return true;
      };
      await fixture.writeRaw('conv-corrupt', '{"schema_version": 1, "id": "conv-cor');
      await assert.rejects(store.get('conv-corrupt'), isCorrupt(/not JSON/));
      await assert.rejects(store.append('conv-corrupt', [followUpEntry('e1')]), isCorrupt(/not JSON/));
      await fixture.writeRaw('conv-corrupt', serializeConversation({ ...conversation, entries: [{ ...followUpEntry('e1'), received_at: 'soon' }] }));
      await assert.rejects(store.get('conv-corrupt'), isCorrupt(/entries\.0\.received_at/));
      await fixture.writeRaw('conv-corrupt', serializeConversation({ ...conversation, id: 'conv-other' }));
      await assert.rejects(store.get('conv-corrupt'), isCorrupt(/another conversation id/));
      await assert.rejects(store.create(newFollowUp('conv-corrupt')), CorruptConversationError);
    });

    it('prunes conversations last updated before the cutoff, and only those', async () => {
      await store.create(newFollowUp('conv-old'));
      await store.create(newFollowUp('conv-renewed'));
      clock.advance(10 * DAY_MS);
      await store.create(newFollowUp('conv-new'));
      await store.append('conv-renewed', [followUpEntry('e1')]);
      const cutoff = new Date(Date.parse(START) + 5 * DAY_MS);
      assert.equal(await store.prune(cutoff), 1);
      assert.equal(await store.get('conv-old'), undefined);
      assert.equal((await store.get('conv-renewed'))?.entries.length, 1);
      assert.ok(await store.get('conv-new'));
      assert.equal(await store.prune(cutoff), 0);
    });

    it('reports itself ready without secrets', async () => {
      const check = await store.check();
      assert.equal(check.name, 'conversations');
      assert.equal(check.status, 'ok');
      assert.doesNotMatch(check.detail ?? '', /AccountKey|Eby8vd|sig=/);
    });
  });
}
