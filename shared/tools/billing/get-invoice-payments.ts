// get_invoice_payments: an invoice's lines and every payment attempt on it, with what is owed.
import * as z from 'zod';
import { todayOf } from '../../time/clock.js';
import { NotFoundError } from '../../errors/domain-error.js';
import { ROLES } from '../../identity/principal.js';
import { defineTool } from '../../mcp/define-tool.js';
import { idSchema, READ_ONLY } from '../common/schemas.js';
import { invoiceSummarySchema, invoiceSummaryView, paymentSchema, paymentView } from './billing-views.js';

export const getInvoicePayments = defineTool({
  name: 'get_invoice_payments',
  title: 'Invoice payments',
  description:
    'Returns an invoice (lines, amount, due date, status) with every payment attempt on it, including failed ones and why they failed, and the amount still outstanding.',
  input: z.object({ invoice_id: idSchema('invoice') }),
  output: invoiceSummarySchema.extend({
    customer_id: z.number().int(),
    lines: z.array(z.object({ description: z.string(), amount: z.number() })),
    payments: z.array(paymentSchema),
  }),
  roles: [ROLES.read],
  annotations: READ_ONLY,
  async handler(input, ctx) {
    const found = await ctx.store.billing.getInvoiceWithPayments(input.invoice_id);
    if (!found) throw new NotFoundError('Invoice', input.invoice_id);
    const { invoice, payments } = found;
    return {
      ...invoiceSummaryView(invoice, payments, todayOf(ctx.clock)),
      customer_id: invoice.customerId,
      lines: invoice.lines.map((line) => ({ description: line.description, amount: line.amount })),
      payments: payments.map(paymentView),
    };
  },
  summarize: (i) =>
    `Invoice #${i.invoice_id} (${i.period_start} to ${i.period_end}, due ${i.due_date}): EUR ${i.amount.toFixed(2)}, ` +
    `paid ${i.paid.toFixed(2)}, outstanding ${i.outstanding.toFixed(2)} [${i.status}]. Lines: ` +
    i.lines.map((l) => `${l.description} ${l.amount.toFixed(2)}`).join('; ') +
    `. Payments: ${i.payments.map((p) => `${p.paid_at.slice(0, 10)} ${p.method} ${p.amount.toFixed(2)} ${p.status}${p.failure_reason ? ` (${p.failure_reason})` : ''}`).join('; ') || 'none'}.`,
});
