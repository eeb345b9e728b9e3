// Contract reads over the seed generator's own output, seeded once: customers by id and in
// cursor pages over sparse ids, and every customer's subscriptions and invoices with payments
// as the dataset holds them, down to an exact export.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InvoiceWithPayments } from '../../../../shared/domain/billing/invoice.js';
import { InvalidArgumentError } from '../../../../shared/errors/domain-error.js';
import { canonicalJson } from '../../../../shared/seed/canonical-json.js';
import type { ContosoStore } from '../../../../shared/storage/contoso-store.js';
import type { SeedDataset } from '../../../../shared/storage/seed-dataset.js';
import { GENERATED_SEED_STATE, generatedDataset } from '../fixtures/generated-dataset.js';
import { type StoreFactory, useSeededStore } from './store-fixtures.js';

async function walkCustomers(store: ContosoStore, limit: number, total: number): Promise<{ ids: number[]; pages: number }> {
  const ids: number[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await store.customers.list({ limit, cursor });
    pages += 1;
    assert.ok(page.items.length <= limit, `page of ${page.items.length} exceeds limit ${limit}`);
    if (page.nextCursor !== null) assert.equal(page.items.length, limit, 'only the last page may be short');
    ids.push(...page.items.map((customer) => customer.customerId));
    cursor = page.nextCursor ?? undefined;
    assert.ok(pages <= total + 1, 'paging does not end');
  } while (cursor !== undefined);
  return { ids, pages };
}

/** A customer's invoices with their payments as the port orders them, from the dataset. */
function invoicesWithPaymentsIn(data: SeedDataset, customerId: number): InvoiceWithPayments[] {
  return data.invoices
    .filter((invoice) => invoice.customerId === customerId)
    .sort((a, b) => b.periodStart.localeCompare(a.periodStart) || b.invoiceId - a.invoiceId)
    .map((invoice) => ({ invoice, payments: data.payments.filter((p) => p.invoiceId === invoice.invoiceId) }));
}

export function registerGeneratedSeedReads(makeStore: StoreFactory): void {
  describe('reading a generated seed (seeded once)', () => {
    const seeded = useSeededStore(makeStore, generatedDataset, GENERATED_SEED_STATE);
    const data = generatedDataset();
    const total = data.customers.length;
    const expectedIds = data.customers.map((customer) => customer.customerId);

    it('gets a customer by id, and null for an unknown id', async () => {
      const sample = data.customers[3];
      assert.ok(sample);
      assert.deepEqual(await seeded.store.customers.get(sample.customerId), sample);
      assert.equal(await seeded.store.customers.get(99_999), null);
    });

    for (const limit of [1, 4, 100]) {
      it(`walks every customer exactly once in id order with pages of ${limit}`, async () => {
        const { ids, pages } = await walkCustomers(seeded.store, limit, total);
        assert.deepEqual(ids, expectedIds);
        assert.equal(pages, Math.max(1, Math.ceil(total / limit)));
      });
    }

    it('returns a null nextCursor on the last page, also when it is exactly full', async () => {
      const whole = await seeded.store.customers.list({ limit: total });
      assert.equal(whole.items.length, total);
      assert.equal(whole.nextCursor, null);
      const first = await seeded.store.customers.list({ limit: total - 3 });
      assert.notEqual(first.nextCursor, null);
      const last = await seeded.store.customers.list({ limit: 3, cursor: first.nextCursor ?? undefined });
      assert.deepEqual(last.items.map((c) => c.customerId), expectedIds.slice(-3));
      assert.equal(last.nextCursor, null);
    });

    it('refuses a cursor it did not issue with InvalidArgumentError', async () => {
      for (const cursor of ['not-a-cursor', '%%%', 'eyJ2IjoyfQ']) {
        await assert.rejects(seeded.store.customers.list({ limit: 5, cursor }), InvalidArgumentError, `accepted "${cursor}"`);
      }
    });

    it('counts the customers', async () => {
      assert.equal(await seeded.store.customers.count(), total);
    });

    it("lists each customer's subscriptions in id order, and none for an unknown customer", async () => {
      let multi = 0;
      for (const customer of data.customers) {
        const listed = await seeded.store.subscriptions.listByCustomer(customer.customerId);
        assert.deepEqual(listed, data.subscriptions.filter((s) => s.customerId === customer.customerId));
        const ids = listed.map((s) => s.subscriptionId);
        assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
        if (listed.length > 1) multi += 1;
      }
      assert.ok(multi > 0, 'the dataset should hold customers with several subscriptions');
      assert.deepEqual(await seeded.store.subscriptions.listByCustomer(99_999), []);
    });

    it("reads each customer's invoices with their payments as the dataset holds them", async () => {
      let withPayments = 0;
      for (const customer of data.customers) {
        const read = await seeded.store.billing.listInvoicesWithPayments(customer.customerId);
        assert.deepEqual(read, invoicesWithPaymentsIn(data, customer.customerId), `customer ${customer.customerId}`);
        withPayments += read.filter((entry) => entry.payments.length > 1).length;
      }
      assert.ok(withPayments > 0, 'the dataset should hold invoices with several payments');
    });

    it('exports exactly the dataset it was given, and its seed state', async () => {
      assert.equal(canonicalJson(await seeded.store.exportAll()), canonicalJson(data));
      assert.deepEqual(await seeded.store.seedState(), GENERATED_SEED_STATE);
    });
  });
}
