// Whole-dataset properties of the seed generator: determinism, dates that only shift with
// the anchor, the documented orderings and id schemes, referential integrity, and billing
// records that agree with the billing rules and the overage policy.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outstandingAmount, toCents } from '../../../shared/domain/billing/billing-rules.js';
import type { Payment } from '../../../shared/domain/billing/invoice.js';
import { OPEN_TICKET_STATUSES } from '../../../shared/domain/support/support-ticket.js';
import { canonicalJson } from '../../../shared/seed/canonical-json.js';
import { addDays, daysBetween } from '../../../shared/time/calendar.js';
import { generateDataset } from '../../../shared/seed/generate-dataset.js';
import { OVERAGE_LINE_PREFIX, overageGb } from '../../../shared/seed/invoice-builder.js';
import { CITIES } from '../../../shared/seed/names.js';
import { DATA_OVERAGE_EUR_PER_GB, PAYMENT_TERM_DAYS, REFUND_DAYS, RETURN_WINDOW_DAYS } from '../../../shared/seed/policy-terms.js';
import { SCENARIO_CUSTOMER_IDS } from '../../../shared/seed/seed-ids.js';
import { DATASET_COLLECTIONS, type SeedDataset } from '../../../shared/storage/seed-dataset.js';

const ANCHOR = '2026-03-15';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const DAY_MS = 86_400_000;

const dataset = generateDataset({ customerCount: 250, anchorDate: ANCHOR });

/** Every leaf of two parallel values; calls `onDiff` for each differing string pair. */
function compareLeaves(left: unknown, right: unknown, path: string, onDiff: (path: string, a: string, b: string) => void): void {
  if (typeof left === 'string' && typeof right === 'string') {
    if (left !== right) onDiff(path, left, right);
    return;
  }
  if (left !== null && right !== null && typeof left === 'object' && typeof right === 'object') {
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    for (const key of keys) {
      compareLeaves((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key], `${path}.${key}`, onDiff);
    }
    return;
  }
  assert.deepEqual(left, right, `${path} differs`);
}

