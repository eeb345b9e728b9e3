// Puts every collection of a dataset in the order SeedDataset documents: by id, except
// payments (invoice, paidAt, id), usage (subscription, date) and security events (customer,
// occurredAt, id). Stores export in this order, so canonical exports compare equal.
import type { SeedDataset } from '../storage/seed-dataset.js';

const byNumber = <T>(key: (record: T) => number) => (a: T, b: T) => key(a) - key(b);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function sortDataset(dataset: SeedDataset): SeedDataset {
  return {
    customers: [...dataset.customers].sort(byNumber((r) => r.customerId)),
    products: [...dataset.products].sort(byNumber((r) => r.productId)),
    subscriptions: [...dataset.subscriptions].sort(byNumber((r) => r.subscriptionId)),
    invoices: [...dataset.invoices].sort(byNumber((r) => r.invoiceId)),
    payments: [...dataset.payments].sort(
      (a, b) => a.invoiceId - b.invoiceId || byText(a.paidAt, b.paidAt) || byText(a.paymentId, b.paymentId),
    ),
    usage: [...dataset.usage].sort((a, b) => a.subscriptionId - b.subscriptionId || byText(a.date, b.date)),
    tickets: [...dataset.tickets].sort(byNumber((r) => r.ticketId)),
    promotions: [...dataset.promotions].sort(byNumber((r) => r.promotionId)),
    orders: [...dataset.orders].sort(byNumber((r) => r.orderId)),
    incidents: [...dataset.incidents].sort(byNumber((r) => r.incidentId)),
    securityEvents: [...dataset.securityEvents].sort(
      (a, b) => a.customerId - b.customerId || byText(a.occurredAt, b.occurredAt) || byText(a.eventId, b.eventId),
    ),
    knowledge: [...dataset.knowledge].sort(byNumber((r) => r.documentId)),
  };
}
