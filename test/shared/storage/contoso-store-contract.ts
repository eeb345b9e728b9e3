// The behaviour every ContosoStore adapter must show, as one reusable suite. Each adapter's
// test file calls runContosoStoreContract with a factory for a fresh, empty store.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InvalidArgumentError } from '../../../shared/errors/domain-error.js';
import { canonicalJson } from '../../../shared/seed/canonical-json.js';
import { PRODUCT_CATALOGUE } from '../../../shared/seed/catalogue.js';
import { generateDataset } from '../../../shared/seed/generate-dataset.js';
import { SEED_GENERATOR_VERSION } from '../../../shared/seed/seed-settings.js';
import type { ContosoStore } from '../../../shared/storage/contoso-store.js';
import { DATASET_COLLECTIONS, type SeedDataset, type SeedState } from '../../../shared/storage/seed-dataset.js';

const CUSTOMER_COUNT = 25;
const ANCHOR = '2026-03-15';

export const CONTRACT_DATASET: SeedDataset = generateDataset({ customerCount: CUSTOMER_COUNT, anchorDate: ANCHOR });
/** Generated customers plus the always-present scenario customers. */
const TOTAL_CUSTOMERS = CONTRACT_DATASET.customers.length;
export const CONTRACT_STATE: SeedState = {
  generatorVersion: SEED_GENERATOR_VERSION,
  customerCount: CUSTOMER_COUNT,
  anchorDate: ANCHOR,
  seededAt: '2026-03-15T08:00:00.000Z',
};

async function walkCustomers(store: ContosoStore, limit: number): Promise<{ ids: number[]; pages: number }> {
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
    assert.ok(pages <= TOTAL_CUSTOMERS + 1, 'paging does not end');
  } while (cursor !== undefined);
  return { ids, pages };
}

/**
 * Runs the store contract. `makeStore` must return a new, empty store on every call; the suite
 * closes each store it makes.
 */
