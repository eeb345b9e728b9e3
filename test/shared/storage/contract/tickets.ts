// Contract of tickets.create, a freshly seeded store per test: a new ticket gets an id no other
// ticket has (which id is the adapter's business) and lists newest first; an idempotency key
// replays within its customer only, also when creates race.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ticketDraft } from './contract-helpers.js';
import { type StoreFactory, useFreshStore } from './store-fixtures.js';

export function registerTickets(makeStore: StoreFactory): void {
  describe('tickets.create (a fresh store per test)', () => {
    const fresh = useFreshStore(makeStore);
    const seededIds = () => new Set(fresh.data.tickets.map((t) => t.ticketId));

    it('gives a new ticket an id no other ticket has, and lists it newest first', async () => {
      const { store } = fresh;
      const firstDraft = { ...ticketDraft(1, 1), openedAt: '2026-03-15T09:00:00.000Z', idempotencyKey: null };
      const secondDraft = { ...ticketDraft(1, 2), openedAt: '2026-03-15T10:00:00.000Z', idempotencyKey: null };
      const first = await store.tickets.create(firstDraft);
      const second = await store.tickets.create(secondDraft);
      assert.equal(first.replayed, false);
      assert.equal(second.replayed, false);
      for (const { ticket } of [first, second]) {
        assert.ok(Number.isSafeInteger(ticket.ticketId), `ticket id ${ticket.ticketId}`);
        assert.ok(!seededIds().has(ticket.ticketId), `ticket id ${ticket.ticketId} was taken`);
      }
      assert.notEqual(first.ticket.ticketId, second.ticket.ticketId);
      assert.deepEqual(first.ticket, { ...firstDraft, ticketId: first.ticket.ticketId });
      const listed = await store.tickets.listByCustomer(1);
      assert.deepEqual(listed.map((t) => t.ticketId), [second.ticket.ticketId, first.ticket.ticketId, 3, 1]);
      assert.deepEqual(listed[0], second.ticket);
    });

    it('replays an idempotency key of the same customer and writes nothing', async () => {
      const { store, data } = fresh;
      const before = await store.exportAll();
      const replay = await store.tickets.create({ ...ticketDraft(1, 1), idempotencyKey: 'tk-shared' });
      assert.deepEqual(replay, { ticket: data.tickets[2], replayed: true });
      assert.deepEqual(await store.exportAll(), before);
    });

    it("does not replay another customer's idempotency key", async () => {
      const { store } = fresh;
      const created = await store.tickets.create({ ...ticketDraft(2, 3), idempotencyKey: 'tk-shared' });
      assert.equal(created.replayed, false);
      assert.equal(created.ticket.customerId, 2);
      const again = await store.tickets.create({ ...ticketDraft(2, 3), idempotencyKey: 'tk-shared' });
      assert.deepEqual(again, { ticket: created.ticket, replayed: true });
    });

    it('gives concurrent creates distinct new ids, and one key one ticket', async () => {
      const { store } = fresh;
      const plain = await Promise.all(Array.from({ length: 5 }, () => store.tickets.create({ ...ticketDraft(3, 5), idempotencyKey: null })));
      const plainIds = new Set(plain.map((r) => r.ticket.ticketId));
      assert.equal(plainIds.size, 5);
      for (const id of plainIds) assert.ok(!seededIds().has(id), `ticket id ${id} was taken`);
      const keyed = await Promise.all(Array.from({ length: 5 }, () => store.tickets.create({ ...ticketDraft(3, 5), idempotencyKey: 'retry-me' })));
      assert.equal(keyed.filter((r) => !r.replayed).length, 1);
      assert.equal(new Set(keyed.map((r) => r.ticket.ticketId)).size, 1);
      assert.ok(!plainIds.has(keyed[0]?.ticket.ticketId ?? -1));
      assert.equal((await store.tickets.listByCustomer(3)).length, 7);
    });
  });
}
