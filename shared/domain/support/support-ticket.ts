// Support tickets customers (or agents on their behalf) open about a subscription.

export const TICKET_CATEGORIES = ['billing', 'technical', 'network', 'account', 'device', 'sales', 'other'] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_STATUSES = ['open', 'in_progress', 'pending_customer', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['open', 'in_progress', 'pending_customer'];

export interface SupportTicket {
  ticketId: number;
  customerId: number;
  subscriptionId: number;
  category: TicketCategory;
  priority: TicketPriority;
  status: TicketStatus;
  subject: string;
  description: string;
  /** ISO date-time */
  openedAt: string;
  closedAt: string | null;
  /** The caller's idempotency key, when one was given. */
  idempotencyKey: string | null;
}
