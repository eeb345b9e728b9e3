// Generated support tickets: none for most customers, one or two for some, each about one of
// the customer's subscriptions. Older tickets are resolved or closed; recent ones may be open.
import type { Product } from '../domain/products/product.js';
import type { Subscription } from '../domain/subscriptions/subscription.js';
import type { SupportTicket, TicketStatus } from '../domain/support/support-ticket.js';
import { daysAgoAt } from '../time/calendar.js';
import type { Random } from './prng.js';
import { ticketIdFor } from './seed-ids.js';
import { TICKET_TEMPLATES } from './ticket-templates.js';

export function generateTickets(
  random: Random,
  customerId: number,
  subscriptions: readonly Subscription[],
  products: ReadonlyMap<number, Product>,
  anchorDate: string,
): SupportTicket[] {
  const roll = random.next();
  const count = roll < 0.6 ? 0 : roll < 0.88 ? 1 : 2;
  const ages = Array.from({ length: count }, () => random.int(1, 170)).sort((a, b) => b - a);
  return ages.map((daysAgo, index) => {
    const subscription = random.pick(subscriptions);
    const service = products.get(subscription.productId)?.category;
    const fitting = TICKET_TEMPLATES.filter((t) => t.services.length === 0 || (service !== undefined && t.services.includes(service)));
    const template = random.pick(fitting);
    const status = ticketStatus(random, daysAgo);
    const closedAfter = random.int(1, Math.max(1, Math.min(10, daysAgo - 1)));
    return {
      ticketId: ticketIdFor(customerId, index + 1),
      customerId,
      subscriptionId: subscription.subscriptionId,
      category: template.category,
      priority: template.priority,
      status,
      subject: template.subject,
      description: template.description,
      openedAt: daysAgoAt(anchorDate, daysAgo, random.int(8, 19), random.int(0, 59)),
      closedAt: status === 'resolved' || status === 'closed' ? daysAgoAt(anchorDate, daysAgo - closedAfter, random.int(8, 19), random.int(0, 59)) : null,
      idempotencyKey: null,
    };
  });
}

function ticketStatus(random: Random, daysAgo: number): TicketStatus {
  if (daysAgo > 14) return random.chance(0.7) ? 'closed' : 'resolved';
  // Closed tickets close at least a day after opening and before the anchor day.
  return random.pick<TicketStatus>(daysAgo < 2 ? ['open', 'in_progress'] : ['open', 'in_progress', 'pending_customer', 'resolved']);
}
