// A customer's security events in the Cosmos DB store: one single-partition query for the event
// documents plus the customer document's pending events (written with the customer, not yet
// copied; see customer-repo.ts), merged by event id, newest first.
import type { Container } from '@azure/cosmos';
import type { SecurityEvent } from '../../domain/security/security-event.js';
import type { SecurityLogRepo } from '../contoso-store.js';
import type { CosmosOps } from './cosmos-ops.js';
import { type CustomerDoc, docIds, type SecurityEventDoc } from './documents.js';

const newestFirst = (a: SecurityEvent, b: SecurityEvent) =>
  a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : a.eventId < b.eventId ? 1 : a.eventId > b.eventId ? -1 : 0;

/** Every security event of a customer (stored and pending), deduplicated, in no particular order. */
export async function allSecurityEvents(ops: CosmosOps, customers: Container, customerId: number): Promise<SecurityEvent[]> {
  const [docs, customer] = await Promise.all([
    ops.query<SecurityEventDoc>(
      customers,
      { query: "SELECT * FROM c WHERE c.customerId = @customerId AND c.kind = 'securityEvent'", parameters: [{ name: '@customerId', value: customerId }] },
      customerId,
    ),
    ops.read<CustomerDoc>(customers, docIds.customer(customerId), customerId),
  ]);
  const byId = new Map(docs.map((doc) => [doc.data.eventId, doc.data]));
  for (const event of customer?.doc.pendingEvents ?? []) byId.set(event.eventId, event);
  return [...byId.values()];
}

export function createCosmosSecurityLogRepo(ops: CosmosOps, customers: Container): SecurityLogRepo {
  return {
    async listByCustomer(customerId, limit) {
      const rows = limit >= 1 ? Math.min(Math.floor(limit), Number.MAX_SAFE_INTEGER) : 0;
      if (rows === 0) return [];
      return (await allSecurityEvents(ops, customers, customerId)).sort(newestFirst).slice(0, rows);
    },
  };
}
