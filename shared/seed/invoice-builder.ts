// Builds seeded invoices and their lines. Amounts are summed in cents (billing-rules) so an
// invoice's amount is exactly the sum of its lines; overage is priced per the overage policy.
import { toCents, toEuros } from '../domain/billing/billing-rules.js';
import type { Invoice, InvoiceLine } from '../domain/billing/invoice.js';
import type { Product } from '../domain/products/product.js';
import type { Subscription } from '../domain/subscriptions/subscription.js';
import type { BillingPeriod } from './billing-periods.js';
import { DATA_OVERAGE_EUR_PER_GB } from './policy-terms.js';

export const OVERAGE_LINE_PREFIX = 'Data overage';

export function planFeeLine(product: Product): InvoiceLine {
  return { description: `${product.name} monthly fee`, amount: product.monthlyFee };
}

/** GB billed as overage: every started GB above the cap, or 0 when within it or uncapped. */
export function overageGb(usedGb: number, capGb: number | null): number {
  if (capGb === null) return 0;
  const excessCents = toCents(usedGb) - toCents(capGb);
  return excessCents > 0 ? Math.ceil(excessCents / 100) : 0;
}

/** The overage line for `usedGb` in a period, or null when there is none. */
export function overageLine(usedGb: number, capGb: number | null): InvoiceLine | null {
  const gb = overageGb(usedGb, capGb);
  if (gb === 0 || capGb === null) return null;
  return {
    description: `${OVERAGE_LINE_PREFIX}: ${gb} GB above the ${capGb} GB allowance at EUR ${DATA_OVERAGE_EUR_PER_GB.toFixed(2)}/GB`,
    amount: gb * DATA_OVERAGE_EUR_PER_GB,
  };
}

export interface InvoiceDraft {
  invoiceId: number;
  subscription: Subscription;
  period: BillingPeriod;
  lines: InvoiceLine[];
}

/** A fresh seeded invoice (version 1); its amount is the sum of its lines. */
export function makeInvoice(draft: InvoiceDraft): Invoice {
  const lines = draft.lines.map((line) => ({ description: line.description, amount: toEuros(toCents(line.amount)) }));
  return {
    invoiceId: draft.invoiceId,
    customerId: draft.subscription.customerId,
    subscriptionId: draft.subscription.subscriptionId,
    periodStart: draft.period.periodStart,
    periodEnd: draft.period.periodEnd,
    issuedOn: draft.period.issuedOn,
    dueDate: draft.period.dueDate,
    amount: toEuros(lines.reduce((sum, line) => sum + toCents(line.amount), 0)),
    lines,
    version: 1,
  };
}
