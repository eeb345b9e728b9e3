// The embedded store's exportAll: every collection read in one read transaction (a consistent
// snapshot) and ordered as SeedDataset documents, so replaceAll(d) then exportAll() gives d back.
import type { SeedDataset } from '../seed-dataset.js';
import { type InvoiceRow, type PaymentRow, toInvoice, toPayment } from './billing-repo.js';
import { type CustomerRow, toCustomer } from './customer-repo.js';
import { type IncidentRow, toIncident } from './incident-repo.js';
import { type KnowledgeRow, toKnowledgeDocument } from './knowledge-repo.js';
import type { SqliteDatabase } from './open-database.js';
import { type OrderRow, toOrder } from './order-repo.js';
import { type ProductRow, toProduct } from './product-repo.js';
import { type PromotionRow, SELECT_PROMOTIONS, toPromotion } from './promotion-repo.js';
import { type SecurityEventRow, toSecurityEvent } from './security-log-repo.js';
import { type SubscriptionRow, toSubscription } from './subscription-repo.js';
import { type TicketRow, toTicket } from './ticket-repo.js';
import { type DailyUsageRow, toDailyUsage } from './usage-repo.js';

/** Builds the statements once and returns exportAll for this database. */
export function createExportAll(db: SqliteDatabase): () => SeedDataset {
  const select = <Row>(sql: string) => db.prepare<[], Row>(sql);
  const q = {
    customers: select<CustomerRow>('SELECT * FROM customers ORDER BY customer_id'),
    products: select<ProductRow>('SELECT * FROM products ORDER BY product_id'),
    subscriptions: select<SubscriptionRow>('SELECT * FROM subscriptions ORDER BY subscription_id'),
    invoices: select<InvoiceRow>('SELECT * FROM invoices ORDER BY invoice_id'),
    payments: select<PaymentRow>('SELECT * FROM payments ORDER BY invoice_id, paid_at, payment_id'),
    usage: select<DailyUsageRow>('SELECT * FROM daily_usage ORDER BY subscription_id, date'),
    tickets: select<TicketRow>('SELECT * FROM tickets ORDER BY ticket_id'),
    promotions: select<PromotionRow>(SELECT_PROMOTIONS),
    orders: select<OrderRow>('SELECT * FROM orders ORDER BY order_id'),
    incidents: select<IncidentRow>('SELECT * FROM incidents ORDER BY incident_id'),
    securityEvents: select<SecurityEventRow>('SELECT * FROM security_events ORDER BY customer_id, occurred_at, event_id'),
    knowledge: select<KnowledgeRow>('SELECT * FROM knowledge ORDER BY document_id'),
  };
  return db.transaction(
    (): SeedDataset => ({
      customers: q.customers.all().map(toCustomer),
      products: q.products.all().map(toProduct),
      subscriptions: q.subscriptions.all().map(toSubscription),
      invoices: q.invoices.all().map(toInvoice),
      payments: q.payments.all().map(toPayment),
      usage: q.usage.all().map(toDailyUsage),
      tickets: q.tickets.all().map(toTicket),
      promotions: q.promotions.all().map(toPromotion),
      orders: q.orders.all().map(toOrder),
      incidents: q.incidents.all().map(toIncident),
      securityEvents: q.securityEvents.all().map(toSecurityEvent),
      knowledge: q.knowledge.all().map(toKnowledgeDocument),
    }),
  );
}
