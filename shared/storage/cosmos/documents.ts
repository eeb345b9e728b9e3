// The documents the Cosmos DB store keeps: their kinds, ids, partition keys and schema version.
// Everything about one customer lives in that customer's partition of the `customers` container;
// ids tools receive without the customer resolve through a small lookup document; the catalogue,
// incidents, seed marker and audit records live in containers of their own (see docs/cosmos.md).
import { createHash } from 'node:crypto';
import type { AuditRecord } from '../../domain/audit/audit-record.js';
import type { Invoice, Payment } from '../../domain/billing/invoice.js';
import type { Customer } from '../../domain/customers/customer.js';
import type { ServiceIncident } from '../../domain/incidents/service-incident.js';
import type { DocumentVector, KnowledgeDocument } from '../../domain/knowledge/knowledge-document.js';
import type { Order } from '../../domain/orders/order.js';
import type { Product } from '../../domain/products/product.js';
import type { Promotion } from '../../domain/promotions/promotion.js';
import type { SecurityEvent } from '../../domain/security/security-event.js';
import type { Subscription } from '../../domain/subscriptions/subscription.js';
import type { SupportTicket } from '../../domain/support/support-ticket.js';
import type { DailyUsage } from '../../domain/usage/data-usage.js';
import type { SeedState } from '../seed-dataset.js';

/** Written into every document; a reader meeting a newer version knows it must not guess. */
export const SCHEMA_VERSION = 1;

interface Versioned {
  id: string;
  schemaVersion: number;
}

/** Documents of the `customers` container, partitioned by `/customerId`. */
export interface CustomerDoc extends Versioned {
  kind: 'customer';
  customerId: number;
  data: Customer;
  /**
   * Security events written by the last changes of this customer, committed with the customer in
   * one conditional replace and copied to their own documents afterwards (an outbox): readers see
   * them either way, so customer and events change together even if the copy is interrupted.
   */
  pendingEvents: SecurityEvent[];
}

export interface RecordDoc<K extends string, T> extends Versioned {
  kind: K;
  customerId: number;
  data: T;
}

export type SubscriptionDoc = RecordDoc<'subscription', Subscription>;
export type OrderDoc = RecordDoc<'order', Order>;
export type TicketDoc = RecordDoc<'ticket', SupportTicket>;
export type SecurityEventDoc = RecordDoc<'securityEvent', SecurityEvent>;

/** An invoice with its payments (and so their idempotency keys): one document, one atomic write. */
export interface InvoiceDoc extends RecordDoc<'invoice', Invoice> {
  payments: Payment[];
}

/** One subscription's usage over one calendar month, a row per day (not a document per day). */
export interface UsageMonthDoc extends Versioned {
  kind: 'usageMonth';
  customerId: number;
  subscriptionId: number;
  /** YYYY-MM */
  month: string;
  days: Array<Omit<DailyUsage, 'subscriptionId'>>;
}

export type CustomerPartitionDoc = CustomerDoc | SubscriptionDoc | InvoiceDoc | UsageMonthDoc | OrderDoc | TicketDoc | SecurityEventDoc;

/** `lookups` container, partitioned by `/id`: where an id given without its customer lives. */
export interface LookupDoc extends Versioned {
  kind: 'lookup';
  customerId: number;
}

export const LOOKUP_KINDS = ['invoice', 'subscription', 'order', 'ticket'] as const;
export type LookupKind = (typeof LOOKUP_KINDS)[number];

/** `catalogue` container, partitioned by `/kind`: small, read whole or by id. */
export type CatalogueDoc =
  | (Versioned & { kind: 'product'; data: Product })
  | (Versioned & { kind: 'promotion'; data: Promotion })
  | (Versioned & { kind: 'knowledge'; data: KnowledgeDocument; searchText: string })
  /** A knowledge document's embedding under one model: not part of the dataset (replaceAll deletes it). */
  | (Versioned & { kind: 'knowledge-vector'; model: string; data: DocumentVector });

/** `incidents` container, partitioned by `/area`: a subscription's open incidents are one partition. */
export interface IncidentDoc extends Versioned {
  kind: 'incident';
  area: string;
  data: ServiceIncident;
}

/** `meta` container, partitioned by `/id`: the seed marker and the ticket id counter. */
export type MetaDoc = (Versioned & { kind: 'seedState'; state: SeedState }) | (Versioned & { kind: 'counter'; value: number });

export const SEED_STATE_ID = 'seed-state';
export const TICKET_COUNTER_ID = 'counter-ticket';

/** `audit` container, partitioned by `/day`, with a default TTL: operator records only. */
export interface AuditDoc extends Versioned {
  kind: 'audit';
  day: string;
  /** `at`, then a per-store sequence: newest first even within one millisecond. */
  sortKey: string;
  data: AuditRecord;
}

/** Cosmos ids may not hold `/ \ ? #`; any id that could is hashed instead. */
export function safeIdPart(value: string): string {
  return /^[A-Za-z0-9._:-]{1,200}$/.test(value) ? value : `h-${createHash('sha256').update(value).digest('base64url')}`;
}

