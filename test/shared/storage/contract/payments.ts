// Contract of billing.addPayment, a freshly seeded store per test: decide sees the invoice and
// every earlier payment, a new payment is written and shows in both invoice reads, replays and
// refusals write nothing, and racing payments never overpay or pay a key twice.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toCents, toEuros } from '../../../../shared/domain/billing/billing-rules.js';
import { BusinessRuleError } from '../../../../shared/errors/domain-error.js';
import { invoiceOf, notFound, pay, paymentsOf } from './contract-helpers.js';
import { type StoreFactory, useFreshStore } from './store-fixtures.js';

export function registerPayments(makeStore: StoreFactory): void {
  describe('billing.addPayment (a fresh store per test)', () => {
    const fresh = useFreshStore(makeStore);

    it('writes a new payment, bumps the invoice version and shows it in both invoice reads', async () => {
      const { store } = fresh;
      const decision = await store.billing.addPayment(3, pay(20, 'pay-0100', 'key-100'));
      assert.equal(decision.kind, 'new');
      assert.equal(decision.payment.outstandingAfter, 29.99);
      const read = await store.billing.getInvoiceWithPayments(3);
      assert.deepEqual(read?.payments, [decision.payment]);
      assert.equal(read?.invoice.version, 1);
      const listed = await store.billing.listInvoicesWithPayments(1);
      assert.deepEqual(listed.find((entry) => entry.invoice.invoiceId === 3), read);
    });

    it('passes the invoice and every earlier payment to decide, and returns all decide returned', async () => {
      const { store, data } = fresh;
      const decision = await store.billing.addPayment(2, (invoice, payments) => ({
        ...pay(16.4, 'pay-0101', null)(invoice, payments),
        seen: { invoice, payments: [...payments] },
      }));
      assert.equal(decision.kind, 'new');
      assert.deepEqual(decision.seen.invoice, data.invoices[1]);
      assert.deepEqual(decision.seen.payments, data.payments.filter((p) => p.invoiceId === 2));
      assert.deepEqual((await paymentsOf(store, 2)).at(-1), decision.payment);
    });

    it('writes nothing for a replay decision and returns it', async () => {
      const { store, data } = fresh;
      const before = await store.exportAll();
      const decision = await store.billing.addPayment(1, pay(25, 'pay-0102', 'key-a'));
      assert.deepEqual(decision, { kind: 'replay', payment: data.payments[1] });
      assert.deepEqual(await store.exportAll(), before);
    });

    it('propagates an error thrown by decide and writes nothing', async () => {
      const before = await fresh.store.exportAll();
      await assert.rejects(fresh.store.billing.addPayment(1, pay(5, 'pay-0103', null)), BusinessRuleError);
      assert.deepEqual(await fresh.store.exportAll(), before);
    });

    it('throws NotFoundError for a missing invoice without running decide', async () => {
      const mustNotRun = (): never => {
        throw new Error('decide must not run for a missing invoice');
      };
      await assert.rejects(fresh.store.billing.addPayment(999, mustNotRun), notFound('Invoice', 999));
    });

    it('never overpays the invoice when twenty payments race', async () => {
      const { store } = fresh;
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

    it('pays once when concurrent payments share an idempotency key', async () => {
      const { store } = fresh;
      const decisions = await Promise.all(
        Array.from({ length: 10 }, (_, i) => store.billing.addPayment(3, pay(10, `pay-k${i}`, 'same-key'))),
      );
      assert.equal(decisions.filter((d) => d.kind === 'new').length, 1);
      assert.equal(new Set(decisions.map((d) => d.payment.paymentId)).size, 1);
      assert.equal((await paymentsOf(store, 3)).length, 1);
      assert.equal((await invoiceOf(store, 3))?.version, 1);
    });
  });
}
