// get_support_tickets: a customer's tickets, newest first, optionally only the open ones.
import * as z from 'zod';
import { OPEN_TICKET_STATUSES } from '../../domain/support/support-ticket.js';
import { ROLES } from '../../identity/principal.js';
import { defineTool } from '../../mcp/define-tool.js';
import { requireCustomer } from '../common/lookups.js';
import { idSchema, READ_ONLY } from '../common/schemas.js';
import { describeTicket, ticketSchema, ticketView } from './ticket-views.js';

export const getSupportTickets = defineTool({
  name: 'get_support_tickets',
  title: 'Support tickets',
  description: "Lists a customer's support tickets, newest first. open_only keeps tickets that are open, in progress or waiting on the customer.",
  input: z.object({
    customer_id: idSchema('customer'),
    open_only: z.boolean().default(false).describe('Only tickets not yet resolved or closed'),
  }),
  output: z.object({ customer_id: z.number().int(), tickets: z.array(ticketSchema) }),
  roles: [ROLES.read],
  annotations: READ_ONLY,
  async handler(input, ctx) {
    await requireCustomer(ctx.store, input.customer_id);
    const tickets = await ctx.store.tickets.listByCustomer(input.customer_id);
    const shown = input.open_only ? tickets.filter((t) => OPEN_TICKET_STATUSES.includes(t.status)) : tickets;
    return { customer_id: input.customer_id, tickets: shown.map(ticketView) };
  },
  summarize: (r) => r.tickets.map(describeTicket).join('\n') || `Customer #${r.customer_id} has no matching tickets.`,
});
