// Support tickets in the embedded store. create() looks up the idempotency key, allocates the
// next id and inserts in one immediate transaction, so concurrent creates never share an id
// and a retried create with the same key returns the first ticket instead of a second one.
import type { SupportTicket, TicketCategory, TicketPriority, TicketStatus } from '../../domain/support/support-ticket.js';
import { NotFoundError } from '../../errors/domain-error.js';
import type { TicketRepo } from '../contoso-store.js';
import type { SqliteDatabase } from './open-database.js';
import { prepareRows } from './row-statement.js';

export interface TicketRow {
  ticket_id: number;
  customer_id: number;
  subscription_id: number;
  category: string;
  priority: string;
  status: string;
  subject: string;
  description: string;
  opened_at: string;
  closed_at: string | null;
  idempotency_key: string | null;
}

export function toTicket(row: TicketRow): SupportTicket {
  return {
    ticketId: row.ticket_id,
    customerId: row.customer_id,
    subscriptionId: row.subscription_id,
    category: row.category as TicketCategory,
    priority: row.priority as TicketPriority,
    status: row.status as TicketStatus,
    subject: row.subject,
    description: row.description,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    idempotencyKey: row.idempotency_key,
  };
}

export function toTicketRow(ticket: SupportTicket): TicketRow {
  return {
    ticket_id: ticket.ticketId,
    customer_id: ticket.customerId,
    subscription_id: ticket.subscriptionId,
    category: ticket.category,
    priority: ticket.priority,
    status: ticket.status,
    subject: ticket.subject,
    description: ticket.description,
    opened_at: ticket.openedAt,
    closed_at: ticket.closedAt,
    idempotency_key: ticket.idempotencyKey,
  };
}

export const INSERT_TICKET = `INSERT INTO tickets (ticket_id, customer_id, subscription_id, category, priority, status,
  subject, description, opened_at, closed_at, idempotency_key) VALUES (@ticket_id, @customer_id, @subscription_id,
  @category, @priority, @status, @subject, @description, @opened_at, @closed_at, @idempotency_key)`;

type TicketDraft = Omit<SupportTicket, 'ticketId'>;
type CreateResult = { ticket: SupportTicket; replayed: boolean };

export function createSqliteTicketRepo(db: SqliteDatabase): TicketRepo {
  const byId = prepareRows<[number], TicketRow>(db, 'SELECT * FROM tickets WHERE ticket_id = ?');
  const byCustomer = prepareRows<[number], TicketRow>(db, 'SELECT * FROM tickets WHERE customer_id = +? ORDER BY opened_at DESC, ticket_id DESC',
  );
  const byKey = prepareRows<[number, string], TicketRow>(db, 'SELECT * FROM tickets WHERE customer_id = ? AND idempotency_key = ?',
  );
  const nextId = prepareRows<[], { next: number }>(db, 'SELECT COALESCE(MAX(ticket_id), 0) + 1 AS next FROM tickets');
  const customerExists = prepareRows<[number], { found: number }>(db, 'SELECT 1 AS found FROM customers WHERE customer_id = ?');
  const subscriptionOf = prepareRows<[number, number], { found: number }>(db, 'SELECT 1 AS found FROM subscriptions WHERE subscription_id = ? AND customer_id = ?',
  );
  const insert = db.prepare<[TicketRow]>(INSERT_TICKET);

  const create = db.transaction((draft: TicketDraft): CreateResult => {
    if (draft.idempotencyKey !== null) {
      const existing = byKey.get(draft.customerId, draft.idempotencyKey);
      if (existing) return { ticket: toTicket(existing), replayed: true };
    }
    // The foreign keys would refuse these too; checking first names the missing entity.
    if (!customerExists.get(draft.customerId)) throw new NotFoundError('Customer', draft.customerId);
    if (!subscriptionOf.get(draft.subscriptionId, draft.customerId)) {
      throw new NotFoundError('Subscription', draft.subscriptionId);
    }
    const ticketId = nextId.get()?.next ?? 1;
    insert.run(toTicketRow({ ...draft, ticketId }));
    const written = byId.get(ticketId);
    if (!written) throw new NotFoundError('Ticket', ticketId);
    return { ticket: toTicket(written), replayed: false };
  });

  return {
    async listByCustomer(customerId) {
      return byCustomer.all(customerId).map(toTicket);
    },
    async create(draft) {
      return create.immediate(draft);
    },
  };
}
