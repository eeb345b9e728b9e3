// A whole Contoso dataset as the Cosmos DB store's documents, container by container: what
// replaceAll writes. Deterministic: the same dataset always gives the same documents and ids, so
// writing them again (or concurrently) leaves the same data.
import type { ItemDefinition, PartitionKey } from '@azure/cosmos';
import type { Payment } from '../../domain/billing/invoice.js';
import type { SecurityEvent } from '../../domain/security/security-event.js';
import type { SeedDataset, SeedState } from '../seed-dataset.js';
import type { ContainerName } from './containers.js';
import {
  catalogueDocs,
  customerDoc,
  incidentDoc,
  invoiceDoc,
  lookupDoc,
  type MetaDoc,
  orderDoc,
  SCHEMA_VERSION,
  SEED_STATE_ID,
  securityEventDoc,
  subscriptionDoc,
  TICKET_COUNTER_ID,
  ticketDoc,
  usageMonthDocs,
} from './documents.js';

/** One document to write and the partition it belongs to. */
export interface SeedWrite {
  doc: ItemDefinition & { id: string };
  partitionKey: PartitionKey;
}

export type SeedWrites = Record<Exclude<ContainerName, 'audit' | 'meta'>, SeedWrite[]> & { meta: SeedWrite[] };

const inPartition = <D extends ItemDefinition & { id: string }>(partitionKey: (doc: D) => PartitionKey) => (doc: D): SeedWrite => ({ doc, partitionKey: partitionKey(doc) });

/** Every document of `dataset` except the seed marker, grouped by container. */
export function seedWrites(dataset: SeedDataset): SeedWrites {
  const customerOfSubscription = new Map(dataset.subscriptions.map((s) => [s.subscriptionId, s.customerId]));
  const paymentsByInvoice = new Map<number, Payment[]>();
  for (const payment of dataset.payments) paymentsByInvoice.set(payment.invoiceId, [...(paymentsByInvoice.get(payment.invoiceId) ?? []), payment]);
  const byCustomer = inPartition<{ id: string; customerId: number }>((doc) => doc.customerId);
  const byId = inPartition<{ id: string }>((doc) => doc.id);
  const customerOf = (subscriptionId: number): number => {
    const customerId = customerOfSubscription.get(subscriptionId);
    if (customerId === undefined) throw new TypeError(`Usage of unknown subscription ${subscriptionId}`);
    return customerId;
  };
  const noEvents: SecurityEvent[] = [];
  const maxTicketId = dataset.tickets.reduce((max, ticket) => Math.max(max, ticket.ticketId), 0);
  const counter: MetaDoc = { id: TICKET_COUNTER_ID, kind: 'counter', schemaVersion: SCHEMA_VERSION, value: maxTicketId };
  return {
    customers: [
      ...dataset.customers.map((customer) => customerDoc(customer, noEvents)),
      ...dataset.subscriptions.map(subscriptionDoc),
      ...dataset.invoices.map((invoice) => invoiceDoc(invoice, paymentsByInvoice.get(invoice.invoiceId) ?? [])),
      ...usageMonthDocs(dataset.usage, customerOf),
      ...dataset.orders.map(orderDoc),
      ...dataset.tickets.map(ticketDoc),
      ...dataset.securityEvents.map(securityEventDoc),
    ].map(byCustomer),
    lookups: [
      ...dataset.invoices.map((r) => lookupDoc('invoice', r.invoiceId, r.customerId)),
      ...dataset.subscriptions.map((r) => lookupDoc('subscription', r.subscriptionId, r.customerId)),
      ...dataset.orders.map((r) => lookupDoc('order', r.orderId, r.customerId)),
      ...dataset.tickets.map((r) => lookupDoc('ticket', r.ticketId, r.customerId)),
    ].map(byId),
    catalogue: catalogueDocs(dataset.products, dataset.promotions, dataset.knowledge).map((doc) => ({ doc, partitionKey: doc.kind })),
    incidents: dataset.incidents.map(incidentDoc).map((doc) => ({ doc, partitionKey: doc.area })),
    meta: [byId(counter)],
  };
}

/** The seed marker: written last, so its presence means the whole dataset is there. */
export function seedMarker(state: SeedState): SeedWrite {
  const doc: MetaDoc = { id: SEED_STATE_ID, kind: 'seedState', schemaVersion: SCHEMA_VERSION, state };
  return { doc, partitionKey: SEED_STATE_ID };
}
