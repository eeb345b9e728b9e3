// Snake_case schema and view of a support ticket.
import * as z from 'zod';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_STATUSES, type SupportTicket } from '../../domain/support/support-ticket.js';

export const ticketSchema = z.object({
  ticket_id: z.number().int(),
  customer_id: z.number().int(),
  subscription_id: z.number().int(),
  category: z.enum(TICKET_CATEGORIES),
  priority: z.enum(TICKET_PRIORITIES),
  status: z.enum(TICKET_STATUSES),
  subject: z.string(),
  description: z.string(),
  opened_at: z.string(),
  closed_at: z.string().nullable(),
});

export function ticketView(t: SupportTicket): z.input<typeof ticketSchema> {
  return {
    ticket_id: t.ticketId,
    customer_id: t.customerId,
    subscription_id: t.subscriptionId,
    category: t.category,
    priority: t.priority,
    status: t.status,
    subject: t.subject,
    description: t.description,
    opened_at: t.openedAt,
    closed_at: t.closedAt,
  };
}

export function describeTicket(t: z.output<typeof ticketSchema>): string {
  return `#${t.ticket_id} [${t.status}, ${t.priority}, ${t.category}] ${t.opened_at.slice(0, 10)} sub #${t.subscription_id}: ${t.subject}`;
}
