// Pure billing rules: amounts in cents to avoid float drift, outstanding and status of an
// invoice from its payments, and the checks a new payment must pass.
import { BusinessRuleError, InvalidArgumentError } from '../../errors/domain-error.js';
import type { Invoice, InvoiceWithPayments, Payment } from './invoice.js';

export const toCents = (euros: number): number => Math.round(euros * 100);
export const toEuros = (cents: number): number => Math.round(cents) / 100;

export type InvoiceStatus = 'paid' | 'partially_paid' | 'unpaid' | 'overdue';

export function paidAmount(payments: readonly Payment[]): number {
  return toEuros(payments.filter((p) => p.status === 'succeeded').reduce((sum, p) => sum + toCents(p.amount), 0));
}

export function outstandingAmount(invoice: Invoice, payments: readonly Payment[]): number {
  return toEuros(Math.max(0, toCents(invoice.amount) - toCents(paidAmount(payments))));
}

export function invoiceStatus(invoice: Invoice, payments: readonly Payment[], today: string): InvoiceStatus {
  const outstanding = outstandingAmount(invoice, payments);
  if (outstanding === 0) return 'paid';
  if (invoice.dueDate < today) return 'overdue';
  return paidAmount(payments) > 0 ? 'partially_paid' : 'unpaid';
}

/** What is outstanding on the overdue ones of `invoices` on `today`. */
export function overdueAmount(invoices: readonly InvoiceWithPayments[], today: string): number {
  const overdue = invoices.filter(({ invoice, payments }) => invoiceStatus(invoice, payments, today) === 'overdue');
  return toEuros(overdue.reduce((cents, { invoice, payments }) => cents + toCents(outstandingAmount(invoice, payments)), 0));
}

/** Throws unless `amount` may be paid on the invoice now. */
export function assertPaymentAllowed(invoice: Invoice, payments: readonly Payment[], amount: number): void {
  if (toCents(amount) <= 0 || Math.abs(toCents(amount) - amount * 100) > 1e-6) {
    throw new InvalidArgumentError('amount must be a positive amount in EUR with at most two decimals', { field: 'amount' });
  }
  const outstanding = outstandingAmount(invoice, payments);
  if (outstanding === 0) {
    throw new BusinessRuleError(`Invoice ${invoice.invoiceId} is already paid in full`, { invoice_id: invoice.invoiceId });
  }
  if (toCents(amount) > toCents(outstanding)) {
    throw new BusinessRuleError(
      `Payment of EUR ${amount.toFixed(2)} exceeds the outstanding EUR ${outstanding.toFixed(2)} on invoice ${invoice.invoiceId}`,
      { invoice_id: invoice.invoiceId, outstanding },
    );
  }
}