export const docIds = {
  customer: (customerId: number) => `customer-${customerId}`,
  subscription: (subscriptionId: number) => `subscription-${subscriptionId}`,
  invoice: (invoiceId: number) => `invoice-${invoiceId}`,
  order: (orderId: number) => `order-${orderId}`,
  /** A ticket with an idempotency key is stored under the key, so creating it twice collides. */
  ticket: (ticketId: number, idempotencyKey: string | null) =>
    idempotencyKey === null ? `ticket-${ticketId}` : `ticket-key-${createHash('sha256').update(idempotencyKey).digest('base64url')}`,
  securityEvent: (eventId: string) => `security-${safeIdPart(eventId)}`,
  usageMonth: (subscriptionId: number, month: string) => `usage-${subscriptionId}-${month}`,
  lookup: (kind: LookupKind, id: number) => `${kind}-${id}`,
  product: (productId: number) => `product-${productId}`,
  promotion: (promotionId: number) => `promotion-${promotionId}`,
  knowledge: (documentId: number) => `knowledge-${documentId}`,
  knowledgeVector: (model: string, documentId: number) => `knowledge-vector-${safeIdPart(model)}-${documentId}`,
  incident: (incidentId: number) => `incident-${incidentId}`,
};

/** The text Cosmos full-text search ranks: title and tags repeated to weigh them as SQLite's BM25 does (3, 2, 1). */
export function knowledgeSearchText(document: KnowledgeDocument): string {
  const tags = document.tags.join(' ');
  return [document.title, document.title, document.title, tags, tags, document.content].join('\n');
}

export function customerDoc(customer: Customer, pendingEvents: SecurityEvent[] = []): CustomerDoc {
  return { id: docIds.customer(customer.customerId), kind: 'customer', schemaVersion: SCHEMA_VERSION, customerId: customer.customerId, data: customer, pendingEvents };
}

export function subscriptionDoc(subscription: Subscription): SubscriptionDoc {
  return { id: docIds.subscription(subscription.subscriptionId), kind: 'subscription', schemaVersion: SCHEMA_VERSION, customerId: subscription.customerId, data: subscription };
}

export function invoiceDoc(invoice: Invoice, payments: Payment[]): InvoiceDoc {
  return { id: docIds.invoice(invoice.invoiceId), kind: 'invoice', schemaVersion: SCHEMA_VERSION, customerId: invoice.customerId, data: invoice, payments };
}

export function orderDoc(order: Order): OrderDoc {
  return { id: docIds.order(order.orderId), kind: 'order', schemaVersion: SCHEMA_VERSION, customerId: order.customerId, data: order };
}

export function ticketDoc(ticket: SupportTicket): TicketDoc {
  return { id: docIds.ticket(ticket.ticketId, ticket.idempotencyKey), kind: 'ticket', schemaVersion: SCHEMA_VERSION, customerId: ticket.customerId, data: ticket };
}

export function securityEventDoc(event: SecurityEvent): SecurityEventDoc {
  return { id: docIds.securityEvent(event.eventId), kind: 'securityEvent', schemaVersion: SCHEMA_VERSION, customerId: event.customerId, data: event };
}

export function lookupDoc(kind: LookupKind, id: number, customerId: number): LookupDoc {
  return { id: docIds.lookup(kind, id), kind: 'lookup', schemaVersion: SCHEMA_VERSION, customerId };
}

export function usageMonthDocs(usage: readonly DailyUsage[], customerOf: (subscriptionId: number) => number): UsageMonthDoc[] {
  const months = new Map<string, UsageMonthDoc>();
  for (const { subscriptionId, ...day } of usage) {
    const month = day.date.slice(0, 7);
    const id = docIds.usageMonth(subscriptionId, month);
    let doc = months.get(id);
    if (!doc) {
      doc = { id, kind: 'usageMonth', schemaVersion: SCHEMA_VERSION, customerId: customerOf(subscriptionId), subscriptionId, month, days: [] };
      months.set(id, doc);
    }
    doc.days.push(day);
  }
  for (const doc of months.values()) doc.days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return [...months.values()];
}

export function catalogueDocs(products: readonly Product[], promotions: readonly Promotion[], knowledge: readonly KnowledgeDocument[]): CatalogueDoc[] {
  return [
    ...products.map((data): CatalogueDoc => ({ id: docIds.product(data.productId), kind: 'product', schemaVersion: SCHEMA_VERSION, data })),
    ...promotions.map((data): CatalogueDoc => ({ id: docIds.promotion(data.promotionId), kind: 'promotion', schemaVersion: SCHEMA_VERSION, data })),
    ...knowledge.map(
      (data): CatalogueDoc => ({ id: docIds.knowledge(data.documentId), kind: 'knowledge', schemaVersion: SCHEMA_VERSION, data, searchText: knowledgeSearchText(data) }),
    ),
  ];
}

export function incidentDoc(incident: ServiceIncident): IncidentDoc {
  return { id: docIds.incident(incident.incidentId), kind: 'incident', schemaVersion: SCHEMA_VERSION, area: incident.area, data: incident };
}
