// Steps 5, 6 and 8: the devices the customer ordered (and any return under way), what they have
// reported before (repeated reports from one line qualify for a network investigation), and the
// knowledge-base policies for the symptom.
import { OPEN_TICKET_STATUSES } from '../../../domain/support/support-ticket.js';
import { addDays } from '../../../time/calendar.js';
import type { Finding } from '../troubleshoot-job.js';
import { dayOf, finding, loadSubject, type StepContext } from './step-context.js';

/** Reports from one line within this many days … */
export const REPEAT_WINDOW_DAYS = 30;
/** … at least this many of them qualify for a network investigation (the network policy). */
export const REPEAT_THRESHOLD = 3;

export async function deviceAndOrders(ctx: StepContext): Promise<Finding> {
  const { customer, product } = await loadSubject(ctx);
  const devices = (await ctx.store.orders.listByCustomer(customer.customerId)).filter((order) => order.itemType === 'device');
  const latest = devices[0];
  const facts = { plan: product.name, roaming_available: product.roamingAvailable, devices: devices.length, latest_device: latest?.itemName ?? null, latest_device_status: latest?.status ?? null };
  if (!latest) return finding('device_and_orders', 'Device and orders', 'info', `${product.name}; no device bought from Contoso`, facts);
  const returning = ['return_requested', 'returned'].includes(latest.status);
  return finding('device_and_orders', 'Device and orders', returning ? 'info' : 'ok', `${product.name}; latest device ${latest.itemName} (order #${latest.orderId}, ${latest.status})`, facts);
}

export async function supportHistory(ctx: StepContext): Promise<Finding> {
  const { customer, subscription } = await loadSubject(ctx);
  const since = addDays(dayOf(ctx), -REPEAT_WINDOW_DAYS);
  const tickets = (await ctx.store.tickets.listByCustomer(customer.customerId)).filter((ticket) => ticket.subscriptionId === subscription.subscriptionId);
  const open = tickets.filter((ticket) => OPEN_TICKET_STATUSES.includes(ticket.status));
  const recentNetwork = tickets.filter((ticket) => ticket.category === 'network' && ticket.openedAt.slice(0, 10) >= since);
  const facts = { open_tickets: open.length, network_reports_30d: recentNetwork.length, open_ticket_ids: open.map((ticket) => ticket.ticketId).join(',') || null };
  if (recentNetwork.length >= REPEAT_THRESHOLD) {
    const ids = recentNetwork.map((ticket) => `#${ticket.ticketId}`).join(', ');
    return finding('support_history', 'Support history', 'problem', `${recentNetwork.length} network reports in ${REPEAT_WINDOW_DAYS} days (${ids}): qualifies for a network investigation`, facts);
  }
  if (open.length > 0) return finding('support_history', 'Support history', 'info', `${open.length} open ticket(s) on this line`, facts);
  return finding('support_history', 'Support history', 'ok', 'No open tickets on this line', facts);
}

export async function knowledgeBase(ctx: StepContext): Promise<Finding> {
  const hits = await ctx.store.knowledge.search(ctx.input.symptom, 3);
  const top = hits[0];
  return finding('knowledge_base', 'Knowledge base', 'info', top ? `Best match: ${top.document.title} (${top.document.slug})` : 'No policy matches the symptom', {
    top_document: top?.document.slug ?? null,
    documents: hits.map((hit) => hit.document.slug).join(',') || null,
  });
}