export function runContosoStoreContract(name: string, makeStore: () => Promise<ContosoStore>): void {
  describe(`ContosoStore contract: ${name}`, () => {
    describe('reading a seeded store', () => {
      let store: ContosoStore;
      const sampleCustomer = CONTRACT_DATASET.customers[3];
      const expectedIds = CONTRACT_DATASET.customers.map((customer) => customer.customerId);

      before(async () => {
        store = await makeStore();
        await store.replaceAll(CONTRACT_DATASET, CONTRACT_STATE);
      });
      after(async () => {
        await store.close();
      });

      it('gets a customer by id, and null for an unknown id', async () => {
        assert.ok(sampleCustomer);
        assert.deepEqual(await store.customers.get(sampleCustomer.customerId), sampleCustomer);
        assert.equal(await store.customers.get(99_999), null);
      });

      for (const limit of [1, 7, 100]) {
        it(`walks every customer exactly once in id order with pages of ${limit}`, async () => {
          const { ids, pages } = await walkCustomers(store, limit);

          assert.deepEqual(ids, expectedIds);
          assert.equal(pages, Math.max(1, Math.ceil(TOTAL_CUSTOMERS / limit)));
        });
      }

      it('returns a null nextCursor on the last page, also when it is exactly full', async () => {
        const whole = await store.customers.list({ limit: TOTAL_CUSTOMERS });
        assert.equal(whole.items.length, TOTAL_CUSTOMERS);
        assert.equal(whole.nextCursor, null);

        const first = await store.customers.list({ limit: TOTAL_CUSTOMERS - 5 });
        assert.notEqual(first.nextCursor, null);
        const last = await store.customers.list({ limit: 5, cursor: first.nextCursor ?? undefined });
        assert.deepEqual(last.items.map((c) => c.customerId), expectedIds.slice(-5));
        assert.equal(last.nextCursor, null);
      });

      it('refuses a cursor it did not issue with InvalidArgumentError', async () => {
        for (const cursor of ['not-a-cursor', '%%%', 'eyJ2IjoyfQ']) {
          await assert.rejects(store.customers.list({ limit: 5, cursor }), InvalidArgumentError, `accepted "${cursor}"`);
        }
      });

      it('counts the customers', async () => {
        assert.equal(await store.customers.count(), TOTAL_CUSTOMERS);
      });

      it('lists every product in id order and gets one by id', async () => {
        assert.deepEqual(await store.products.list(), PRODUCT_CATALOGUE);
        assert.deepEqual(await store.products.list({ category: undefined }), PRODUCT_CATALOGUE);
        assert.deepEqual(await store.products.get(4), PRODUCT_CATALOGUE[3]);
        assert.equal(await store.products.get(999), null);
      });

      it('filters products by category', async () => {
        for (const category of ['mobile', 'internet', 'tv', 'bundle'] as const) {
          const listed = await store.products.list({ category });
          assert.deepEqual(listed, PRODUCT_CATALOGUE.filter((product) => product.category === category));
          assert.ok(listed.length > 0);
        }
      });

      it('gets a subscription by id, and null for an unknown id', async () => {
        const subscription = CONTRACT_DATASET.subscriptions[5];
        assert.ok(subscription);
        assert.deepEqual(await store.subscriptions.get(subscription.subscriptionId), subscription);
        assert.equal(await store.subscriptions.get(1), null);
      });

      it("lists a customer's subscriptions in id order, and none for an unknown customer", async () => {
        let multi = 0;
        for (const customer of CONTRACT_DATASET.customers) {
          const expected = CONTRACT_DATASET.subscriptions.filter((s) => s.customerId === customer.customerId);
          const listed = await store.subscriptions.listByCustomer(customer.customerId);
          assert.deepEqual(listed, expected);
          const ids = listed.map((s) => s.subscriptionId);
          assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
          if (listed.length > 1) multi += 1;
        }
        assert.ok(multi > 0, 'the dataset should hold customers with several subscriptions');
        assert.deepEqual(await store.subscriptions.listByCustomer(99_999), []);
      });

      it('exports exactly the dataset it was given', async () => {
        assert.equal(canonicalJson(await store.exportAll()), canonicalJson(CONTRACT_DATASET));
      });

      it('answers ping while reachable', async () => {
        await assert.doesNotReject(store.ping());
      });
    });

    describe('writing', () => {
      it('has no seed state when empty and the written one after replaceAll', async () => {
        const store = await makeStore();
        try {
          assert.equal(await store.seedState(), null);
          assert.equal(await store.customers.count(), 0);
          await store.replaceAll(CONTRACT_DATASET, CONTRACT_STATE);
          assert.deepEqual(await store.seedState(), CONTRACT_STATE);
        } finally {
          await store.close();
        }
      });

      it('leaves identical data when replaceAll runs twice', async () => {
        const store = await makeStore();
        try {
          await store.replaceAll(CONTRACT_DATASET, CONTRACT_STATE);
          const once = canonicalJson(await store.exportAll());
          await store.replaceAll(CONTRACT_DATASET, CONTRACT_STATE);
          assert.equal(canonicalJson(await store.exportAll()), once);
          assert.equal(await store.customers.count(), TOTAL_CUSTOMERS);
        } finally {
          await store.close();
        }
      });

      it('replaces earlier data completely, down to an empty customer list', async () => {
        const store = await makeStore();
        try {
          await store.replaceAll(CONTRACT_DATASET, CONTRACT_STATE);
          const empty = {
            ...(Object.fromEntries(DATASET_COLLECTIONS.map((name) => [name, []])) as unknown as SeedDataset),
            products: CONTRACT_DATASET.products,
          };
          const emptyState = { ...CONTRACT_STATE, customerCount: 0 };
          await store.replaceAll(empty, emptyState);

          assert.deepEqual(await store.customers.list({ limit: 10 }), { items: [], nextCursor: null });
          assert.equal(await store.subscriptions.get(CONTRACT_DATASET.subscriptions[0]?.subscriptionId ?? 0), null);
          assert.deepEqual(await store.seedState(), emptyState);
          assert.equal(canonicalJson(await store.exportAll()), canonicalJson(empty));
        } finally {
          await store.close();
        }
      });

      it('closes, and a second close is harmless', async () => {
        const store = await makeStore();
        await store.close();
        await assert.doesNotReject(store.close());
      });
    });
  });
}
