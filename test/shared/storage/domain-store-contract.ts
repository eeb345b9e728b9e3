// The contract every ContosoStore adapter must meet, written against the port alone so the
// embedded SQLite store and the Cosmos DB store run the same suite: reads and their ordering,
// the replaceAll/exportAll round trip, atomic change/decide writes, idempotency and search.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { assertPaymentAllowed, outstandingAmount, toCents, toEuros } from '../../../shared/domain/billing/billing-rules.js';
import type { Invoice, Payment } from '../../../shared/domain/billing/invoice.js';
import type { SupportTicket } from '../../../shared/domain/support/support-ticket.js';
import { BusinessRuleError, DomainError, NotFoundError } from '../../../shared/errors/domain-error.js';
import type { ContosoStore, PaymentDecision } from '../../../shared/storage/contoso-store.js';
import type { SeedDataset } from '../../../shared/storage/seed-dataset.js';
import { HOSTILE_QUERIES } from './fixtures/hostile-queries.js';
import { emptyDataset, SMALL_SEED_STATE, smallDataset } from './fixtures/small-dataset.js';

/** Registers the contract suite for one adapter; `makeStore` returns a new, empty store each call. */
export function runDomainStoreContract(name: string, makeStore: () => Promise<ContosoStore>): void {
  describe(`${name}: ContosoStore domain contract`, () => {
    let store: ContosoStore;
    let data: SeedDataset;

    beforeEach(async () => {
      store = await makeStore();
      data = smallDataset();
      await store.replaceAll(smallDataset(), SMALL_SEED_STATE);
    });
    afterEach(async () => {
      await store.close();
    });

    describe('replaceAll and exportAll', () => {
      it('starts empty: no seed state and nothing to export', async () => {
        const empty = await makeStore();
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

    describe('customers', () => {
      it('gets one by id, or null', async () => {
        assert.deepEqual(await store.customers.get(2), data.customers[1]);
        assert.equal(await store.customers.get(999), null);
      });

      it('lists by id in pages and counts', async () => {
        const first = await store.customers.list({ limit: 2 });
        assert.deepEqual(first.items.map((c) => c.customerId), [1, 2]);
        assert.notEqual(first.nextCursor, null);
        const second = await store.customers.list({ limit: 2, cursor: first.nextCursor ?? undefined });
        assert.deepEqual(second.items.map((c) => c.customerId), [3]);
        assert.equal(second.nextCursor, null);
        assert.equal(await store.customers.count(), 3);
      });

      it('update applies the change and writes its security events', async () => {
        const unlocked = await store.customers.update(3, (current) => ({
          customer: { ...current, accountStatus: 'active' },
          events: [securityEvent('sev-0100', 3, '2026-03-11T09:00:00.000Z')],
        }));
        assert.equal(unlocked.accountStatus, 'active');
        assert.deepEqual(await store.customers.get(3), unlocked);
        const events = await store.securityLogs.listByCustomer(3, 10);
        assert.deepEqual(events.map((e) => e.eventId), ['sev-0100', 'sev-0006', 'sev-0005']);
      });

      it('update passes the current customer to the change', async () => {
        let seen: unknown;
        await store.customers.update(1, (current) => {
          seen = current;
          return { customer: current, events: [] };
        });
        assert.deepEqual(seen, data.customers[0]);
      });

      it('update propagates an error thrown by the change, unchanged, and writes nothing', async () => {
        const before = await store.exportAll();
        const refusal = new BusinessRuleError('Account 3 is closed');
        await assert.rejects(
          store.customers.update(3, () => {
            throw refusal;
          }),
          (error) => error === refusal,
        );
        assert.deepEqual(await store.exportAll(), before);
      });

      it('update throws NotFoundError for a missing customer without calling the change', async () => {
        let called = false;
        await assert.rejects(
          store.customers.update(999, (current) => {
            called = true;
            return { customer: current, events: [] };
          }),
          notFound('Customer', 999),
        );
        assert.equal(called, false);
      });

      it('concurrent updates each see the write before them', async () => {
        await Promise.all(
          Array.from({ length: 10 }, () =>
            store.customers.update(2, (current) => ({ customer: { ...current, address: `${current.address}+` }, events: [] })),
          ),
        );
        assert.equal((await store.customers.get(2))?.address, '1 Microsoft Way++++++++++');
      });
    });

    describe('products', () => {
      it('gets one by id, or null', async () => {
        assert.deepEqual(await store.products.get(4), data.products[3]);
        assert.equal(await store.products.get(999), null);
      });

      it('lists all by id, or one category', async () => {
        assert.deepEqual(await store.products.list(), data.products);
        assert.deepEqual((await store.products.list({ category: 'internet' })).map((p) => p.productId), [2]);
        assert.deepEqual(await store.products.list({ category: undefined }), data.products);
      });
    });

    describe('subscriptions', () => {
      it('gets one by id, or null', async () => {
        assert.deepEqual(await store.subscriptions.get(5), data.subscriptions[4]);
        assert.equal(await store.subscriptions.get(999), null);
      });

      it("lists a customer's subscriptions by id", async () => {
        assert.deepEqual((await store.subscriptions.listByCustomer(2)).map((s) => s.subscriptionId), [3, 4]);
        assert.deepEqual(await store.subscriptions.listByCustomer(999), []);
      });

      it('update applies the change and returns what was written', async () => {
        const updated = await store.subscriptions.update(1, (current) => ({ ...current, roamingEnabled: false, endDate: '2026-12-31' }));
        assert.equal(updated.roamingEnabled, false);
        assert.equal(updated.endDate, '2026-12-31');
        assert.deepEqual(await store.subscriptions.get(1), updated);
      });

      it('update propagates an error thrown by the change and writes nothing', async () => {
        const before = await store.exportAll();
        const refusal = new BusinessRuleError('Roaming is not available on this product');
        await assert.rejects(
          store.subscriptions.update(2, () => {
            throw refusal;
          }),
          (error) => error === refusal,
        );
        assert.deepEqual(await store.exportAll(), before);
      });

      it('update throws NotFoundError for a missing subscription', async () => {
        await assert.rejects(store.subscriptions.update(999, (current) => current), notFound('Subscription', 999));
      });

      it('concurrent updates never lose one', async () => {
        await Promise.all(
          Array.from({ length: 10 }, () =>
            store.subscriptions.update(1, (current) => ({ ...current, dataCapGb: (current.dataCapGb ?? 0) + 1 })),
          ),
        );
        assert.equal((await store.subscriptions.get(1))?.dataCapGb, 30);
      });
    });

    describe('billing', () => {
      it('gets an invoice by id, or null', async () => {
        assert.deepEqual(await store.billing.getInvoice(2), data.invoices[1]);
        assert.equal(await store.billing.getInvoice(999), null);
      });

      it("lists a customer's invoices newest period first", async () => {
        assert.deepEqual((await store.billing.listInvoicesByCustomer(1)).map((i) => i.invoiceId), [3, 2, 1]);
        assert.deepEqual(await store.billing.listInvoicesByCustomer(999), []);
      });

      it("lists an invoice's payments in the order they were made", async () => {
        assert.deepEqual((await store.billing.listPayments(1)).map((p) => p.paymentId), ['pay-0001', 'pay-0002']);
        assert.deepEqual((await store.billing.listPayments(2)).map((p) => p.paymentId), ['pay-0003', 'pay-0004']);
        assert.deepEqual(await store.billing.listPayments(3), []);
      });

      it('addPayment writes a new payment and bumps the invoice version', async () => {
        const decision = await store.billing.addPayment(3, pay(20, 'pay-0100', 'key-100'));
        assert.equal(decision.kind, 'new');
        assert.equal(decision.payment.outstandingAfter, 29.99);
        assert.deepEqual(await store.billing.listPayments(3), [decision.payment]);
        assert.equal((await store.billing.getInvoice(3))?.version, 1);
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
        const payments = await store.billing.listPayments(5);
        const paid = toEuros(payments.reduce((sum, p) => sum + toCents(p.amount), 0));
        assert.ok(paid <= 100, `paid ${paid} on an invoice of 100`);
        assert.equal(paid, 90);
        assert.deepEqual(payments.map((p) => p.outstandingAfter).sort((a, b) => b - a), [85, 70, 55, 40, 25, 10]);
        assert.equal((await store.billing.getInvoice(5))?.version, 6);
      });

      it('concurrent payments with one idempotency key pay once', async () => {
        const decisions = await Promise.all(
          Array.from({ length: 10 }, (_, i) => store.billing.addPayment(3, pay(10, `pay-k${i}`, 'same-key'))),
        );
        assert.equal(decisions.filter((d) => d.kind === 'new').length, 1);
        assert.equal(new Set(decisions.map((d) => d.payment.paymentId)).size, 1);
        assert.equal((await store.billing.listPayments(3)).length, 1);
        assert.equal((await store.billing.getInvoice(3))?.version, 1);
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

    describe('promotions, orders, incidents and security logs', () => {
      it('lists every promotion by id, with its lists intact', async () => {
        assert.deepEqual(await store.promotions.list(), data.promotions);
      });

      it("lists a customer's orders newest first", async () => {
        assert.deepEqual((await store.orders.listByCustomer(1)).map((o) => o.orderId), [4, 2, 1]);
        assert.deepEqual(await store.orders.listByCustomer(1).then((o) => o[1]), data.orders[1]);
        assert.deepEqual(await store.orders.listByCustomer(999), []);
      });

      it('lists incidents newest first, filtered by area, category and statuses', async () => {
        const ids = async (filter?: Parameters<ContosoStore['incidents']['list']>[0]) =>
          (await store.incidents.list(filter)).map((i) => i.incidentId);
        assert.deepEqual(await ids(), [4, 2, 3, 1]);
        assert.deepEqual(await ids({}), [4, 2, 3, 1]);
        assert.deepEqual(await ids({ area: 'Seattle' }), [4, 2, 1]);
        assert.deepEqual(await ids({ category: 'internet' }), [4, 3, 1]);
        assert.deepEqual(await ids({ statuses: ['open', 'monitoring'] }), [4, 2, 3]);
        assert.deepEqual(await ids({ area: 'Seattle', category: 'internet', statuses: ['open'] }), [4]);
        assert.deepEqual(await ids({ area: 'Atlantis' }), []);
        assert.deepEqual(await ids({ statuses: [] }), []);
        assert.deepEqual((await store.incidents.list({ area: 'Redmond' }))[0], data.incidents[2]);
      });

      it("lists a customer's security events newest first, at most limit", async () => {
        assert.deepEqual((await store.securityLogs.listByCustomer(1, 10)).map((e) => e.eventId), ['sev-0003', 'sev-0002', 'sev-0001']);
        assert.deepEqual((await store.securityLogs.listByCustomer(1, 2)).map((e) => e.eventId), ['sev-0003', 'sev-0002']);
        assert.deepEqual((await store.securityLogs.listByCustomer(2, 10))[0], data.securityEvents[3]);
        assert.deepEqual(await store.securityLogs.listByCustomer(999, 10), []);
      });
    });

    describe('knowledge', () => {
      it('lists every document by id', async () => {
        assert.deepEqual(await store.knowledge.list(), data.knowledge);
      });

      const expectations: ReadonlyArray<[string, string]> = [
        ['I was charged for going over my data allowance', 'data-overage-policy'],
        ['Does roaming work in France?', 'eu-roaming'],
        ['how do I return my phone and get a refund', 'returns-and-refunds'],
        ['my wifi router keeps dropping', 'router-troubleshooting'],
        ['account locked after failed logins, need a password reset', 'account-lockout'],
      ];
      for (const [query, slug] of expectations) {
        it(`ranks ${slug} first for "${query}"`, async () => {
          const hits = await store.knowledge.search(query, 5);
          assert.equal(hits[0]?.document.slug, slug);
          assert.deepEqual(hits[0]?.document, data.knowledge.find((d) => d.slug === slug));
          for (const hit of hits) assert.ok(Number.isFinite(hit.score) && hit.score > 0, `score ${hit.score}`);
          const scores = hits.map((h) => h.score);
          assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
        });
      }

      it('returns at most topK hits', async () => {
        const query = 'roaming refund router password overage';
        assert.equal((await store.knowledge.search(query, 10)).length, 5);
        assert.equal((await store.knowledge.search(query, 2)).length, 2);
        assert.equal((await store.knowledge.search(query, 1)).length, 1);
      });

      it('returns nothing for a query without searchable words', async () => {
        for (const query of ['', '   ', '!!!', '?!.,;', '\u0000']) {
          assert.deepEqual(await store.knowledge.search(query, 5), [], JSON.stringify(query));
        }
      });

      it('treats operator characters as data, not query syntax', async () => {
        assert.equal((await store.knowledge.search('title:roaming', 5))[0]?.document.slug, 'eu-roaming');
        assert.equal((await store.knowledge.search('"roaming', 5))[0]?.document.slug, 'eu-roaming');
        assert.equal((await store.knowledge.search('NEAR(refund', 5))[0]?.document.slug, 'returns-and-refunds');
        assert.equal((await store.knowledge.search('-router', 5))[0]?.document.slug, 'router-troubleshooting');
      });

      it('never throws on hostile input and leaves the documents alone', async () => {
        for (const query of HOSTILE_QUERIES) {
          const hits = await store.knowledge.search(query, 3);
          assert.ok(Array.isArray(hits) && hits.length <= 3, JSON.stringify(query.slice(0, 40)));
          for (const hit of hits) assert.ok(Number.isFinite(hit.score));
        }
        assert.deepEqual(await store.knowledge.list(), data.knowledge);
        assert.equal((await store.knowledge.search('roaming', 5))[0]?.document.slug, 'eu-roaming');
      });
    });

    describe('health', () => {
      it('ping resolves on an open store', async () => {
        await store.ping();
      });
    });
  });
}

/** A decide function for a card payment of `amount` that honours `key` and the no-overpay rule. */
function pay(amount: number, paymentId: string, key: string | null) {
  return (invoice: Invoice, payments: readonly Payment[]): PaymentDecision => {
    const prior = key === null ? undefined : payments.find((p) => p.idempotencyKey === key);
    if (prior) return { kind: 'replay', payment: prior };
    assertPaymentAllowed(invoice, payments, amount);
    const outstandingAfter = toEuros(toCents(outstandingAmount(invoice, payments)) - toCents(amount));
    return {
      kind: 'new',
      payment: {
        paymentId,
        invoiceId: invoice.invoiceId,
        customerId: invoice.customerId,
        amount,
        method: 'credit_card',
        status: 'succeeded',
        paidAt: '2026-03-15T10:00:00.000Z',
        failureReason: null,
        idempotencyKey: key,
        outstandingAfter,
      },
    };
  };
}

function ticketDraft(customerId: number, subscriptionId: number): Omit<SupportTicket, 'ticketId' | 'idempotencyKey'> {
  return {
    customerId,
    subscriptionId,
    category: 'technical',
    priority: 'normal',
    status: 'open',
    subject: 'No signal at home',
    description: 'Since this morning.',
    openedAt: '2026-03-15T09:00:00.000Z',
    closedAt: null,
  };
}

function securityEvent(eventId: string, customerId: number, occurredAt: string) {
  return { eventId, customerId, eventType: 'account_unlocked' as const, occurredAt, ipAddress: null, detail: 'Unlocked by an agent' };
}

function notFound(entity: string, id: number) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof NotFoundError, `expected NotFoundError, got ${String(error)}`);
    assert.ok(error instanceof DomainError);
    assert.deepEqual(error.details, { entity, id });
    return true;
  };
}
