// pay_invoice: records a payment on an invoice. Never above the outstanding amount, never on a
// paid invoice, and retry-safe: a repeat with the same idempotency_key (scoped to the invoice)
// returns the first payment and pays nothing twice, even when the calls race.
import * as z from 'zod';
import { todayOf } from '../../time/clock.js';
import { assertPaymentAllowed, invoiceStatus, outstandingAmount, toCents, toEuros } from '../../domain/billing/billing-rules.js';
import { PAYMENT_METHODS, type Payment } from '../../domain/billing/invoice.js';
import { ConflictError } from '../../errors/domain-error.js';
import { ROLES } from '../../identity/principal.js';
import { defineTool } from '../../mcp/define-tool.js';
import { idSchema } from '../common/schemas.js';
import { idempotencyKeySchema, MUTATING } from '../common/mutations.js';
import { paymentSchema, paymentView } from './billing-views.js';

export const payInvoice = defineTool({
  name: 'pay_invoice',
  title: 'Pay an invoice',
  description:
    'Records a payment of `amount` EUR on an invoice and returns the payment and the new outstanding amount. Refused above the outstanding amount or on a paid invoice. Pass an idempotency_key so a retry after a timeout cannot pay twice.',
  input: z.object({
    invoice_id: idSchema('invoice'),
    amount: z.number().positive().max(1_000_000).describe('Amount in EUR, at most two decimals'),
    method: z.enum(PAYMENT_METHODS).default('credit_card').describe('Payment method (default credit_card)'),
    idempotency_key: idempotencyKeySchema.optional(),
  }),
  output: z.object({
    payment: paymentSchema,
    invoice_id: z.number().int(),
    outstanding: z.number().describe('Outstanding on the invoice right after this payment'),
    invoice_status: z.enum(['paid', 'partially_paid', 'unpaid', 'overdue']),
    replayed: z.boolean().describe('True when this answers a repeat of an earlier call with the same idempotency_key'),
  }),
  roles: [ROLES.write],
  annotations: MUTATING,
  async handler(input, ctx) {
    const now = ctx.clock.now();
    const key = input.idempotency_key ?? null;
    let status: ReturnType<typeof invoiceStatus> = 'unpaid';
    const decision = await ctx.store.billing.addPayment(input.invoice_id, (invoice, payments) => {
      const prior = key === null ? undefined : payments.find((p) => p.idempotencyKey === key);
      if (prior) {
        if (toCents(prior.amount) !== toCents(input.amount) || prior.method !== input.method) {
          throw new ConflictError(`idempotency_key was already used on invoice ${invoice.invoiceId} for a different payment`, { field: 'idempotency_key' });
        }
        // The first answer: the invoice as it stood right after that payment.
        status = invoiceStatus(invoice, payments.slice(0, payments.indexOf(prior) + 1), todayOf(ctx.clock));
        return { kind: 'replay', payment: prior };
      }
      assertPaymentAllowed(invoice, payments, input.amount);
      const payment: Payment = {
        paymentId: `pay-${ctx.newId()}`,
        invoiceId: invoice.invoiceId,
        customerId: invoice.customerId,
        amount: toEuros(toCents(input.amount)),
        method: input.method,
        status: 'succeeded',
        paidAt: now.toISOString(),
        failureReason: null,
        idempotencyKey: key,
        outstandingAfter: toEuros(toCents(outstandingAmount(invoice, payments)) - toCents(input.amount)),
      };
      status = invoiceStatus(invoice, [...payments, payment], todayOf(ctx.clock));
      return { kind: 'new', payment };
    });
    return {
      payment: paymentView(decision.payment),
      invoice_id: decision.payment.invoiceId,
      outstanding: decision.payment.outstandingAfter,
      invoice_status: status,
      replayed: decision.kind === 'replay',
    };
  },
  summarize: (r) =>
    `${r.replayed ? 'Already recorded (same idempotency_key): ' : ''}Payment ${r.payment.payment_id} of EUR ${r.payment.amount.toFixed(2)} ` +
    `by ${r.payment.method} on invoice #${r.invoice_id}; outstanding now EUR ${r.outstanding.toFixed(2)} [${r.invoice_status}].`,
});
