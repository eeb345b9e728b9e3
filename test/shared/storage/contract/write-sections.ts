// The writing half of the domain store contract: bulk load and export, billing with its atomic
// payments, usage and tickets. Registered by runDomainStoreContract for every adapter.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { toCents, toEuros } from '../../../../shared/domain/billing/billing-rules.js';
import type { Invoice, Payment } from '../../../../shared/domain/billing/invoice.js';
import { BusinessRuleError } from '../../../../shared/errors/domain-error.js';
import type { ContosoStore } from '../../../../shared/storage/contoso-store.js';
import type { SeedDataset } from '../../../../shared/storage/seed-dataset.js';
import { emptyDataset, SMALL_SEED_STATE, smallDataset } from '../fixtures/small-dataset.js';
import { notFound, pay, ticketDraft } from './contract-helpers.js';
import type { ContractHandles } from './contract-handles.js';

const paymentsOf = async (store: ContosoStore, invoiceId: number): Promise<Payment[]> =>
  (await store.billing.getInvoiceWithPayments(invoiceId))?.payments ?? [];
const invoiceOf = async (store: ContosoStore, invoiceId: number): Promise<Invoice | undefined> =>
  (await store.billing.getInvoiceWithPayments(invoiceId))?.invoice;

/** Bulk load/export, billing, usage and tickets sections. */
export function registerWriteSections(handles: ContractHandles): void {
  let store: ContosoStore;
  let data: SeedDataset;
  beforeEach(() => {
    store = handles.store();
    data = handles.data();
  });

  describe('replaceAll and exportAll', () => {
    it('starts empty: no seed state and nothing to export', async () => {
      const empty = await handles.makeStore();
      try {
        assert.equal(await empty.seedState(), null);
        assert.deepEqual(await empty.exportAll(), emptyDataset());
      } finally {
        await empty.close();
      }
    });

    it('exports exactly what was loaded, with nulls, booleans and arrays intact', async () => {
      assert.deepEqual(await store.exportAll(), data);
      assert.deepEqual(await store.seedState(), SMALL_SEED_STATE);
    });

    it('leaves the same data when run twice', async () => {
      const first = await store.exportAll();
      await store.replaceAll(smallDataset(), SMALL_SEED_STATE);
      assert.deepEqual(await store.exportAll(), first);
    });

    it('leaves the same data when run concurrently', async () => {
      await Promise.all([1, 2, 3].map(() => store.replaceAll(smallDataset(), SMALL_SEED_STATE)));
      assert.deepEqual(await store.exportAll(), data);
    });

    it('replaces everything, including the search index and the seed state', async () => {
      const state = { ...SMALL_SEED_STATE, customerCount: 0, seededAt: '2026-03-16T00:00:00.000Z' };
      await store.replaceAll(emptyDataset(), state);
      assert.deepEqual(await store.exportAll(), emptyDataset());
      assert.deepEqual(await store.seedState(), state);
      assert.deepEqual(await store.knowledge.search('roaming abroad', 5), []);
      await store.replaceAll(smallDataset(), SMALL_SEED_STATE);
      assert.deepEqual(await store.exportAll(), data);
      assert.equal((await store.knowledge.search('roaming abroad', 5))[0]?.document.slug, 'eu-roaming');
    });

    it('exports changes made through the repos in canonical order', async () => {
      await store.tickets.create({ ...ticketDraft(2, 3), idempotencyKey: null });
      const exported = await store.exportAll();
      assert.deepEqual(exported.tickets.map((t) => t.ticketId), [1, 2, 3, 4, 5]);
    });
  });

  describe('billing', () => {
    it('gets an invoice by id, or null', async () => {
      assert.deepEqual((await store.billing.getInvoiceWithPayments(2))?.invoice, data.invoices[1]);
      assert.equal(await store.billing.getInvoiceWithPayments(999), null);
    });

    it("lists a customer's invoices newest period first", async () => {
      assert.deepEqual((await store.billing.listInvoicesWithPayments(1)).map((i) => i.invoice.invoiceId), [3, 2, 1]);
      assert.deepEqual(await store.billing.listInvoicesWithPayments(999), []);
    });

    it("lists an invoice's payments in the order they were made", async () => {
      assert.deepEqual((await paymentsOf(store, 1)).map((p) => p.paymentId), ['pay-0001', 'pay-0002']);
      assert.deepEqual((await paymentsOf(store, 2)).map((p) => p.paymentId), ['pay-0003', 'pay-0004']);
      assert.deepEqual(await paymentsOf(store, 3), []);
    });

    it('addPayment writes a new payment and bumps the invoice version', async () => {
      const decision = await store.billing.addPayment(3, pay(20, 'pay-0100', 'key-100'));
      assert.equal(decision.kind, 'new');
      assert.equal(decision.payment.outstandingAfter, 29.99);
      assert.deepEqual(await paymentsOf(store, 3), [decision.payment]);
      assert.equal((await invoiceOf(store, 3))?.version, 1);
    });

    it('addPayment passes the invoice and every earlier payment to decide', async () => {
      let seen: { invoice: Invoice; payments: readonly Payment[] } | undefined;
      await store.billing.addPayment(2, (invoice, payments) => {
        seen = { invoice, payments };
        return pay(16.4, 'pay-0101', null)(invoice, payments);
      });
      assert.deepEqual(seen?.invoice, data.invoices[1]);
      assert.deepEqual(seen?.payments, data.payments.filter((p) => p.invoiceId === 2));
    });

    it('addPayment with a replay decision writes nothing', async () => {
      const before = await store.exportAll();
      const decision = await store.billing.addPayment(1, pay(25, 'pay-0102', 'key-a'));
      assert.deepEqual(decision, { kind: 'replay', payment: data.payments[1] });
      assert.deepEqual(await store.exportAll(), before);
    });

    it('addPayment propagates an error thrown by decide and writes nothing', async () => {
      const before = await store.exportAll();
      await assert.rejects(store.billing.addPayment(1, pay(5, 'pay-0103', null)), BusinessRuleError);
      assert.deepEqual(await store.exportAll(), before);
    });

    it('addPayment throws NotFoundError for a missing invoice', async () => {
      await assert.rejects(store.billing.addPayment(999, pay(5, 'pay-0104', null)), notFound('Invoice', 999));
    });

    it('twenty concurrent payments never overpay the invoice', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => store.billing.addPayment(5, pay(15, `pay-c${String(i).padStart(2, '0')}`, null))),
      );
      const made = results.filter((r) => r.status === 'fulfilled');
      const refused = results.filter((r) => r.status === 'rejected');
      assert.equal(made.length, 6);
      for (const r of refused) assert.ok(r.reason instanceof BusinessRuleError, String(r.reason));
      const payments = await paymentsOf(store, 5);
      const paid = toEuros(payments.reduce((sum, p) => sum + toCents(p.amount), 0));
      assert.ok(paid <= 100, `paid ${paid} on an invoice of 100`);
      assert.equal(paid, 90);
      assert.deepEqual(payments.map((p) => p.outstandingAfter).sort((a, b) => b - a), [85, 70, 55, 40, 25, 10]);
      assert.equal((await invoiceOf(store, 5))?.version, 6);
    });

    it('concurrent payments with one idempotency key pay once', async () => {
      const decisions = await Promise.all(
        Array.from({ length: 10 }, (_, i) => store.billing.addPayment(3, pay(10, `pay-k${i}`, 'same-key'))),
      );
      assert.equal(decisions.filter((d) => d.kind === 'new').length, 1);
      assert.equal(new Set(decisions.map((d) => d.payment.paymentId)).size, 1);
      assert.equal((await paymentsOf(store, 3)).length, 1);
      assert.equal((await invoiceOf(store, 3))?.version, 1);
    });
  });

  describe('usage', () => {
    it('lists a date range inclusive, in date order', async () => {
      const days = await store.usage.list(1, '2026-03-02', '2026-03-04');
      assert.deepEqual(days, data.usage.slice(1, 4));
    });

    it('returns nothing outside the data or for an unknown subscription', async () => {
      assert.deepEqual(await store.usage.list(1, '2026-04-01', '2026-04-30'), []);
      assert.deepEqual(await store.usage.list(999, '2026-03-01', '2026-03-31'), []);
      assert.deepEqual((await store.usage.list(3, '2026-01-01', '2026-12-31')).map((u) => u.date), ['2026-03-01', '2026-03-02', '2026-03-03']);
    });
  });

  describe('tickets', () => {
    it("lists a customer's tickets newest first", async () => {
      assert.deepEqual((await store.tickets.listByCustomer(1)).map((t) => t.ticketId), [3, 1]);
      assert.deepEqual(await store.tickets.listByCustomer(999), []);
    });

    it('create allocates ids above every existing one, increasing', async () => {
      const first = await store.tickets.create({ ...ticketDraft(1, 1), idempotencyKey: null });
      const second = await store.tickets.create({ ...ticketDraft(1, 2), idempotencyKey: null });
      assert.equal(first.replayed, false);
      assert.ok(first.ticket.ticketId > 4);
      assert.ok(second.ticket.ticketId > first.ticket.ticketId);
      assert.deepEqual(first.ticket, { ...ticketDraft(1, 1), idempotencyKey: null, ticketId: first.ticket.ticketId });
      const listed = await store.tickets.listByCustomer(1);
      assert.deepEqual(listed[0], second.ticket);
    });

    it('create replays an idempotency key of the same customer and writes nothing', async () => {
      const before = await store.exportAll();
      const replay = await store.tickets.create({ ...ticketDraft(1, 1), idempotencyKey: 'tk-shared' });
      assert.deepEqual(replay, { ticket: data.tickets[2], replayed: true });
      assert.deepEqual(await store.exportAll(), before);
    });

    it("does not replay another customer's idempotency key", async () => {
      const created = await store.tickets.create({ ...ticketDraft(2, 3), idempotencyKey: 'tk-shared' });
      assert.equal(created.replayed, false);
      assert.equal(created.ticket.customerId, 2);
      const again = await store.tickets.create({ ...ticketDraft(2, 3), idempotencyKey: 'tk-shared' });
      assert.deepEqual(again, { ticket: created.ticket, replayed: true });
    });

    it('concurrent creates get distinct ids, and one key creates one ticket', async () => {
      const plain = await Promise.all(Array.from({ length: 5 }, () => store.tickets.create({ ...ticketDraft(3, 5), idempotencyKey: null })));
      assert.equal(new Set(plain.map((r) => r.ticket.ticketId)).size, 5);
      const keyed = await Promise.all(Array.from({ length: 5 }, () => store.tickets.create({ ...ticketDraft(3, 5), idempotencyKey: 'retry-me' })));
      assert.equal(keyed.filter((r) => !r.replayed).length, 1);
      assert.equal(new Set(keyed.map((r) => r.ticket.ticketId)).size, 1);
      assert.equal((await store.tickets.listByCustomer(3)).length, 7);
    });
  });
}
