// Tests of the seed generator: deterministic output, dates relative to the anchor only,
// customer ids (scenarios at 251–259, generated ones around them), and each customer
// independent of how many are generated.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson } from '../../../shared/seed/canonical-json.js';
import { PRODUCT_CATALOGUE } from '../../../shared/seed/catalogue.js';
import { daysBetween } from '../../../shared/time/calendar.js';
import { generateDataset } from '../../../shared/seed/generate-dataset.js';
import { SCENARIOS } from '../../../shared/seed/scenarios/scenario-list.js';
import { generatedCustomerId, SCENARIO_CUSTOMER_IDS, subscriptionIdFor } from '../../../shared/seed/seed-ids.js';

const SCENARIO_IDS = new Set(SCENARIOS.map((scenario) => scenario.customerId));
const isGenerated = (customerId: number) => !SCENARIO_IDS.has(customerId);

const ANCHOR = '2026-03-15';

/** first, first + 1, …, last. */
const range = (first: number, last: number) => Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);

/** A record with its date fields removed, and those date fields on their own. */
function splitDates(record: object, dateKeys: readonly string[]) {
  const rest: Record<string, unknown> = {};
  const dates: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) (dateKeys.includes(key) ? dates : rest)[key] = value;
  return { rest, dates };
}

describe('generateDataset', () => {
  it('gives identical output for the same settings', () => {
    const first = generateDataset({ customerCount: 250, anchorDate: ANCHOR });
    const second = generateDataset({ customerCount: 250, anchorDate: ANCHOR });

    assert.equal(canonicalJson(first), canonicalJson(second));
  });

  it('changes only date fields when the anchor moves, each by the anchor difference', () => {
    const later = '2026-07-04';
    const shift = daysBetween(ANCHOR, later);
    const a = generateDataset({ customerCount: 250, anchorDate: ANCHOR });
    const b = generateDataset({ customerCount: 250, anchorDate: later });

    assert.equal(canonicalJson(a.products), canonicalJson(b.products));
    const collections = [
      { name: 'customers', left: a.customers, right: b.customers, dateKeys: ['joinedOn'] },
      { name: 'subscriptions', left: a.subscriptions, right: b.subscriptions, dateKeys: ['startDate', 'endDate'] },
    ] as const;
    let datesCompared = 0;
    for (const { name, left, right, dateKeys } of collections) {
      assert.equal(left.length, right.length, `${name} count differs`);
      left.forEach((record, index) => {
        const other = right[index];
        assert.ok(other, `${name}[${index}] missing`);
        const x = splitDates(record, dateKeys);
        const y = splitDates(other, dateKeys);
        assert.deepEqual(x.rest, y.rest, `${name}[${index}] differs outside its dates`);
        for (const key of dateKeys) {
          const from = x.dates[key];
          const to = y.dates[key];
          if (from === null || to === null) {
            assert.equal(from, to, `${name}[${index}].${key} is null in only one dataset`);
            continue;
          }
          assert.equal(daysBetween(from as string, to as string), shift, `${name}[${index}].${key} not shifted by ${shift}`);
          datesCompared += 1;
        }
      });
    }
    assert.ok(datesCompared > 500, 'too few dates compared to be meaningful');
  });

  it('keeps every date before the anchor, and a subscription start on or after joining', () => {
    const dataset = generateDataset({ customerCount: 250, anchorDate: ANCHOR });
    const joined = new Map(dataset.customers.map((c) => [c.customerId, c.joinedOn]));

    for (const customer of dataset.customers) assert.ok(customer.joinedOn < ANCHOR);
    for (const subscription of dataset.subscriptions) {
      assert.ok(subscription.startDate < ANCHOR);
      assert.ok(subscription.startDate >= (joined.get(subscription.customerId) ?? ''));
      if (subscription.endDate !== null) {
        assert.equal(subscription.status, 'cancelled');
        assert.ok(subscription.endDate > subscription.startDate && subscription.endDate < ANCHOR);
      }
    }
  });

  it('numbers generated customers 1–250, then from 260 on, skipping the scenario ids', () => {
    assert.deepEqual(SCENARIO_CUSTOMER_IDS, { first: 251, last: 259 });
    assert.deepEqual([0, 1, 248, 249, 250, 251, 299].map(generatedCustomerId), [1, 2, 249, 250, 260, 261, 309]);
  });

  for (const [customerCount, generatedIds] of [
    [0, []],
    [1, [1]],
    [250, range(1, 250)],
    [300, [...range(1, 250), ...range(260, 309)]],
    [1000, [...range(1, 250), ...range(260, 1009)]],
  ] as const) {
    it(`gives ${customerCount} generated customers the ids around the scenario customers 251–259`, () => {
      const ids = generateDataset({ customerCount, anchorDate: ANCHOR }).customers.map((c) => c.customerId);

      assert.deepEqual(ids.filter((id) => SCENARIO_IDS.has(id)), range(251, 259));
      assert.deepEqual(ids.filter(isGenerated), generatedIds);
      assert.equal(new Set(ids).size, ids.length, 'customer ids are unique');
    });
  }

  it('generates customer N the same whether 250 or 500 are generated', () => {
    const small = generateDataset({ customerCount: 250, anchorDate: ANCHOR });
    const large = generateDataset({ customerCount: 500, anchorDate: ANCHOR });

    const largeOfSmall = large.customers.filter((c) => small.customers.some((d) => d.customerId === c.customerId));
    assert.equal(largeOfSmall.length, small.customers.length);
    assert.equal(canonicalJson(largeOfSmall), canonicalJson(small.customers));
    const smallIds = new Set(small.customers.map((c) => c.customerId));
    const largeSubscriptionsOfSmall = large.subscriptions.filter((s) => smallIds.has(s.customerId));
    assert.equal(canonicalJson(largeSubscriptionsOfSmall), canonicalJson(small.subscriptions));
  });

  it('numbers subscriptions with subscriptionIdFor(customer, 1…n) and only real products', () => {
    const dataset = generateDataset({ customerCount: 250, anchorDate: ANCHOR });
    const productIds = new Set(PRODUCT_CATALOGUE.map((p) => p.productId));

    for (const customer of dataset.customers.filter((c) => isGenerated(c.customerId))) {
      const own = dataset.subscriptions.filter((s) => s.customerId === customer.customerId);
      assert.ok(own.length >= 1 && own.length <= 3, `customer ${customer.customerId} has ${own.length} subscriptions`);
      assert.deepEqual(
        own.map((s) => s.subscriptionId),
        own.map((_, index) => subscriptionIdFor(customer.customerId, index + 1)),
      );
      for (const subscription of own) assert.ok(productIds.has(subscription.productId));
    }
  });

  it('yields only the scenario customers 251–259 and the full product catalogue for a count of 0', () => {
    const dataset = generateDataset({ customerCount: 0, anchorDate: ANCHOR });

    assert.deepEqual(dataset.customers.map((c) => c.customerId), range(251, 259));
    assert.ok(dataset.subscriptions.every((s) => SCENARIO_IDS.has(s.customerId)));
    assert.deepEqual(dataset.products, PRODUCT_CATALOGUE);
  });

  it('copies the catalogue rather than sharing its objects', () => {
    const dataset = generateDataset({ customerCount: 0, anchorDate: ANCHOR });

    assert.notEqual(dataset.products[0], PRODUCT_CATALOGUE[0]);
  });
});
