// get_security_logs: a customer's account security events (sign-ins, locks, unlocks), newest
// first. Operator audit records are not here; they live in their own store.
import * as z from 'zod';
import { ACCOUNT_STATUSES } from '../../domain/customers/customer.js';
import { SECURITY_EVENT_TYPES } from '../../domain/security/security-event.js';
import { ROLES } from '../../identity/principal.js';
import { defineTool } from '../../mcp/define-tool.js';
import { requireCustomer } from '../common/lookups.js';
import { idSchema, READ_ONLY } from '../common/schemas.js';

export const SECURITY_LOG_LIMIT = 50;

export const getSecurityLogs = defineTool({
  name: 'get_security_logs',
  title: 'Account security log',
  description: `Returns a customer's account status and their latest ${SECURITY_LOG_LIMIT} security events (sign-ins, failed sign-ins, locks, unlocks, password resets), newest first.`,
  input: z.object({ customer_id: idSchema('customer') }),
  output: z.object({
    customer_id: z.number().int(),
    account_status: z.enum(ACCOUNT_STATUSES),
    events: z.array(
      z.object({
        event_id: z.string(),
        event_type: z.enum(SECURITY_EVENT_TYPES),
        occurred_at: z.string(),
        ip_address: z.string().nullable(),
        detail: z.string(),
      }),
    ),
  }),
  roles: [ROLES.read],
  annotations: READ_ONLY,
  async handler(input, ctx) {
    const customer = await requireCustomer(ctx.store, input.customer_id);
    const events = await ctx.store.securityLogs.listByCustomer(customer.customerId, SECURITY_LOG_LIMIT);
    return {
      customer_id: customer.customerId,
      account_status: customer.accountStatus,
      events: events.map((e) => ({ event_id: e.eventId, event_type: e.eventType, occurred_at: e.occurredAt, ip_address: e.ipAddress, detail: e.detail })),
    };
  },
  summarize: (r) =>
    `Customer #${r.customer_id}, account ${r.account_status}. Events, newest first:\n` +
    (r.events.map((e) => `${e.occurred_at} ${e.event_type}${e.ip_address ? ` from ${e.ip_address}` : ''}: ${e.detail}`).join('\n') || 'none'),
});
