// Contract of a store's life: empty at first, replaceAll idempotent (also when concurrent) and
// complete (down to the search index and the seed state), exports in canonical order after
// writes, and close. Each test uses a store of its own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Payment } from '../../../../shared/domain/billing/invoice.js';
import { emptyDataset, SMALL_SEED_STATE, smallDataset } from '../fixtures/small-dataset.js';
import { pay, ticketDraft } from './contract-helpers.js';
import { type StoreFactory, withStore } from './store-fixtures.js';

const byPaymentOrder = (a: Payment, b: Payment) =>
  a.invoiceId - b.invoiceId || a.paidAt.localeCompare(b.paidAt) || a.paymentId.localeCompare(b.paymentId);

export function registerLifecycle(makeStore: StoreFactory): void {
  describe('lifecycle (a store per test)', () => {
    it('starts empty: no seed state, no customers, nothing to export', async () => {
      await withStore(makeStore, async (store) => {
        assert.equal(await store.seedState(), null);
        assert.equal(await store.customers.count(), 0);
        assert.deepEqual(await store.exportAll(), emptyDataset());
      });
    });

    it('exports exactly what replaceAll loaded (nulls, booleans and arrays intact), also when run twice', async () => {
      await withStore(makeStore, async (store) => {
        await store.replaceAll(smallDataset(), SMALL_SEED_STATE);
        assert.deepEqual(await store.exportAll(), smallDataset());
        await store.replaceAll(smallDataset(), SMALL_SEED_STATE);
        assert.deepEqual(await store.exportAll(), smallDataset());
        assert.equal(await store.customers.count(), smallDataset().customers.length);
      });
    });

    it('leaves the same data when replaceAll runs concurrently', async () => {
      await withStore(makeStore, async (store) => {
        await Promise.all([1, 2, 3].map(() => store.replaceAll(smallDataset(), SMALL_SEED_STATE)));
        assert.deepEqual(await store.exportAll(), smallDataset());
        assert.deepEqual(await store.seedState(), SMALL_SEED_STATE);
      });
    });

    it('replaces everything, down to an empty customer list, the search index and the seed state', async () => {
      await withStore(makeStore, async (store) => {
        await store.replaceAll(smallDataset(), SMALL_SEED_STATE);
        const catalogueOnly = { ...emptyDataset(), products: smallDataset().products };
        const state = { ...SMALL_SEED_STATE, customerCount: 0, seededAt: '2026-03-16T00:00:00.000Z' };
        await store.replaceAll(catalogueOnly, state);
        assert.deepEqual(await store.exportAll(), catalogueOnly);
        assert.deepEqual(await store.seedState(), state);
        assert.deepEqual(await store.customers.list({ limit: 10 }), { items: [], nextCursor: null });
        assert.equal(await store.subscriptions.get(1), null);
        assert.equal(await store.billing.getInvoiceWithPayments(1), null);
        assert.deepEqual(await store.knowledge.search('roaming abroad', 5), []);

        await store.replaceAll(smallDataset(), SMALL_SEED_STATE);
        assert.deepEqual(await store.exportAll(), smallDataset());
        assert.equal((await store.knowledge.search('roaming abroad', 5))[0]?.document.slug, 'eu-roaming');
      });
    });

    it('exports writes made through the repos in canonical order', async () => {
      await withStore(makeStore, async (store) => {
        const data = smallDataset();
        await store.replaceAll(smallDataset(), SMALL_SEED_STATE);
        const { ticket } = await store.tickets.create({ ...ticketDraft(2, 3), idempotencyKey: null });
        const { payment } = await store.billing.addPayment(3, pay(10, 'pay-0000', null));
        const exported = await store.exportAll();
        const ticketIds = exported.tickets.map((t) => t.ticketId);
        assert.deepEqual(ticketIds, [...ticketIds].sort((a, b) => a - b));
        assert.deepEqual(exported.tickets, [...data.tickets, ticket].sort((a, b) => a.ticketId - b.ticketId));
        assert.deepEqual(exported.payments, [...data.payments, payment].sort(byPaymentOrder));
      });
    });

    it('closes, and a second close is harmless', async () => {
      const store = await makeStore();
      await store.close();
      await assert.doesNotReject(store.close());
    });
  });
}
