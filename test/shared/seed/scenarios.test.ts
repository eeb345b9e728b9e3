// The nine support scenarios: each one's defining facts hold in the generated dataset whatever
// the customer count, their records do not depend on that count, and each comes with a
// knowledge-base question whose expected policy exists. docs/scenarios.md documents every scenario.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { invoiceStatus } from '../../../shared/domain/billing/billing-rules.js';
import { isActiveOn, isEligible } from '../../../shared/domain/promotions/promotion.js';
import { OPEN_TICKET_STATUSES } from '../../../shared/domain/support/support-ticket.js';
import { canonicalJson } from '../../../shared/seed/canonical-json.js';
import { addDays, daysBetween } from '../../../shared/time/calendar.js';
import { generateDataset } from '../../../shared/seed/generate-dataset.js';
import { OVERAGE_LINE_PREFIX } from '../../../shared/seed/invoice-builder.js';
import { FAILED_SIGN_INS_BEFORE_LOCK, RETURN_WINDOW_DAYS } from '../../../shared/seed/policy-terms.js';
import { SCENARIO_QUESTIONS, SCENARIOS } from '../../../shared/seed/scenarios/scenario-list.js';
import { SCENARIO_CUSTOMER_IDS } from '../../../shared/seed/seed-ids.js';
import type { SeedDataset } from '../../../shared/storage/seed-dataset.js';

const ANCHOR = '2026-03-15';

const SUPPORT_TOOLS = [
  'get_all_customers', 'get_customer_detail', 'get_subscription_detail', 'get_products', 'get_product_detail',
  'get_invoice_payments', 'pay_invoice', 'get_billing_summary', 'get_data_usage', 'update_subscription', 'get_promotions',
  'get_eligible_promotions', 'get_customer_orders', 'get_support_tickets', 'create_support_ticket', 'search_knowledge_base',
  'get_security_logs', 'unlock_account',
];

/** One scenario customer's records in a dataset, with lookups the checks need. */
function view(dataset: SeedDataset, customerId: number) {
  const customer = dataset.customers.find((c) => c.customerId === customerId);
  assert.ok(customer, `customer ${customerId} missing`);
  const subscriptions = dataset.subscriptions.filter((s) => s.customerId === customerId);
  const subscriptionIds = new Set(subscriptions.map((s) => s.subscriptionId));
  const product = (productId: number) => {
    const found = dataset.products.find((p) => p.productId === productId);
    assert.ok(found);
    return found;
  };
  return {
    customer,
    subscriptions,
    product,
    invoices: dataset.invoices.filter((i) => i.customerId === customerId),
    payments: dataset.payments.filter((p) => p.customerId === customerId),
    usage: dataset.usage.filter((u) => subscriptionIds.has(u.subscriptionId)),
    tickets: dataset.tickets.filter((t) => t.customerId === customerId),
    orders: dataset.orders.filter((o) => o.customerId === customerId),
    events: dataset.securityEvents.filter((e) => e.customerId === customerId),
  };
}

const overageLines = (lines: ReadonlyArray<{ description: string }>) => lines.filter((l) => l.description.startsWith(OVERAGE_LINE_PREFIX));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const usedGb = (usage: ReadonlyArray<{ date: string; dataGb: number }>, from: string, to: string) =>
  usage.filter((u) => u.date >= from && u.date <= to).reduce((sum, u) => sum + u.dataGb, 0);
const isOpen = (t: { status: (typeof OPEN_TICKET_STATUSES)[number] | 'resolved' | 'closed' }) => OPEN_TICKET_STATUSES.includes(t.status);

type Check = (dataset: SeedDataset) => void;

/** The good answer of the scenario with this slug (it quotes record numbers the checks verify). */
const answerOf = (slug: string) => SCENARIOS.find((s) => s.slug === slug)?.goodAnswer ?? '';

