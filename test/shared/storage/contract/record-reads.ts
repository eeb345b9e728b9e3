// Contract reads of the small hand-written dataset, all against one store seeded once: the
// catalogue, a customer's records (subscriptions, orders, security events, usage, tickets),
// invoices with their payments, the seed state and health. Orderings and ties are pinned here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ContosoStore } from '../../../../shared/storage/contoso-store.js';
import { SMALL_SEED_STATE } from '../fixtures/small-dataset.js';
import type { SeededStore } from './store-fixtures.js';

/** Registers the read sections; `seeded` is shared by all of them and must not be written to. */
export function registerRecordReads(seeded: SeededStore): void {
  describe('catalogue', () => {
    it('gets a product by id, or null', async () => {
      assert.deepEqual(await seeded.store.products.get(4), seeded.data.products[3]);
      assert.equal(await seeded.store.products.get(999), null);
    });

    it('lists every product by id, or those of one category', async () => {
      const { store, data } = seeded;
      assert.deepEqual(await store.products.list(), data.products);
      assert.deepEqual(await store.products.list({ category: undefined }), data.products);
      for (const category of ['mobile', 'internet', 'tv', 'bundle'] as const) {
        const listed = await store.products.list({ category });
        assert.ok(listed.length > 0, category);
        assert.deepEqual(listed, data.products.filter((product) => product.category === category));
      }
    });

    it('lists every promotion by id, with its lists intact', async () => {
      assert.deepEqual(await seeded.store.promotions.list(), seeded.data.promotions);
    });

    it('lists incidents newest first, filtered by area, category and statuses', async () => {
      const ids = async (filter?: Parameters<ContosoStore['incidents']['list']>[0]) =>
        (await seeded.store.incidents.list(filter)).map((i) => i.incidentId);
      assert.deepEqual(await ids(), [4, 2, 3, 1]);
      assert.deepEqual(await ids({}), [4, 2, 3, 1]);
      assert.deepEqual(await ids({ area: 'Seattle' }), [4, 2, 1]);
      assert.deepEqual(await ids({ category: 'internet' }), [4, 3, 1]);
      assert.deepEqual(await ids({ statuses: ['open', 'monitoring'] }), [4, 2, 3]);
      assert.deepEqual(await ids({ area: 'Seattle', category: 'internet', statuses: ['open'] }), [4]);
      assert.deepEqual(await ids({ area: 'Atlantis' }), []);
      assert.deepEqual(await ids({ statuses: [] }), []);
      assert.deepEqual((await seeded.store.incidents.list({ area: 'Redmond' }))[0], seeded.data.incidents[2]);
    });
  });

  describe("a customer's records", () => {
    it('gets a subscription by id, or null', async () => {
      assert.deepEqual(await seeded.store.subscriptions.get(5), seeded.data.subscriptions[4]);
      assert.equal(await seeded.store.subscriptions.get(999), null);
    });

    it("lists a customer's orders newest first", async () => {
      const { store, data } = seeded;
      assert.deepEqual((await store.orders.listByCustomer(1)).map((o) => o.orderId), [4, 2, 1]);
      assert.deepEqual((await store.orders.listByCustomer(1))[1], data.orders[1]);
      assert.deepEqual(await store.orders.listByCustomer(999), []);
    });

    it("lists a customer's security events newest first, at most limit", async () => {
      const { store, data } = seeded;
      assert.deepEqual((await store.securityLogs.listByCustomer(1, 10)).map((e) => e.eventId), ['sev-0003', 'sev-0002', 'sev-0001']);
      assert.deepEqual((await store.securityLogs.listByCustomer(1, 2)).map((e) => e.eventId), ['sev-0003', 'sev-0002']);
      assert.deepEqual((await store.securityLogs.listByCustomer(2, 10))[0], data.securityEvents[3]);
      assert.deepEqual(await store.securityLogs.listByCustomer(999, 10), []);
    });

    it("lists a subscription's usage over a date range, inclusive, in date order", async () => {
      assert.deepEqual(await seeded.store.usage.list(1, '2026-03-02', '2026-03-04'), seeded.data.usage.slice(1, 4));
    });

    it('lists no usage outside the data or for an unknown subscription', async () => {
      const { store } = seeded;
      assert.deepEqual(await store.usage.list(1, '2026-04-01', '2026-04-30'), []);
      assert.deepEqual(await store.usage.list(999, '2026-03-01', '2026-03-31'), []);
      assert.deepEqual((await store.usage.list(3, '2026-01-01', '2026-12-31')).map((u) => u.date), ['2026-03-01', '2026-03-02', '2026-03-03']);
    });

    it("lists a customer's tickets newest first", async () => {
      assert.deepEqual((await seeded.store.tickets.listByCustomer(1)).map((t) => t.ticketId), [3, 1]);
      assert.deepEqual(await seeded.store.tickets.listByCustomer(999), []);
    });
  });

  describe('invoices with their payments', () => {
    it('gets an invoice with its payments in the order they were made, or null', async () => {
      const { store, data } = seeded;
      assert.deepEqual(await store.billing.getInvoiceWithPayments(1), { invoice: data.invoices[0], payments: data.payments.slice(0, 2) });
      // pay-0003 and pay-0004 were made at the same instant: the payment id breaks the tie.
      assert.deepEqual((await store.billing.getInvoiceWithPayments(2))?.payments.map((p) => p.paymentId), ['pay-0003', 'pay-0004']);
      assert.deepEqual(await store.billing.getInvoiceWithPayments(3), { invoice: data.invoices[2], payments: [] });
      assert.equal(await store.billing.getInvoiceWithPayments(999), null);
    });

    it("lists a customer's invoices newest period first, each with its payments in order", async () => {
      const { store, data } = seeded;
      const listed = await store.billing.listInvoicesWithPayments(1);
      // Invoices 2 and 3 cover the same period: the higher id comes first.
      assert.deepEqual(listed.map((entry) => entry.invoice.invoiceId), [3, 2, 1]);
      assert.deepEqual(listed, [
        { invoice: data.invoices[2], payments: [] },
        { invoice: data.invoices[1], payments: data.payments.slice(2, 4) },
        { invoice: data.invoices[0], payments: data.payments.slice(0, 2) },
      ]);
      assert.deepEqual(await store.billing.listInvoicesWithPayments(3), [{ invoice: data.invoices[5], payments: [] }]);
      assert.deepEqual(await store.billing.listInvoicesWithPayments(999), []);
    });
  });

  describe('the store as a whole', () => {
    it('reports the seed state it was loaded with', async () => {
      assert.deepEqual(await seeded.store.seedState(), SMALL_SEED_STATE);
    });

    it('answers ping while open', async () => {
      await assert.doesNotReject(seeded.store.ping());
    });
  });
}
