// A subscription's invoices and payments over a run of billing periods: plan fee, an overage
// line derived from the period's actual usage, any extra lines, then the payments the caller
// decides. Shared by generated customers (random choices) and scenarios (fixed ones).
import type { Invoice, InvoiceLine, Payment } from '../domain/billing/invoice.js';
import type { Product } from '../domain/products/product.js';
import type { Subscription } from '../domain/subscriptions/subscription.js';
import type { DailyUsage } from '../domain/usage/data-usage.js';
import type { BillingPeriod } from './billing-periods.js';
import { makeInvoice, overageLine, planFeeLine } from './invoice-builder.js';
import { makePayments, type PaymentAttempt } from './payment-builder.js';
import { invoiceIdFor } from './seed-ids.js';
import { dataUsedGb } from './usage-series.js';

export interface BillingHistoryOptions {
  subscription: Subscription;
  product: Product;
  /** Oldest first; invoice n (1-based) is for periods[n - 1]. */
  periods: readonly BillingPeriod[];
  /** Daily usage covering the periods (empty for services without usage). */
  usage: readonly DailyUsage[];
  /** Lines after the plan fee and overage, e.g. credits. */
  extraLines?: (period: BillingPeriod, index: number) => InvoiceLine[];
  /** How the invoice was paid (or not); attempts in time order. */
  settle: (invoice: Invoice, index: number) => PaymentAttempt[];
}

export interface BillingHistory {
  invoices: Invoice[];
  payments: Payment[];
}

export function billingHistory(options: BillingHistoryOptions): BillingHistory {
  const history: BillingHistory = { invoices: [], payments: [] };
  options.periods.forEach((period, index) => {
    const used = dataUsedGb(options.usage, period.periodStart, period.periodEnd);
    const overage = overageLine(used, options.subscription.dataCapGb);
    const invoice = makeInvoice({
      invoiceId: invoiceIdFor(options.subscription.subscriptionId, index + 1),
      subscription: options.subscription,
      period,
      lines: [planFeeLine(options.product), ...(overage ? [overage] : []), ...(options.extraLines?.(period, index) ?? [])],
    });
    history.invoices.push(invoice);
    history.payments.push(...makePayments(invoice, options.settle(invoice, index)));
  });
  return history;
}