const CHECKS: Record<string, Check> = {
  'bill-shock': (dataset) => {
    const v = view(dataset, 251);
    const [subscription] = v.subscriptions;
    assert.ok(subscription && subscription.dataCapGb !== null && subscription.dataCapGb <= 5, 'a mobile plan with a small cap');
    assert.equal(v.product(subscription.productId).category, 'mobile');
    assert.equal(v.invoices.length, 6);
    const newest = v.invoices.at(-1);
    assert.ok(newest);
    const earlier = v.invoices.slice(0, -1);
    assert.ok(newest.amount > 3 * median(earlier.map((i) => i.amount)), 'newest invoice is far above the usual');
    assert.ok(overageLines(newest.lines).length >= 1);
    for (const invoice of earlier) assert.equal(overageLines(invoice.lines).length, 0);
    assert.ok(usedGb(v.usage, newest.periodStart, newest.periodEnd) > 3 * subscription.dataCapGb, 'usage far over the cap');
    assert.ok(answerOf('bill-shock').includes(`newest invoice (${newest.invoiceId}, EUR ${newest.amount.toFixed(2)})`));
  },
  'slow-internet-incident': (dataset) => {
    const v = view(dataset, 252);
    const [subscription] = v.subscriptions;
    assert.ok(subscription);
    assert.match(v.product(subscription.productId).name, /^Fibre/);
    assert.equal(subscription.serviceStatus, 'degraded');
    const incident = dataset.incidents.find((i) => i.area === v.customer.city && i.category === 'internet' && i.status === 'open');
    assert.ok(incident?.expectedResolutionAt && incident.expectedResolutionAt > ANCHOR);
    const open = v.tickets.filter(isOpen);
    assert.equal(open.length, 1);
    assert.match(`${open[0]?.subject} ${open[0]?.description}`, /slow|Mbit/i);
  },
  'roaming-off-traveller': (dataset) => {
    const v = view(dataset, 253);
    const [subscription] = v.subscriptions;
    assert.ok(subscription);
    const product = v.product(subscription.productId);
    assert.equal(product.category, 'mobile');
    assert.equal(product.roamingAvailable, true);
    assert.equal(subscription.roamingEnabled, false);
    assert.ok(v.usage.length > 0 && v.usage.every((u) => u.roamingDataGb === 0));
  },
  'locked-account': (dataset) => {
    const v = view(dataset, 254);
    assert.equal(v.customer.accountStatus, 'locked');
    const last = v.events.at(-1);
    assert.equal(last?.eventType, 'account_locked');
    const failed = v.events.slice(-1 - FAILED_SIGN_INS_BEFORE_LOCK, -1);
    assert.ok(failed.every((e) => e.eventType === 'login_failed'), 'failed sign-ins right before the lock');
    assert.equal(new Set(failed.map((e) => e.ipAddress)).size, 1, 'all from one address');
    const first = failed[0];
    assert.ok(first && last && Date.parse(last.occurredAt) - Date.parse(first.occurredAt) <= 15 * 60_000);
    const earlierIps = v.events.filter((e) => e.eventType === 'login_success').map((e) => e.ipAddress);
    assert.ok(earlierIps.length > 0 && !earlierIps.includes(first.ipAddress), 'the failing address is unfamiliar');
  },
  'loyalty-promotions': (dataset) => {
    const v = view(dataset, 255);
    const level = v.customer.loyaltyLevel;
    assert.ok(level === 'Gold' || level === 'Platinum');
    const active = dataset.promotions.filter((p) => isActiveOn(p, ANCHOR));
    assert.ok(active.filter((p) => isEligible(p, level, ANCHOR) && p.eligibleLoyaltyLevels.includes(level)).length >= 2);
    assert.ok(active.some((p) => !isEligible(p, level, ANCHOR)), 'one running promotion is not for this level');
    assert.ok(dataset.promotions.some((p) => p.startDate > ANCHOR && p.eligibleLoyaltyLevels.includes(level)), 'an announced one for this level');
  },
  'device-return-refund': (dataset) => {
    const v = view(dataset, 256);
    const returned = v.orders.filter((o) => o.status === 'returned');
    assert.equal(returned.length, 1);
    const [order] = returned;
    assert.ok(order?.returnReceivedOn && order.deliveredOn && order.refundDueBy);
    assert.equal(order.refundStatus, 'pending');
    assert.ok(order.returnReceivedOn < ANCHOR && daysBetween(order.returnReceivedOn, ANCHOR) <= 7, 'received a few days ago');
    assert.ok(daysBetween(order.deliveredOn, order.returnReceivedOn) <= RETURN_WINDOW_DAYS, 'inside the return window');
    assert.ok(order.refundDueBy > ANCHOR, 'refund not yet due');
    assert.ok(answerOf('device-return-refund').includes(`(order ${order.orderId}, EUR ${order.amount.toFixed(2)})`));
  },
  'dropped-calls': (dataset) => {
    const v = view(dataset, 257);
    const [subscription] = v.subscriptions;
    assert.ok(subscription);
    assert.equal(v.product(subscription.productId).category, 'mobile');
    const open = v.tickets.filter((t) => t.category === 'network' && isOpen(t));
    assert.ok(open.length >= 2 && open.length <= 3);
    for (const ticket of open) {
      assert.match(ticket.subject, /drop/i);
      assert.match(`${ticket.subject} ${ticket.description}`, /Overlake, Redmond/);
      assert.ok(daysBetween(ticket.openedAt.slice(0, 10), ANCHOR) <= 30);
    }
    assert.ok(!dataset.incidents.some((i) => i.area === v.customer.city && i.category === 'mobile' && i.status !== 'resolved'));
    assert.ok(answerOf('dropped-calls').includes(`(${open.map((t) => t.ticketId).join(', ')})`));
  },
  'overdue-suspended': (dataset) => {
    const v = view(dataset, 258);
    const [subscription] = v.subscriptions;
    assert.equal(subscription?.status, 'suspended');
    assert.equal(subscription?.serviceStatus, 'suspended');
    const overdue = v.invoices.filter((i) => i.dueDate <= addDays(ANCHOR, -30));
    const unpaid = overdue.filter((i) => {
      const payments = v.payments.filter((p) => p.invoiceId === i.invoiceId);
      return invoiceStatus(i, payments, ANCHOR) === 'overdue';
    });
    assert.equal(unpaid.length, 1);
    const payments = v.payments.filter((p) => p.invoiceId === unpaid[0]?.invoiceId);
    assert.equal(payments.length, 2);
    assert.ok(payments.every((p) => p.status === 'failed' && p.failureReason));
    assert.ok(answerOf('overdue-suspended').includes(`invoice ${unpaid[0]?.invoiceId} of EUR ${unpaid[0]?.amount.toFixed(2)}`));
    assert.ok(v.invoices.every((i) => i.dueDate <= addDays(ANCHOR, -30)), 'no invoice issued while suspended');
  },
  'data-overage-charge': (dataset) => {
    const v = view(dataset, 259);
    const [subscription] = v.subscriptions;
    assert.ok(subscription);
    const charged = v.invoices.filter((i) => overageLines(i.lines).length > 0);
    assert.equal(charged.length, 1);
    const [invoice] = charged;
    assert.ok(invoice && daysBetween(invoice.issuedOn, ANCHOR) <= 31, 'a recent invoice');
    assert.equal(invoice.lines.length, 2, 'plan fee and one overage line');
    assert.equal(overageLines(invoice.lines).length, 1);
    assert.ok(usedGb(v.usage, invoice.periodStart, invoice.periodEnd) > (subscription.dataCapGb ?? Infinity));
    const fee = v.product(subscription.productId).monthlyFee;
    for (const other of v.invoices.filter((i) => i !== invoice)) assert.equal(other.amount, fee);
    assert.equal(invoice, v.invoices.at(-1), 'the charged invoice is the newest');
    assert.ok(answerOf('data-overage-charge').includes(`newest invoice (${invoice.invoiceId}, EUR ${invoice.amount.toFixed(2)})`));
  },
};

