// Turns a list of payment attempts on an invoice into Payment records: ids in attempt order,
// the amount defaulting to what is still outstanding, and outstandingAfter computed with the
// same billing rules the pay_invoice tool uses. Refuses attempts that would overpay.
import { outstandingAmount, toCents } from '../domain/billing/billing-rules.js';
import type { Invoice, Payment, PaymentMethod } from '../domain/billing/invoice.js';
import { paymentIdFor } from './seed-ids.js';

export interface PaymentAttempt {
  /** ISO date-time */
  paidAt: string;
  method: PaymentMethod;
  /** EUR; defaults to the whole outstanding amount. */
  amount?: number;
  /** Set for a failed attempt. */
  failureReason?: string;
}

export function makePayments(invoice: Invoice, attempts: readonly PaymentAttempt[]): Payment[] {
  const payments: Payment[] = [];
  attempts.forEach((attempt, index) => {
    const outstanding = outstandingAmount(invoice, payments);
    const amount = attempt.amount ?? outstanding;
    if (attempt.failureReason === undefined && toCents(amount) > toCents(outstanding)) {
      throw new Error(`seed bug: payment ${index + 1} overpays invoice ${invoice.invoiceId}`);
    }
    const payment: Payment = {
      paymentId: paymentIdFor(invoice.invoiceId, index + 1),
      invoiceId: invoice.invoiceId,
      customerId: invoice.customerId,
      amount,
      method: attempt.method,
      status: attempt.failureReason === undefined ? 'succeeded' : 'failed',
      paidAt: attempt.paidAt,
      failureReason: attempt.failureReason ?? null,
      idempotencyKey: null,
      outstandingAfter: 0,
    };
    payment.outstandingAfter = outstandingAmount(invoice, [...payments, payment]);
    payments.push(payment);
  });
  return payments;
}
