// Customers in the Cosmos DB store: a point read in the customer's partition; paging by keyset
// over customer ids (the one cross-partition read of the hot tools, bounded by TOP); update() as
// one conditional replace of the customer document that also carries the new security events
// (pendingEvents), which are then copied to documents of their own under their deterministic ids.
import type { Container } from '@azure/cosmos';
import type { Customer } from '../../domain/customers/customer.js';
import { NotFoundError } from '../../errors/domain-error.js';
import type { CustomerChange, CustomerRepo } from '../contoso-store.js';
import { decodeCursor, encodeCursor } from '../id-cursor.js';
import type { Page, PageRequest } from '../page.js';
import type { KeyedQueue } from '../keyed-queue.js';
import { updateConditionally } from './conditional-update.js';
import type { CosmosOps } from './cosmos-ops.js';
import { type CustomerDoc, docIds, securityEventDoc } from './documents.js';

/** Copies a customer's pending security events to their own documents, then empties the list if nobody wrote since. */
export async function flushPendingEvents(ops: CosmosOps, customers: Container, customerId: number): Promise<void> {
  const stored = await ops.read<CustomerDoc>(customers, docIds.customer(customerId), customerId);
  if (stored === null || stored.doc.pendingEvents.length === 0) return;
  // Upserts under deterministic ids: copying an event twice writes the same document.
  await Promise.all(stored.doc.pendingEvents.map((event) => ops.upsert(customers, securityEventDoc(event))));
  await ops.replaceIfMatch(customers, { ...stored.doc, pendingEvents: [] }, customerId, stored.etag);
}

export function createCosmosCustomerRepo(ops: CosmosOps, customers: Container, queue: KeyedQueue): CustomerRepo {
  return {
    async get(customerId) {
      return (await ops.read<CustomerDoc>(customers, docIds.customer(customerId), customerId))?.doc.data ?? null;
    },
    async list(page: PageRequest): Promise<Page<Customer>> {
      const after = decodeCursor(page.cursor);
      const docs = await ops.query<CustomerDoc>(customers, {
        query: "SELECT TOP @top * FROM c WHERE c.kind = 'customer' AND c.customerId > @after ORDER BY c.customerId",
        parameters: [
          { name: '@top', value: page.limit + 1 },
          { name: '@after', value: after },
        ],
      });
      const items = docs.slice(0, page.limit).map((doc) => doc.data);
      const last = items.at(-1);
      return { items, nextCursor: docs.length > page.limit && last ? encodeCursor(last.customerId) : null };
    },
    async count() {
      const [count] = await ops.query<number>(customers, { query: "SELECT VALUE COUNT(1) FROM c WHERE c.kind = 'customer'" });
      return count ?? 0;
    },
    async update<C extends CustomerChange>(customerId: number, decide: (current: Customer) => C): Promise<C> {
      const change = await updateConditionally<CustomerDoc, C>(ops, queue, {
        container: customers,
        id: docIds.customer(customerId),
        partitionKey: customerId,
        missing: () => {
          throw new NotFoundError('Customer', customerId);
        },
        decide(stored) {
          const result = decide(stored.data);
          if (result.customer.customerId !== customerId) throw new TypeError('A customer change must keep the customer id');
          for (const event of result.events) {
            if (event.customerId !== customerId) throw new TypeError('A customer change may only add events of that customer');
          }
          const pending = [...stored.pendingEvents.filter((e) => !result.events.some((n) => n.eventId === e.eventId)), ...result.events];
          return { result, next: { ...stored, schemaVersion: stored.schemaVersion, data: result.customer, pendingEvents: pending } };
        },
      });
      if (change.events.length > 0) await flushPendingEvents(ops, customers, customerId);
      return change;
    },
  };
}