describe('support scenarios', () => {
  it('are customers 251 to 259 in the workshop\'s order, with unique slugs and known tools', () => {
    assert.deepEqual(
      SCENARIOS.map((s) => [s.customerId, s.slug]),
      [
        [251, 'bill-shock'],
        [252, 'slow-internet-incident'],
        [253, 'roaming-off-traveller'],
        [254, 'locked-account'],
        [255, 'loyalty-promotions'],
        [256, 'device-return-refund'],
        [257, 'dropped-calls'],
        [258, 'overdue-suspended'],
        [259, 'data-overage-charge'],
      ],
    );
    assert.deepEqual(
      SCENARIOS.map((s) => s.customerId),
      Array.from({ length: SCENARIO_CUSTOMER_IDS.last - SCENARIO_CUSTOMER_IDS.first + 1 }, (_, i) => SCENARIO_CUSTOMER_IDS.first + i),
    );
    assert.equal(new Set(SCENARIOS.map((s) => s.slug)).size, SCENARIOS.length);
    for (const scenario of SCENARIOS) {
      assert.match(scenario.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(scenario.tools.length > 0);
      for (const tool of scenario.tools) assert.ok(SUPPORT_TOOLS.includes(tool), `${scenario.slug}: unknown tool ${tool}`);
      assert.ok(CHECKS[scenario.slug], `no check for ${scenario.slug}`);
    }
  });

  for (const customerCount of [0, 250]) {
    const dataset = generateDataset({ customerCount, anchorDate: ANCHOR });
    for (const scenario of SCENARIOS) {
      it(`${scenario.customerId} ${scenario.slug} holds with ${customerCount} generated customers`, () => {
        CHECKS[scenario.slug]?.(dataset);
      });
    }
  }

  it("builds the same records whatever the customer count", () => {
    const ids = new Set(SCENARIOS.map((s) => s.customerId));
    const own = (dataset: SeedDataset) =>
      canonicalJson(
        Object.fromEntries(
          (['customers', 'subscriptions', 'invoices', 'payments', 'tickets', 'orders', 'securityEvents'] as const).map((name) => [
            name,
            (dataset[name] as ReadonlyArray<{ customerId: number }>).filter((r) => ids.has(r.customerId)),
          ]),
        ),
      );
    assert.equal(own(generateDataset({ customerCount: 0, anchorDate: ANCHOR })), own(generateDataset({ customerCount: 250, anchorDate: ANCHOR })));
  });

  it('quote only their own customer id and record numbers', () => {
    const dataset = generateDataset({ customerCount: 250, anchorDate: ANCHOR });
    let quoted = 0;
    for (const scenario of SCENARIOS) {
      assert.match(scenario.situation, new RegExp(`\\(customer ${scenario.customerId}\\)`), scenario.slug);
      const v = view(dataset, scenario.customerId);
      const own = new Set([...v.invoices.map((i) => i.invoiceId), ...v.orders.map((o) => o.orderId), ...v.tickets.map((t) => t.ticketId)]);
      // Record numbers have five or more digits (customer id × 100 + n and up); amounts, GB and days fewer.
      for (const number of `${scenario.situation} ${scenario.goodAnswer}`.match(/(?<![\d.])\d{5,}(?![\d.])/g) ?? []) {
        assert.ok(own.has(Number(number)), `${scenario.slug} quotes ${number}, which is not one of its records`);
        quoted += 1;
      }
    }
    assert.equal(quoted, 7, 'the invoices, order and tickets the answers quote');
  });

  it('ask knowledge-base questions whose expected policy exists', () => {
    const { knowledge } = generateDataset({ customerCount: 0, anchorDate: ANCHOR });
    const slugs = new Set(knowledge.map((k) => k.slug));
    assert.equal(SCENARIO_QUESTIONS.length, SCENARIOS.length);
    for (const question of SCENARIO_QUESTIONS) {
      assert.ok(slugs.has(question.expectedSlug), `${question.scenarioSlug}: no document ${question.expectedSlug}`);
      assert.ok(question.question.split(/\s+/).length >= 6);
    }
  });

  it('are each documented in docs/scenarios.md with the tools that reveal them', () => {
    const section = fs.readFileSync('docs/scenarios.md', 'utf8');
    for (const scenario of SCENARIOS) {
      const row = section.split('\n').find((line) => line.startsWith(`| ${scenario.customerId} |`));
      assert.ok(row, `no docs/scenarios.md row for scenario ${scenario.customerId}`);
      assert.ok(row.includes(scenario.situation), `docs/scenarios.md row ${scenario.customerId} lacks the situation`);
      assert.ok(row.includes(scenario.goodAnswer), `docs/scenarios.md row ${scenario.customerId} lacks the good answer`);
      for (const tool of scenario.tools) assert.ok(row.includes(`\`${tool}\``), `docs/scenarios.md row ${scenario.customerId} lacks ${tool}`);
    }
    assert.match(section, /open_incidents/);
  });
});
