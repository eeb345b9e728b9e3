// pay_invoice: records a payment on an invoice. Never above the outstanding amount, never on a
// paid invoice, and retry-safe: a repeat by the same caller with the same idempotency_key on the
// same invoice returns the first payment and pays nothing twice, even when the calls race. The
// key belongs to its caller: the same key from another caller or tenant is a new payment.
import * as z from 'zod';
import { todayOf } from '../../time/clock.js';
import { assertPaymentAllowed, invoiceStatus, outstandingAmount, toCents, toEuros, type InvoiceStatus } from '../../domain/billing/billing-rules.js';
import { PAYMENT_METHODS, type Invoice, type Payment, type PaymentMethod } from '../../domain/billing/invoice.js';
import { ConflictError } from '../../errors/domain-error.js';
import { ROLES } from '../../identity/principal.js';
import { defineTool } from '../../mcp/define-tool.js';
import type { PaymentDecision } from '../../storage/contoso-store.js';
import { idSchema } from '../common/schemas.js';
import { idempotencyKeySchema, MUTATING, scopedIdempotencyKey } from '../common/mutations.js';
import { paymentSchema, paymentView } from './billing-views.js';

/** One pay_invoice call, with the id and time its payment gets if it is new. */
interface PaymentRequest {
  amount: number;
  method: PaymentMethod;
  idempotencyKey: string | null;
  paymentId: string;
  paidAt: string;
  today: string;
}

type PaymentOutcome = PaymentDecision & { invoiceStatus: InvoiceStatus };

/**
 * What the request means for the invoice given every payment made before: a replay of the
 * payment made with the same idempotency key, or a new payment the billing rules allow. Pure,
 * so the store may run it again after a conflicting write.
 */
function decidePayment(request: PaymentRequest, invoice: Invoice, payments: readonly Payment[]): PaymentOutcome {
  const key = request.idempotencyKey;
  const prior = key === null ? undefined : payments.find((p) => p.idempotencyKey === key);
  if (prior) {
    if (toCents(prior.amount) !== toCents(request.amount) || prior.method !== request.method) {
      throw new ConflictError(`idempotency_key was already used on invoice ${invoice.invoiceId} for a different payment`, { field: 'idempotency_key' });
    }
    // The first answer: the invoice as it stood right after that payment.
    const invoiceStatusThen = invoiceStatus(invoice, payments.slice(0, payments.indexOf(prior) + 1), request.today);
    return { kind: 'replay', payment: prior, invoiceStatus: invoiceStatusThen };
  }
  assertPaymentAllowed(invoice, payments, request.amount);
  const payment: Payment = {
    paymentId: request.paymentId,
    invoiceId: invoice.invoiceId,
    customerId: invoice.customerId,
    amount: toEuros(toCents(request.amount)),
    method: request.method,
    status: 'succeeded',
    paidAt: request.paidAt,
    failureReason: null,
    idempotencyKey: key,
    outstandingAfter: toEuros(toCents(outstandingAmount(invoice, payments)) - toCents(request.amount)),
  };
  return { kind: 'new', payment, invoiceStatus: invoiceStatus(invoice, [...payments, payment], request.today) };
}

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
    const request: PaymentRequest = {
      amount: input.amount,
      method: input.method,
      idempotencyKey: input.idempotency_key === undefined ? null : scopedIdempotencyKey(ctx.caller, 'pay_invoice', input.invoice_id, input.idempotency_key),
      paymentId: `pay-${ctx.newId()}`,
      paidAt: ctx.clock.now().toISOString(),
      today: todayOf(ctx.clock),
    };
    const outcome = await ctx.store.billing.addPayment(input.invoice_id, (invoice, payments) => decidePayment(request, invoice, payments));
    return {
      payment: paymentView(outcome.payment),
      invoice_id: outcome.payment.invoiceId,
      outstanding: outcome.payment.outstandingAfter,
      invoice_status: outcome.invoiceStatus,
      replayed: outcome.kind === 'replay',
    };
  },
  summarize: (r) =>
    `${r.replayed ? 'Already recorded (same idempotency_key): ' : ''}Payment ${r.payment.payment_id} of EUR ${r.payment.amount.toFixed(2)} ` +
    `by ${r.payment.method} on invoice #${r.invoice_id}; outstanding now EUR ${r.outstanding.toFixed(2)} [${r.invoice_status}].`,
});
