// Usage, invoices and payments of one generated subscription: six monthly periods (fewer if
// it started recently), daily usage mostly under the cap, and payments by the customer's
// habits. A suspended line stops at its unpaid invoice, which carries failed payments.
import type { Invoice, Payment } from '../domain/billing/invoice.js';
import type { Product } from '../domain/products/product.js';
import type { Subscription } from '../domain/subscriptions/subscription.js';
import type { DailyUsage } from '../domain/usage/data-usage.js';
import { billingHistory } from './billing-history.js';
import { billingPeriods, periodIndexOf, type BillingPeriod } from './billing-periods.js';
import { addDays, daysBetween } from '../time/calendar.js';
import { settleGeneratedInvoice } from './generate-payments.js';
import { SUSPEND_AFTER_OVERDUE_DAYS } from './policy-terms.js';
import type { Random } from './prng.js';
import { hasUsage, USAGE_HISTORY_DAYS, usageSeries } from './usage-series.js';

export const GENERATED_BILLING_MONTHS = 6;

export interface SubscriptionActivity {
  invoices: Invoice[];
  payments: Payment[];
  usage: DailyUsage[];
}

export function generateActivity(
  billingRandom: Random,
  usageRandom: Random,
  subscription: Subscription,
  product: Product,
  anchorDate: string,
): SubscriptionActivity {
  if (subscription.status === 'cancelled') return { invoices: [], payments: [], usage: [] };
  const cycleOffset = billingRandom.int(0, 12);
  let periods = billingPeriods(anchorDate, cycleOffset, GENERATED_BILLING_MONTHS).filter((p) => p.periodStart >= subscription.startDate);
  let lastUsageDay = addDays(anchorDate, -1);
  let unpaidIndex = -1;
  if (subscription.status === 'suspended') {
    // The newest invoice far enough past due to have suspended the line is the unpaid one.
    unpaidIndex = periods.findLastIndex((p) => addDays(p.dueDate, SUSPEND_AFTER_OVERDUE_DAYS) < anchorDate);
    periods = periods.slice(0, unpaidIndex + 1);
    const unpaid = periods[unpaidIndex];
    // Usage runs to the last day before suspension; a line suspended before its first invoice has none.
    lastUsageDay = unpaid ? addDays(unpaid.dueDate, SUSPEND_AFTER_OVERDUE_DAYS) : addDays(subscription.startDate, -1);
  }
  const usage = hasUsage(product) ? generatedUsage(usageRandom, subscription, product, periods, anchorDate, lastUsageDay) : [];
  const history = billingHistory({
    subscription,
    product,
    periods,
    usage,
    extraLines: () => (billingRandom.chance(0.06) ? [{ description: 'Loyalty credit', amount: -billingRandom.int(2, 8) }] : []),
    settle: (invoice, index) => settleGeneratedInvoice(billingRandom, invoice, subscription.autopayEnabled, anchorDate, index === unpaidIndex),
  });
  const firstShown = addDays(anchorDate, -USAGE_HISTORY_DAYS);
  return { ...history, usage: usage.filter((day) => day.date >= firstShown) };
}

/** Usage from the first billed period (or the last 90 days) to `to`, around per-period targets. */
function generatedUsage(
  random: Random,
  subscription: Subscription,
  product: Product,
  periods: readonly BillingPeriod[],
  anchorDate: string,
  to: string,
): DailyUsage[] {
  const historyStart = addDays(anchorDate, -USAGE_HISTORY_DAYS);
  const firstPeriod = periods[0]?.periodStart ?? historyStart;
  const earliest = firstPeriod < historyStart ? firstPeriod : historyStart;
  const from = earliest < subscription.startDate ? subscription.startDate : earliest;
  const base = baseMonthlyGb(random, product);
  // One target per billed period, plus one for the current, not yet billed, period.
  const targets = Array.from({ length: periods.length + 1 }, () => base * monthlyFactor(random, product));
  const abroadFrom = subscription.roamingEnabled && random.chance(0.4) ? addDays(anchorDate, -random.int(5, 80)) : null;
  const abroadDays = random.int(3, 10);
  return usageSeries(random, {
    subscription,
    product,
    from,
    to,
    monthlyDataGb: (date) => targets[periodIndexOf(periods, date)] ?? base,
    abroad: (date) => abroadFrom !== null && date >= abroadFrom && daysBetween(abroadFrom, date) < abroadDays,
  });
}

/** A line's usual monthly data: a share of its cap, or a typical figure when uncapped. */
function baseMonthlyGb(random: Random, product: Product): number {
  if (product.dataCapGb !== null) return product.dataCapGb;
  if (product.category === 'internet') return random.int(150, 700);
  return random.int(8, 60);
}

/** Mostly well under the cap; about one month in ten goes over it. */
function monthlyFactor(random: Random, product: Product): number {
  if (product.dataCapGb === null) return 0.7 + random.next() * 0.6;
  return random.chance(0.1) ? 1.03 + random.next() * 0.3 : 0.35 + random.next() * 0.55;
}