function assertOrdered<T>(name: string, records: readonly T[], compare: (a: T, b: T) => number): void {
  for (let index = 1; index < records.length; index += 1) {
    assert.ok(compare(records[index - 1] as T, records[index] as T) < 0, `${name}[${index}] is out of order or duplicated`);
  }
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('generateDataset, the whole dataset', () => {
  it('is identical for the same settings', (t) => {
    const started = performance.now();
    const again = generateDataset({ customerCount: 250, anchorDate: ANCHOR });
    t.diagnostic(`generateDataset(250) took ${Math.round(performance.now() - started)} ms`);
    assert.equal(canonicalJson(again), canonicalJson(dataset));
  });

  it('fills every collection', () => {
    for (const name of DATASET_COLLECTIONS) assert.ok(dataset[name].length > 0, `${name} is empty`);
  });

  it('changes only dates and date-times when the anchor moves, each by the same number of days', () => {
    const later = '2026-07-04';
    const shift = daysBetween(ANCHOR, later);
    const moved = generateDataset({ customerCount: 250, anchorDate: later });
    let shifted = 0;
    for (const name of DATASET_COLLECTIONS) {
      assert.equal(moved[name].length, dataset[name].length, `${name} count differs`);
      compareLeaves(dataset[name], moved[name], name, (path, a, b) => {
        if (DATE.test(a) && DATE.test(b)) assert.equal(daysBetween(a, b), shift, `${path} not shifted by ${shift} days`);
        else if (DATE_TIME.test(a) && DATE_TIME.test(b)) assert.equal((Date.parse(b) - Date.parse(a)) / DAY_MS, shift, `${path} not shifted`);
        else assert.fail(`${path} differs and is not a date: ${a} vs ${b}`);
        shifted += 1;
      });
    }
    assert.ok(shifted > 10_000, `only ${shifted} dates compared`);
  });

  it("gives a customer the same records whether 250 or 500 customers are generated", () => {
    const large = generateDataset({ customerCount: 500, anchorDate: ANCHOR });
    const smallCustomers = new Set(dataset.customers.map((c) => c.customerId));
    const smallSubscriptions = new Set(dataset.subscriptions.map((s) => s.subscriptionId));
    const own = (set: SeedDataset) => ({
      customers: set.customers.filter((r) => smallCustomers.has(r.customerId)),
      subscriptions: set.subscriptions.filter((r) => smallCustomers.has(r.customerId)),
      invoices: set.invoices.filter((r) => smallCustomers.has(r.customerId)),
      payments: set.payments.filter((r) => smallCustomers.has(r.customerId)),
      usage: set.usage.filter((r) => smallSubscriptions.has(r.subscriptionId)),
      tickets: set.tickets.filter((r) => smallCustomers.has(r.customerId)),
      orders: set.orders.filter((r) => smallCustomers.has(r.customerId)),
      securityEvents: set.securityEvents.filter((r) => smallCustomers.has(r.customerId)),
    });
    assert.equal(canonicalJson(own(large)), canonicalJson(own(dataset)));
    assert.equal(canonicalJson({ ...large, customers: [], subscriptions: [], invoices: [], payments: [], usage: [], tickets: [], orders: [], securityEvents: [] }),
      canonicalJson({ ...dataset, customers: [], subscriptions: [], invoices: [], payments: [], usage: [], tickets: [], orders: [], securityEvents: [] }));
  });

  it('orders every collection as SeedDataset documents, with unique ids', () => {
    assertOrdered('customers', dataset.customers, (a, b) => a.customerId - b.customerId);
    assertOrdered('products', dataset.products, (a, b) => a.productId - b.productId);
    assertOrdered('subscriptions', dataset.subscriptions, (a, b) => a.subscriptionId - b.subscriptionId);
    assertOrdered('invoices', dataset.invoices, (a, b) => a.invoiceId - b.invoiceId);
    assertOrdered('payments', dataset.payments, (a, b) => a.invoiceId - b.invoiceId || text(a.paidAt, b.paidAt) || text(a.paymentId, b.paymentId));
    assertOrdered('usage', dataset.usage, (a, b) => a.subscriptionId - b.subscriptionId || text(a.date, b.date));
    assertOrdered('tickets', dataset.tickets, (a, b) => a.ticketId - b.ticketId);
    assertOrdered('promotions', dataset.promotions, (a, b) => a.promotionId - b.promotionId);
    assertOrdered('orders', dataset.orders, (a, b) => a.orderId - b.orderId);
    assertOrdered('incidents', dataset.incidents, (a, b) => a.incidentId - b.incidentId);
    assertOrdered('securityEvents', dataset.securityEvents, (a, b) => a.customerId - b.customerId || text(a.occurredAt, b.occurredAt) || text(a.eventId, b.eventId));
    assertOrdered('knowledge', dataset.knowledge, (a, b) => a.documentId - b.documentId);
    assert.equal(new Set(dataset.payments.map((p) => p.paymentId)).size, dataset.payments.length);
    assert.equal(new Set(dataset.securityEvents.map((e) => e.eventId)).size, dataset.securityEvents.length);
  });

  it('derives every id from its owner as the id scheme says', () => {
    for (const s of dataset.subscriptions) assert.equal(Math.floor(s.subscriptionId / 10), s.customerId);
    for (const i of dataset.invoices) assert.equal(Math.floor(i.invoiceId / 100), i.subscriptionId);
    for (const t of dataset.tickets) assert.equal(Math.floor(t.ticketId / 100), t.customerId);
    for (const o of dataset.orders) assert.equal(Math.floor(o.orderId / 100), o.customerId);
    for (const p of dataset.payments) assert.match(p.paymentId, new RegExp(`^pay-${p.invoiceId}-\\d+$`));
    for (const e of dataset.securityEvents) assert.match(e.eventId, new RegExp(`^sec-${e.customerId}-\\d+$`));
    for (const [name, ids] of [
      ['promotions', dataset.promotions.map((p) => p.promotionId)],
      ['incidents', dataset.incidents.map((i) => i.incidentId)],
      ['knowledge', dataset.knowledge.map((k) => k.documentId)],
    ] as const) {
      assert.deepEqual(ids, ids.map((_, index) => index + 1), `${name} ids are not 1..N`);
    }
    const customerIds = dataset.customers.map((c) => c.customerId);
    assert.deepEqual(customerIds, Array.from({ length: 259 }, (_, index) => index + 1), '250 generated customers and the scenarios 251–259');
  });

  it('only refers to records that exist, owned by the same customer', () => {
    const customers = new Set(dataset.customers.map((c) => c.customerId));
    const products = new Set(dataset.products.map((p) => p.productId));
    const subscriptions = new Map(dataset.subscriptions.map((s) => [s.subscriptionId, s]));
    const invoices = new Map(dataset.invoices.map((i) => [i.invoiceId, i]));
    for (const s of dataset.subscriptions) {
      assert.ok(customers.has(s.customerId), `subscription ${s.subscriptionId}: no customer`);
      assert.ok(products.has(s.productId), `subscription ${s.subscriptionId}: no product`);
    }
    for (const i of dataset.invoices) assert.equal(subscriptions.get(i.subscriptionId)?.customerId, i.customerId, `invoice ${i.invoiceId}`);
    for (const p of dataset.payments) assert.equal(invoices.get(p.invoiceId)?.customerId, p.customerId, `payment ${p.paymentId}`);
    for (const u of dataset.usage) assert.ok(subscriptions.has(u.subscriptionId), `usage of ${u.subscriptionId}`);
    for (const t of dataset.tickets) assert.equal(subscriptions.get(t.subscriptionId)?.customerId, t.customerId, `ticket ${t.ticketId}`);
    for (const o of dataset.orders) assert.ok(customers.has(o.customerId), `order ${o.orderId}`);
    for (const e of dataset.securityEvents) assert.ok(customers.has(e.customerId), `event ${e.eventId}`);
    for (const promotion of dataset.promotions) for (const id of promotion.productIds) assert.ok(products.has(id));
  });

  it('bills each invoice as the sum of its lines, due 14 days after issue, in order', () => {
    const subscriptions = new Map(dataset.subscriptions.map((s) => [s.subscriptionId, s]));
    for (const invoice of dataset.invoices) {
      const sum = invoice.lines.reduce((total, line) => total + toCents(line.amount), 0);
      assert.equal(toCents(invoice.amount), sum, `invoice ${invoice.invoiceId} amount`);
      assert.equal(invoice.amount, Math.round(invoice.amount * 100) / 100);
      assert.ok(invoice.amount > 0);
      assert.equal(invoice.version, 1);
      assert.equal(invoice.dueDate, addDays(invoice.issuedOn, PAYMENT_TERM_DAYS));
      assert.equal(invoice.issuedOn, addDays(invoice.periodEnd, 1));
      assert.ok(invoice.issuedOn <= ANCHOR);
      const subscription = subscriptions.get(invoice.subscriptionId);
      assert.ok(subscription && subscription.status !== 'cancelled' && invoice.periodStart >= subscription.startDate);
    }
  });

  it('records payments whose outstandingAfter follows the billing rules and never overpay', () => {
    const invoices = new Map(dataset.invoices.map((i) => [i.invoiceId, i]));
    const subscriptions = new Map(dataset.subscriptions.map((s) => [s.subscriptionId, s]));
    const byInvoice = new Map<number, Payment[]>();
    for (const p of dataset.payments) byInvoice.set(p.invoiceId, [...(byInvoice.get(p.invoiceId) ?? []), p]);
    for (const [invoiceId, payments] of byInvoice) {
      const invoice = invoices.get(invoiceId);
      assert.ok(invoice);
      payments.forEach((payment, index) => {
        assert.equal(payment.paymentId, `pay-${invoiceId}-${index + 1}`);
        assert.equal(payment.outstandingAfter, outstandingAmount(invoice, payments.slice(0, index + 1)), payment.paymentId);
        assert.equal(payment.failureReason === null, payment.status === 'succeeded', payment.paymentId);
        assert.equal(payment.idempotencyKey, null);
        assert.ok(payment.amount > 0 && payment.paidAt.slice(0, 10) >= invoice.issuedOn && payment.paidAt.slice(0, 10) < ANCHOR);
        if (payment.method === 'direct_debit') assert.ok(subscriptions.get(invoice.subscriptionId)?.autopayEnabled);
      });
      const paid = payments.filter((p) => p.status === 'succeeded').reduce((sum, p) => sum + toCents(p.amount), 0);
      assert.ok(paid <= toCents(invoice.amount), `invoice ${invoiceId} overpaid`);
    }
    const failed = dataset.payments.filter((p) => p.status === 'failed');
    assert.ok(failed.length > 0 && failed.length < dataset.payments.length / 10);
  });

  it('prices every overage line per the policy from the usage of its period', () => {
    const subscriptions = new Map(dataset.subscriptions.map((s) => [s.subscriptionId, s]));
    const used = new Map<string, number>();
    for (const day of dataset.usage) used.set(`${day.subscriptionId}/${day.date}`, day.dataGb);
    let checked = 0;
    for (const invoice of dataset.invoices) {
      const lines = invoice.lines.filter((line) => line.description.startsWith(OVERAGE_LINE_PREFIX));
      const subscription = subscriptions.get(invoice.subscriptionId);
      assert.ok(subscription);
      if (subscription.dataCapGb === null) assert.equal(lines.length, 0);
      if (invoice.periodStart < addDays(ANCHOR, -90) || invoice.periodStart < subscription.startDate) continue;
      let cents = 0;
      for (let day = invoice.periodStart; day <= invoice.periodEnd; day = addDays(day, 1)) cents += Math.round((used.get(`${invoice.subscriptionId}/${day}`) ?? 0) * 100);
      const gb = overageGb(cents / 100, subscription.dataCapGb);
      assert.equal(lines.reduce((sum, line) => sum + line.amount, 0), gb * DATA_OVERAGE_EUR_PER_GB, `invoice ${invoice.invoiceId}`);
      checked += 1;
    }
    assert.ok(checked > 200);
    const withOverage = dataset.invoices.filter((i) => i.lines.some((l) => l.description.startsWith(OVERAGE_LINE_PREFIX)));
    const capped = dataset.invoices.filter((i) => subscriptions.get(i.subscriptionId)?.dataCapGb != null);
    assert.ok(withOverage.length > 0 && withOverage.length < capped.length / 4, 'usage should mostly stay under the cap');
  });

  it('keeps daily usage to the last 90 days, with roaming and calls only where they apply', () => {
    const subscriptions = new Map(dataset.subscriptions.map((s) => [s.subscriptionId, s]));
    const products = new Map(dataset.products.map((p) => [p.productId, p]));
    for (const day of dataset.usage) {
      const subscription = subscriptions.get(day.subscriptionId);
      const product = products.get(subscription?.productId ?? 0);
      assert.ok(subscription && product && subscription.status !== 'cancelled');
      assert.ok(day.date >= addDays(ANCHOR, -90) && day.date < ANCHOR && day.date >= subscription.startDate);
      assert.notEqual(product.category, 'tv');
      assert.ok(day.dataGb >= 0 && day.roamingDataGb <= day.dataGb);
      if (!subscription.roamingEnabled) assert.equal(day.roamingDataGb, 0);
      if (product.category === 'internet') assert.equal(day.voiceMinutes + day.smsCount, 0);
    }
    assert.ok(dataset.usage.some((day) => day.roamingDataGb > 0));
  });

  it('closes tickets after they open and only when resolved or closed', () => {
    for (const ticket of dataset.tickets) {
      assert.equal(ticket.closedAt === null, OPEN_TICKET_STATUSES.includes(ticket.status), `ticket ${ticket.ticketId}`);
      if (ticket.closedAt !== null) assert.ok(ticket.closedAt > ticket.openedAt && ticket.closedAt < ANCHOR);
      assert.ok(ticket.openedAt < ANCHOR);
      assert.equal(ticket.idempotencyKey, null);
    }
  });

  it('keeps returns inside the return window and refunds due per the refund term', () => {
    for (const order of dataset.orders) {
      assert.ok(order.orderedOn < ANCHOR);
      if (order.returnReceivedOn === null) {
        assert.equal(order.refundStatus, 'none');
        assert.equal(order.refundDueBy, null);
        continue;
      }
      assert.ok(order.deliveredOn !== null && daysBetween(order.deliveredOn, order.returnReceivedOn) <= RETURN_WINDOW_DAYS);
      assert.equal(order.refundDueBy, addDays(order.returnReceivedOn, REFUND_DAYS));
      assert.equal(order.refundStatus, order.status === 'refunded' ? 'issued' : 'pending');
    }
  });

  it('gives generated customers 2 to 6 sign-in events, mostly successful', () => {
    const generated = dataset.customers.filter((c) => c.customerId < SCENARIO_CUSTOMER_IDS.first || c.customerId > SCENARIO_CUSTOMER_IDS.last);
    assert.equal(generated.length, 250);
    for (const customer of generated) {
      const events = dataset.securityEvents.filter((e) => e.customerId === customer.customerId);
      assert.ok(events.length >= 2 && events.length <= 6, `customer ${customer.customerId} has ${events.length}`);
    }
    const successes = dataset.securityEvents.filter((e) => e.eventType === 'login_success').length;
    assert.ok(successes > dataset.securityEvents.length * 0.6);
  });

  it('has promotions running, ended and announced, and incidents across the known cities', () => {
    assert.ok(dataset.promotions.some((p) => p.endDate < ANCHOR));
    assert.ok(dataset.promotions.some((p) => p.startDate > ANCHOR));
    assert.ok(dataset.promotions.filter((p) => p.startDate <= ANCHOR && ANCHOR <= p.endDate).length >= 4);
    const cities: readonly string[] = CITIES;
    for (const incident of dataset.incidents) {
      assert.ok(cities.includes(incident.area), incident.area);
      assert.equal(incident.resolvedAt === null, incident.status !== 'resolved');
    }
  });
});
