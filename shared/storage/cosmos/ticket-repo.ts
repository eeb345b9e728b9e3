// Support tickets in the Cosmos DB store, in the customer's partition. A new ticket's id comes
// from an atomic counter (a patch increment of the meta container's counter document); a ticket
// with an idempotency key is stored under an id derived from that key, so of two racing creates
// with one key exactly one is written and the other replays it. The lookup document that maps
// the ticket id to its customer is written before the ticket, which is the call's last write.
import type { Container } from '@azure/cosmos';
import type { SupportTicket } from '../../domain/support/support-ticket.js';
import { NotFoundError, UnavailableError } from '../../errors/domain-error.js';
import type { TicketRepo } from '../contoso-store.js';
import type { CosmosOps } from './cosmos-ops.js';
import { type CustomerDoc, docIds, lookupDoc, SCHEMA_VERSION, TICKET_COUNTER_ID, ticketDoc, type TicketDoc } from './documents.js';

type TicketDraft = Omit<SupportTicket, 'ticketId'>;

export interface TicketContainers {
  customers: Container;
  lookups: Container;
  meta: Container;
}

export function createCosmosTicketRepo(ops: CosmosOps, containers: TicketContainers): TicketRepo {
  const { customers, lookups, meta } = containers;

  const keyed = async (draft: TicketDraft) =>
    draft.idempotencyKey === null ? null : ops.read<TicketDoc>(customers, docIds.ticket(0, draft.idempotencyKey), draft.customerId);

  const nextTicketId = async (): Promise<number> => {
    const next = await ops.increment(meta, TICKET_COUNTER_ID, TICKET_COUNTER_ID, '/value');
    if (next !== null) return next;
    // No counter yet (a store never seeded): start one; a racing start is fine, the increment decides.
    await ops.create(meta, { id: TICKET_COUNTER_ID, kind: 'counter', schemaVersion: SCHEMA_VERSION, value: 0 }, TICKET_COUNTER_ID);
    const started = await ops.increment(meta, TICKET_COUNTER_ID, TICKET_COUNTER_ID, '/value');
    if (started === null) throw new UnavailableError('The ticket id counter could not be created');
    return started;
  };

  return {
    async listByCustomer(customerId) {
      const docs = await ops.query<TicketDoc>(
        customers,
        { query: "SELECT * FROM c WHERE c.customerId = @customerId AND c.kind = 'ticket'", parameters: [{ name: '@customerId', value: customerId }] },
        customerId,
      );
      return docs.map((doc) => doc.data).sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : b.ticketId - a.ticketId));
    },
    async create(draft) {
      const earlier = await keyed(draft);
      if (earlier) return { ticket: earlier.doc.data, replayed: true };
      const [customer, subscription] = await Promise.all([
        ops.read<CustomerDoc>(customers, docIds.customer(draft.customerId), draft.customerId),
        ops.read(customers, docIds.subscription(draft.subscriptionId), draft.customerId),
      ]);
      if (customer === null) throw new NotFoundError('Customer', draft.customerId);
      if (subscription === null) throw new NotFoundError('Subscription', draft.subscriptionId);
      const ticket: SupportTicket = { ...draft, ticketId: await nextTicketId() };
      // The lookup first, the ticket last: a create that fails between them leaves a lookup for
      // a ticket id no ticket has (ids are never reused: it reads as not found), never a ticket
      // without its lookup, so a failed call changed nothing a tool can see.
      await ops.upsert(lookups, lookupDoc('ticket', ticket.ticketId, ticket.customerId));
      if ((await ops.create(customers, ticketDoc(ticket), ticket.customerId)) === 'exists') {
        // Another create with the same key won the race: answer with its ticket.
        const winner = await keyed(draft);
        if (!winner) throw new UnavailableError('A ticket with this idempotency key is being written; try again');
        return { ticket: winner.doc.data, replayed: true };
      }
      return { ticket, replayed: false };
    },
  };
}
