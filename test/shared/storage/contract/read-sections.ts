// The reading half of the domain store contract: customers, products, subscriptions (with their
// atomic updates), promotions, orders, incidents, security logs, knowledge search and health.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { BusinessRuleError, NotFoundError } from '../../../../shared/errors/domain-error.js';
import type { ContosoStore } from '../../../../shared/storage/contoso-store.js';
import type { SeedDataset } from '../../../../shared/storage/seed-dataset.js';
import { HOSTILE_QUERIES } from '../fixtures/hostile-queries.js';
import { notFound, securityEvent } from './contract-helpers.js';
import type { ContractHandles } from './contract-handles.js';

/** Customers, products, subscriptions, the small collections, knowledge and health sections. */
export function registerReadSections(handles: ContractHandles): void {
  let store: ContosoStore;
  let data: SeedDataset;
  beforeEach(() => {
    store = handles.store();
    data = handles.data();
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
      const change = await store.customers.update(3, (current) => ({
        customer: { ...current, accountStatus: 'active' },
        events: [securityEvent('sev-0100', 3, '2026-03-11T09:00:00.000Z')],
      }));
      const unlocked = change.customer;
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
      const { subscription: updated } = await store.subscriptions.update(1, (current) => ({
        subscription: { ...current, roamingEnabled: false, endDate: '2026-12-31' },
      }));
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
      await assert.rejects(store.subscriptions.update(999, (current) => ({ subscription: current })), notFound('Subscription', 999));
    });

    it('concurrent updates never lose one', async () => {
      await Promise.all(
        Array.from({ length: 10 }, () =>
          store.subscriptions.update(1, (current) => ({ subscription: { ...current, dataCapGb: (current.dataCapGb ?? 0) + 1 } })),
        ),
      );
      assert.equal((await store.subscriptions.get(1))?.dataCapGb, 30);
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
}
