// The Cosmos DB store's exportAll: every document of the Contoso containers read back (one
// cross-partition query per container) and turned into a dataset in SeedDataset's order, pending
// security events included, so replaceAll(d) then exportAll() gives d back.
import type { DailyUsage } from '../../domain/usage/data-usage.js';
import { sortDataset } from '../../seed/sort-dataset.js';
import type { SeedDataset } from '../seed-dataset.js';
import type { StoreContainers } from './containers.js';
import type { CosmosOps } from './cosmos-ops.js';
import type { CatalogueDoc, CustomerPartitionDoc, IncidentDoc } from './documents.js';

export async function exportAllDocuments(ops: CosmosOps, containers: Pick<StoreContainers, 'customers' | 'catalogue' | 'incidents'>): Promise<SeedDataset> {
  const all = { query: 'SELECT * FROM c' };
  const [records, catalogue, incidents] = await Promise.all([
    ops.query<CustomerPartitionDoc>(containers.customers, all),
    ops.query<CatalogueDoc>(containers.catalogue, all),
    ops.query<IncidentDoc>(containers.incidents, all),
  ]);
  const dataset: SeedDataset = {
    customers: [], products: [], subscriptions: [], invoices: [], payments: [], usage: [], tickets: [],
    promotions: [], orders: [], incidents: incidents.map((doc) => doc.data), securityEvents: [], knowledge: [],
  };
  const events = new Map<string, SeedDataset['securityEvents'][number]>();
  for (const doc of records) {
    switch (doc.kind) {
      case 'customer':
        dataset.customers.push(doc.data);
        for (const event of doc.pendingEvents) events.set(event.eventId, event);
        break;
      case 'subscription':
        dataset.subscriptions.push(doc.data);
        break;
      case 'invoice':
        dataset.invoices.push(doc.data);
        dataset.payments.push(...doc.payments);
        break;
      case 'usageMonth':
        dataset.usage.push(...doc.days.map((day): DailyUsage => ({ subscriptionId: doc.subscriptionId, ...day })));
        break;
      case 'order':
        dataset.orders.push(doc.data);
        break;
      case 'ticket':
        dataset.tickets.push(doc.data);
        break;
      case 'securityEvent':
        if (!events.has(doc.data.eventId)) events.set(doc.data.eventId, doc.data);
        break;
    }
  }
  dataset.securityEvents = [...events.values()];
  for (const doc of catalogue) {
    if (doc.kind === 'product') dataset.products.push(doc.data);
    else if (doc.kind === 'promotion') dataset.promotions.push(doc.data);
    else if (doc.kind === 'knowledge') dataset.knowledge.push(doc.data);
  }
  return sortDataset(dataset);
}
