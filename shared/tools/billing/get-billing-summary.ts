// get_billing_summary: every invoice of a customer with paid/outstanding amounts and the total
// owed, from one read of the customer's invoices with their payments. Reports progress per
// invoice summarised when the caller sends a progressToken.
import * as z from 'zod';
import { todayOf } from '../../time/clock.js';
import { toCents, toEuros } from '../../domain/billing/billing-rules.js';
import { ROLES } from '../../identity/principal.js';
import { defineTool } from '../../mcp/define-tool.js';
import { requireCustomer } from '../common/lookups.js';
import { idSchema, READ_ONLY } from '../common/schemas.js';
import { invoiceSummarySchema, invoiceSummaryView } from './billing-views.js';

export const getBillingSummary = defineTool({
  name: 'get_billing_summary',
  title: 'Billing summary',
  description:
    "Summarises a customer's invoices, newest first: amount, paid, outstanding and status (paid, partially_paid, unpaid, overdue) per invoice, plus the total owed and the overdue part. Amounts in EUR.",
  input: z.object({ customer_id: idSchema('customer') }),
  output: z.object({
    customer_id: z.number().int(),
    as_of: z.string(),
    currency: z.literal('EUR'),
    invoices: z.array(invoiceSummarySchema),
    total_owed: z.number(),
    overdue_amount: z.number(),
  }),
  roles: [ROLES.read],
  annotations: READ_ONLY,
  async handler(input, ctx) {
    const [, invoices] = await Promise.all([
      requireCustomer(ctx.store, input.customer_id),
      ctx.store.billing.listInvoicesWithPayments(input.customer_id),
    ]);
    const today = todayOf(ctx.clock);
    const views: Array<ReturnType<typeof invoiceSummaryView>> = [];
    for (const [index, { invoice, payments }] of invoices.entries()) {
      views.push(invoiceSummaryView(invoice, payments, today));
      await ctx.progress(index + 1, invoices.length, `invoice ${invoice.invoiceId}`);
    }
    const sum = (items: typeof views) => toEuros(items.reduce((total, v) => total + toCents(v.outstanding), 0));
    return {
      customer_id: input.customer_id,
      as_of: today,
      currency: 'EUR' as const,
      invoices: views,
      total_owed: sum(views),
      overdue_amount: sum(views.filter((v) => v.status === 'overdue')),
    };
  },
  summarize: (s) =>
    `Customer #${s.customer_id} owes EUR ${s.total_owed.toFixed(2)} (overdue ${s.overdue_amount.toFixed(2)}) as of ${s.as_of}. ` +
    s.invoices.map((i) => `#${i.invoice_id} ${i.issued_on} EUR ${i.amount.toFixed(2)} outstanding ${i.outstanding.toFixed(2)} [${i.status}]`).join('; '),
});
