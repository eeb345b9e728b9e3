// The whole Contoso dataset as plain records: what the seed generator produces, what a store
// bulk-loads and what exportAll() returns. Every collection is ordered by its id.
import type { Customer } from '../domain/customers/customer.js';
import type { Invoice, Payment } from '../domain/billing/invoice.js';
import type { ServiceIncident } from '../domain/incidents/service-incident.js';
import type { KnowledgeDocument } from '../domain/knowledge/knowledge-document.js';
import type { Order } from '../domain/orders/order.js';
import type { Product } from '../domain/products/product.js';
import type { Promotion } from '../domain/promotions/promotion.js';
import type { SecurityEvent } from '../domain/security/security-event.js';
import type { Subscription } from '../domain/subscriptions/subscription.js';
import type { SupportTicket } from '../domain/support/support-ticket.js';
import type { DailyUsage } from '../domain/usage/data-usage.js';

export interface SeedDataset {
  customers: Customer[];
  products: Product[];
  subscriptions: Subscription[];
  invoices: Invoice[];
  /** Ordered by invoiceId, then paidAt, then paymentId. */
  payments: Payment[];
  /** Ordered by subscriptionId, then date. */
  usage: DailyUsage[];
  tickets: SupportTicket[];
  promotions: Promotion[];
  orders: Order[];
  incidents: ServiceIncident[];
  /** Ordered by customerId, then occurredAt, then eventId. */
  securityEvents: SecurityEvent[];
  knowledge: KnowledgeDocument[];
}

/** The collection names of a dataset, in a fixed order. */
export const DATASET_COLLECTIONS = [
  'customers',
  'products',
  'subscriptions',
  'invoices',
  'payments',
  'usage',
  'tickets',
  'promotions',
  'orders',
  'incidents',
  'securityEvents',
  'knowledge',
] as const satisfies ReadonlyArray<keyof SeedDataset>;

export interface SeedState {
  /** Version of the generator; a reseed happens when it changes. */
  generatorVersion: number;
  customerCount: number;
  anchorDate: string;
  /** ISO time the seed was written. */
  seededAt: string;
}
