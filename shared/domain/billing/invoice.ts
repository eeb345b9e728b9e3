// Invoices and payments. An invoice's outstanding amount is derived from its succeeded
// payments; `version` guards concurrent payments (an ETag in Cosmos DB, a counter in SQLite).

export interface InvoiceLine {
  description: string;
  /** EUR, two decimals; negative for credits. */
  amount: number;
}

export interface Invoice {
  invoiceId: number;
  customerId: number;
  subscriptionId: number;
  /** YYYY-MM-DD */
  periodStart: string;
  periodEnd: string;
  issuedOn: string;
  dueDate: string;
  /** Total due in EUR: the sum of the lines. */
  amount: number;
  lines: InvoiceLine[];
  /** Bumped by every payment; writes are conditional on it. */
  version: number;
}

export const PAYMENT_METHODS = ['credit_card', 'debit_card', 'bank_transfer', 'direct_debit', 'paypal'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_STATUSES = ['succeeded', 'failed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export interface Payment {
  paymentId: string;
  invoiceId: number;
  customerId: number;
  amount: number;
  method: PaymentMethod;
  status: PaymentStatus;
  /** ISO date-time */
  paidAt: string;
  /** Why a failed payment failed (e.g. "card declined"); null when it succeeded. */
  failureReason: string | null;
  /** The caller's idempotency key, when one was given. */
  idempotencyKey: string | null;
  /** Outstanding amount on the invoice right after this payment (what the payer was told). */
  outstandingAfter: number;
}

/** An invoice with every payment made on it, in the order they were made. */
export interface InvoiceWithPayments {
  invoice: Invoice;
  payments: Payment[];
}
