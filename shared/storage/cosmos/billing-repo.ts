// Invoices in the Cosmos DB store: each invoice document embeds its payments (and so their
// idempotency keys), in the customer's partition. addPayment is one conditional replace of that
// document decided against every payment it holds, so racing payments never overpay and a key
// never pays twice. By id through the lookup document; a customer's in one partition query.
import type { Container } from '@azure/cosmos';
import type { Invoice, InvoiceWithPayments, Payment } from '../../domain/billing/invoice.js';
import { ConflictError, NotFoundError } from '../../errors/domain-error.js';
import type { BillingRepo, PaymentDecision } from '../contoso-store.js';
import type { KeyedQueue } from '../keyed-queue.js';
import { updateConditionally } from './conditional-update.js';
import type { CosmosOps } from './cosmos-ops.js';
import { docIds, type InvoiceDoc } from './documents.js';
import type { Lookups } from './lookups.js';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Payments in the order they were made (paid time, then payment id). */
export function paymentOrder(a: Payment, b: Payment): number {
  return byText(a.paidAt, b.paidAt) || byText(a.paymentId, b.paymentId);
}

function withPayments(doc: InvoiceDoc): InvoiceWithPayments {
  return { invoice: doc.data, payments: [...doc.payments].sort(paymentOrder) };
}

export function createCosmosBillingRepo(ops: CosmosOps, customers: Container, lookups: Lookups, queue: KeyedQueue): BillingRepo {
  return {
    async getInvoiceWithPayments(invoiceId) {
      const found = await lookups.readDoc<InvoiceDoc>(customers, 'invoice', invoiceId, docIds.invoice(invoiceId));
      return found === null ? null : withPayments(found.doc);
    },
    async listInvoicesWithPayments(customerId) {
      const docs = await ops.query<InvoiceDoc>(
        customers,
        { query: "SELECT * FROM c WHERE c.customerId = @customerId AND c.kind = 'invoice'", parameters: [{ name: '@customerId', value: customerId }] },
        customerId,
      );
      return docs
        .map(withPayments)
        .sort((a, b) => byText(b.invoice.periodStart, a.invoice.periodStart) || b.invoice.invoiceId - a.invoice.invoiceId);
    },
    async addPayment<D extends PaymentDecision>(invoiceId: number, decide: (invoice: Invoice, payments: readonly Payment[]) => D): Promise<D> {
      const missing = (): never => {
        throw new NotFoundError('Invoice', invoiceId);
      };
      const customerId = await lookups.customerOf('invoice', invoiceId);
      if (customerId === null) return missing();
      return updateConditionally<InvoiceDoc, D>(ops, queue, {
        container: customers,
        id: docIds.invoice(invoiceId),
        partitionKey: customerId,
        missing,
        decide(stored) {
          const { invoice, payments } = withPayments(stored);
          const decision = decide(invoice, payments);
          if (decision.kind === 'replay') return { result: decision };
          const payment = decision.payment;
          if (payment.invoiceId !== invoiceId || payment.customerId !== invoice.customerId) {
            throw new TypeError('A new payment must belong to the invoice it is added to');
          }
          if (payments.some((p) => p.paymentId === payment.paymentId || (payment.idempotencyKey !== null && p.idempotencyKey === payment.idempotencyKey))) {
            throw new ConflictError(`Invoice ${invoiceId} already has payment ${payment.paymentId} or one with its idempotency key`, { invoice_id: invoiceId });
          }
          const next: InvoiceDoc = { ...stored, data: { ...invoice, version: invoice.version + 1 }, payments: [...payments, payment] };
          return { result: decision, next };
        },
      });
    },
  };
}
