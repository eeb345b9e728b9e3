// Snake_case schemas and views of invoices and payments shared by the billing tools.
import * as z from 'zod';
import { invoiceStatus, outstandingAmount, paidAmount } from '../../domain/billing/billing-rules.js';
import { PAYMENT_METHODS, PAYMENT_STATUSES, type Invoice, type Payment } from '../../domain/billing/invoice.js';
import { isoDate } from '../common/schemas.js';

export const paymentSchema = z.object({
  payment_id: z.string(),
  invoice_id: z.number().int(),
  amount: z.number(),
  method: z.enum(PAYMENT_METHODS),
  status: z.enum(PAYMENT_STATUSES),
  paid_at: z.string(),
  failure_reason: z.string().nullable(),
});

export const invoiceSummarySchema = z.object({
  invoice_id: z.number().int(),
  subscription_id: z.number().int(),
  period_start: isoDate,
  period_end: isoDate,
  issued_on: isoDate,
  due_date: isoDate,
  amount: z.number().describe('Total due in EUR'),
  paid: z.number(),
  outstanding: z.number(),
  status: z.enum(['paid', 'partially_paid', 'unpaid', 'overdue']),
});

export function paymentView(p: Payment): z.input<typeof paymentSchema> {
  return {
    payment_id: p.paymentId,
    invoice_id: p.invoiceId,
    amount: p.amount,
    method: p.method,
    status: p.status,
    paid_at: p.paidAt,
    failure_reason: p.failureReason,
  };
}

export function invoiceSummaryView(invoice: Invoice, payments: readonly Payment[], today: string): z.input<typeof invoiceSummarySchema> {
  return {
    invoice_id: invoice.invoiceId,
    subscription_id: invoice.subscriptionId,
    period_start: invoice.periodStart,
    period_end: invoice.periodEnd,
    issued_on: invoice.issuedOn,
    due_date: invoice.dueDate,
    amount: invoice.amount,
    paid: paidAmount(payments),
    outstanding: outstandingAmount(invoice, payments),
    status: invoiceStatus(invoice, payments, today),
  };
}
