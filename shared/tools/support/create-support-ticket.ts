// create_support_ticket: opens a ticket for one of the customer's own subscriptions. Retry-safe
// with an idempotency_key: the same caller's key for the same customer returns the first ticket;
// another caller's identical key opens a ticket of its own.
import * as z from 'zod';
import { ROLES } from '../../identity/principal.js';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, type SupportTicket } from '../../domain/support/support-ticket.js';
import { BusinessRuleError, ConflictError } from '../../errors/domain-error.js';
import { defineTool } from '../../mcp/define-tool.js';
import { requireCustomer, requireSubscription } from '../common/lookups.js';
import { idempotencyKeySchema, MUTATING, scopedIdempotencyKey } from '../common/mutations.js';
import { idSchema } from '../common/schemas.js';
import { describeTicket, ticketSchema, ticketView } from './ticket-views.js';

const SAME_REQUEST: ReadonlyArray<keyof Omit<SupportTicket, 'ticketId'>> = ['subscriptionId', 'category', 'priority', 'subject', 'description'];

export const createSupportTicket = defineTool({
  name: 'create_support_ticket',
  title: 'Open a support ticket',
  description:
    "Opens a support ticket about one of the customer's subscriptions and returns it. Pass an idempotency_key so a retry returns the same ticket instead of opening a second one.",
  input: z.object({
    customer_id: idSchema('customer'),
    subscription_id: idSchema('subscription'),
    category: z.enum(TICKET_CATEGORIES),
    priority: z.enum(TICKET_PRIORITIES),
    subject: z.string().trim().min(3).max(200),
    description: z.string().trim().min(1).max(4000),
    idempotency_key: idempotencyKeySchema.optional(),
  }),
  output: z.object({ ticket: ticketSchema, replayed: z.boolean() }),
  roles: [ROLES.write],
  annotations: MUTATING,
  async handler(input, ctx) {
    await requireCustomer(ctx.store, input.customer_id);
    const subscription = await requireSubscription(ctx.store, input.subscription_id);
    if (subscription.customerId !== input.customer_id) {
      throw new BusinessRuleError(`Subscription ${input.subscription_id} does not belong to customer ${input.customer_id}`, {
        field: 'subscription_id',
      });
    }
    const draft: Omit<SupportTicket, 'ticketId'> = {
      customerId: input.customer_id,
      subscriptionId: input.subscription_id,
      category: input.category,
      priority: input.priority,
      status: 'open',
      subject: input.subject,
      description: input.description,
      openedAt: ctx.clock.now().toISOString(),
      closedAt: null,
      idempotencyKey:
        input.idempotency_key === undefined ? null : scopedIdempotencyKey(ctx.caller, 'create_support_ticket', input.customer_id, input.idempotency_key),
    };
    const { ticket, replayed } = await ctx.store.tickets.create(draft);
    if (replayed && SAME_REQUEST.some((field) => ticket[field] !== draft[field])) {
      throw new ConflictError(`idempotency_key was already used for a different ticket (#${ticket.ticketId})`, { field: 'idempotency_key' });
    }
    return { ticket: ticketView(ticket), replayed };
  },
  summarize: (r) => `${r.replayed ? 'Already opened (same idempotency_key): ' : 'Opened '}${describeTicket(r.ticket)}`,
});
