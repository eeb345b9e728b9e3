// Builders, reads and assertions the store contract's sections share.
import assert from 'node:assert/strict';
import { assertPaymentAllowed, outstandingAmount, toCents, toEuros } from '../../../../shared/domain/billing/billing-rules.js';
import type { Invoice, Payment } from '../../../../shared/domain/billing/invoice.js';
import type { SupportTicket } from '../../../../shared/domain/support/support-ticket.js';
import { DomainError, NotFoundError } from '../../../../shared/errors/domain-error.js';
import type { ContosoStore, PaymentDecision } from '../../../../shared/storage/contoso-store.js';

/** A decide function for a card payment of `amount` that honours `key` and the no-overpay rule. */
export function pay(amount: number, paymentId: string, key: string | null) {
  return (invoice: Invoice, payments: readonly Payment[]): PaymentDecision => {
    const prior = key === null ? undefined : payments.find((p) => p.idempotencyKey === key);
    if (prior) return { kind: 'replay', payment: prior };
    assertPaymentAllowed(invoice, payments, amount);
    const outstandingAfter = toEuros(toCents(outstandingAmount(invoice, payments)) - toCents(amount));
    return {
      kind: 'new',
      payment: {
        paymentId,
        invoiceId: invoice.invoiceId,
        customerId: invoice.customerId,
        amount,
        method: 'credit_card',
        status: 'succeeded',
        paidAt: '2026-03-15T10:00:00.000Z',
        failureReason: null,
        idempotencyKey: key,
        outstandingAfter,
      },
    };
  };
}

/** The payments stored on an invoice, in the order they were made ([] for an unknown invoice). */
export async function paymentsOf(store: ContosoStore, invoiceId: number): Promise<Payment[]> {
  return (await store.billing.getInvoiceWithPayments(invoiceId))?.payments ?? [];
}

/** The stored invoice, or undefined. */
export async function invoiceOf(store: ContosoStore, invoiceId: number): Promise<Invoice | undefined> {
  return (await store.billing.getInvoiceWithPayments(invoiceId))?.invoice;
}

export function ticketDraft(customerId: number, subscriptionId: number): Omit<SupportTicket, 'ticketId' | 'idempotencyKey'> {
  return {
    customerId,
    subscriptionId,
    category: 'technical',
    priority: 'normal',
    status: 'open',
    subject: 'No signal at home',
    description: 'Since this morning.',
    openedAt: '2026-03-15T09:00:00.000Z',
    closedAt: null,
  };
}

export function securityEvent(eventId: string, customerId: number, occurredAt: string) {
  return { eventId, customerId, eventType: 'account_unlocked' as const, occurredAt, ipAddress: null, detail: 'Unlocked by an agent' };
}

export function notFound(entity: string, id: number) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof NotFoundError, `expected NotFoundError, got ${String(error)}`);
    assert.ok(error instanceof DomainError);
    assert.deepEqual(error.details, { entity, id });
    return true;
  };
}
