// Invoices and payments in the embedded store. Reads of invoices with their payments run in one
// read transaction (a consistent snapshot); addPayment reads the invoice and its payments, lets
// the caller decide and writes in one immediate transaction, so idempotency replays and the
// no-overpay rule are checked against exactly the payments the new one joins.
import type { Invoice, InvoiceLine, InvoiceWithPayments, Payment, PaymentMethod, PaymentStatus } from '../../domain/billing/invoice.js';
import { NotFoundError } from '../../errors/domain-error.js';
import type { BillingRepo, PaymentDecision } from '../contoso-store.js';
import { writeOrConflict } from './constraint-error.js';
import type { SqliteDatabase } from './open-database.js';
import { prepareRows } from './row-statement.js';
import { fromJsonArray, toMoney } from './sql-values.js';

export interface InvoiceRow {
  invoice_id: number;
  customer_id: number;
  subscription_id: number;
  period_start: string;
  period_end: string;
  issued_on: string;
  due_date: string;
  amount: number;
  lines: string;
  version: number;
}

export interface PaymentRow {
  payment_id: string;
  invoice_id: number;
  customer_id: number;
  amount: number;
  method: string;
  status: string;
  paid_at: string;
  failure_reason: string | null;
  idempotency_key: string | null;
  outstanding_after: number;
}

export function toInvoice(row: InvoiceRow): Invoice {
  return {
    invoiceId: row.invoice_id,
    customerId: row.customer_id,
    subscriptionId: row.subscription_id,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    issuedOn: row.issued_on,
    dueDate: row.due_date,
    amount: toMoney(row.amount),
    lines: fromJsonArray<InvoiceLine>(row.lines, 'invoices.lines').map((line) => ({
      description: line.description,
      amount: toMoney(line.amount),
    })),
    version: row.version,
  };
}

export function toInvoiceRow(invoice: Invoice): InvoiceRow {
  return {
    invoice_id: invoice.invoiceId,
    customer_id: invoice.customerId,
    subscription_id: invoice.subscriptionId,
    period_start: invoice.periodStart,
    period_end: invoice.periodEnd,
    issued_on: invoice.issuedOn,
    due_date: invoice.dueDate,
    amount: invoice.amount,
    lines: JSON.stringify(invoice.lines.map((line) => ({ description: line.description, amount: line.amount }))),
    version: invoice.version,
  };
}

export function toPayment(row: PaymentRow): Payment {
  return {
    paymentId: row.payment_id,
    invoiceId: row.invoice_id,
    customerId: row.customer_id,
    amount: toMoney(row.amount),
    method: row.method as PaymentMethod,
    status: row.status as PaymentStatus,
    paidAt: row.paid_at,
    failureReason: row.failure_reason,
    idempotencyKey: row.idempotency_key,
    outstandingAfter: toMoney(row.outstanding_after),
  };
}

export function toPaymentRow(payment: Payment): PaymentRow {
  return {
    payment_id: payment.paymentId,
    invoice_id: payment.invoiceId,
    customer_id: payment.customerId,
    amount: payment.amount,
    method: payment.method,
    status: payment.status,
    paid_at: payment.paidAt,
    failure_reason: payment.failureReason,
    idempotency_key: payment.idempotencyKey,
    outstanding_after: payment.outstandingAfter,
  };
}

export const INSERT_INVOICE = `INSERT INTO invoices (invoice_id, customer_id, subscription_id, period_start, period_end,
  issued_on, due_date, amount, lines, version) VALUES (@invoice_id, @customer_id, @subscription_id, @period_start,
  @period_end, @issued_on, @due_date, @amount, @lines, @version)`;

export const INSERT_PAYMENT = `INSERT INTO payments (payment_id, invoice_id, customer_id, amount, method, status, paid_at,
  failure_reason, idempotency_key, outstanding_after) VALUES (@payment_id, @invoice_id, @customer_id, @amount, @method,
  @status, @paid_at, @failure_reason, @idempotency_key, @outstanding_after)`;

type Decide = (invoice: Invoice, payments: readonly Payment[]) => PaymentDecision;

export function createSqliteBillingRepo(db: SqliteDatabase): BillingRepo {
  const invoiceById = prepareRows<[number], InvoiceRow>(db, 'SELECT * FROM invoices WHERE invoice_id = ?');
  const invoicesByCustomer = prepareRows<[number], InvoiceRow>(db, 'SELECT * FROM invoices WHERE customer_id = +? ORDER BY period_start DESC, invoice_id DESC',
  );
  const paymentsByInvoice = prepareRows<[number], PaymentRow>(db, 'SELECT * FROM payments WHERE invoice_id = +? ORDER BY paid_at, payment_id',
  );
  // Through the customer's invoices (not payments.customer_id), so every payment lands under
  // the invoice it was made on, exactly as getInvoiceWithPayments shows it.
  const paymentsByCustomer = prepareRows<[number], PaymentRow>(db, `SELECT p.* FROM invoices AS i JOIN payments AS p ON p.invoice_id = i.invoice_id
      WHERE i.customer_id = +? ORDER BY p.invoice_id, p.paid_at, p.payment_id`,
  );
  const insertPayment = db.prepare<[PaymentRow]>(INSERT_PAYMENT);
  const bumpVersion = db.prepare<[number]>('UPDATE invoices SET version = version + 1 WHERE invoice_id = ?');

  const readInvoice = db.transaction((invoiceId: number): InvoiceWithPayments | null => {
    const row = invoiceById.get(invoiceId);
    return row ? { invoice: toInvoice(row), payments: paymentsByInvoice.all(invoiceId).map(toPayment) } : null;
  });

  const readCustomerInvoices = db.transaction((customerId: number): InvoiceWithPayments[] => {
    const invoices: InvoiceWithPayments[] = invoicesByCustomer.all(customerId).map((row) => ({ invoice: toInvoice(row), payments: [] }));
    const byId = new Map(invoices.map((entry) => [entry.invoice.invoiceId, entry.payments]));
    for (const row of paymentsByCustomer.all(customerId)) byId.get(row.invoice_id)?.push(toPayment(row));
    return invoices;
  });

  const addPayment = db.transaction((invoiceId: number, decide: Decide): PaymentDecision => {
    const row = invoiceById.get(invoiceId);
    if (!row) throw new NotFoundError('Invoice', invoiceId);
    const decision = decide(toInvoice(row), paymentsByInvoice.all(invoiceId).map(toPayment));
    if (decision.kind === 'replay') return decision;
    if (decision.payment.invoiceId !== invoiceId || decision.payment.customerId !== row.customer_id) {
      throw new TypeError('A new payment must belong to the invoice it is added to');
    }
    writeOrConflict(
      () => insertPayment.run(toPaymentRow(decision.payment)),
      `Invoice ${invoiceId} already has payment ${decision.payment.paymentId} or one with its idempotency key`,
      { invoice_id: invoiceId },
    );
    bumpVersion.run(invoiceId);
    return decision;
  });

  return {
    async getInvoiceWithPayments(invoiceId) {
      return readInvoice(invoiceId);
    },
    async listInvoicesWithPayments(customerId) {
      return readCustomerInvoices(customerId);
    },
    async addPayment<D extends PaymentDecision>(invoiceId: number, decide: (invoice: Invoice, payments: readonly Payment[]) => D): Promise<D> {
      // The transaction returns what decide returned, so the narrowing back to D holds.
      return addPayment.immediate(invoiceId, decide) as D;
    },
  };
}
