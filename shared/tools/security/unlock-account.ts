// unlock_account: unlocks a locked customer account and records an account_unlocked security
// event in the same atomic write. Refused when the account is not locked. The event, which
// customer-facing tools show, cites the operator audit record instead of naming the operator.
import * as z from 'zod';
import { ROLES } from '../../identity/principal.js';
import type { Customer } from '../../domain/customers/customer.js';
import type { SecurityEvent } from '../../domain/security/security-event.js';
import { BusinessRuleError } from '../../errors/domain-error.js';
import { defineTool } from '../../mcp/define-tool.js';
import type { CustomerChange } from '../../storage/contoso-store.js';
import { MUTATING } from '../common/mutations.js';
import { idSchema } from '../common/schemas.js';

/** The event an unlock records, fixed before the atomic write so deciding stays pure. */
type UnlockEvent = Omit<SecurityEvent, 'customerId'>;

/** The customer unlocked with its event, or a refusal when the account is not locked. Pure. */
function decideUnlock(customer: Customer, unlock: UnlockEvent): CustomerChange & { event: SecurityEvent } {
  if (customer.accountStatus !== 'locked') {
    throw new BusinessRuleError(`Account of customer ${customer.customerId} is ${customer.accountStatus}, not locked; nothing to unlock`, {
      account_status: customer.accountStatus,
    });
  }
  const event: SecurityEvent = { ...unlock, customerId: customer.customerId };
  return { customer: { ...customer, accountStatus: 'active' }, events: [event], event };
}

export const unlockAccount = defineTool({
  name: 'unlock_account',
  title: 'Unlock a customer account',
  description:
    "Unlocks a customer's locked account after the caller has verified the customer's identity (see the account-unlock policy in the knowledge base). Writes an account_unlocked security event. Refused if the account is not locked.",
  input: z.object({ customer_id: idSchema('customer') }),
  output: z.object({ customer_id: z.number().int(), account_status: z.literal('active'), unlocked_at: z.string(), event_id: z.string() }),
  roles: [ROLES.security],
  annotations: MUTATING,
  async handler(input, ctx) {
    const unlock: UnlockEvent = {
      eventId: `sec-${ctx.newId()}`,
      eventType: 'account_unlocked',
      occurredAt: ctx.clock.now().toISOString(),
      ipAddress: null,
      detail: `Unlocked by support (audit record ${ctx.auditId ?? 'none'})`,
    };
    const { customer, event } = await ctx.store.customers.update(input.customer_id, (current) => decideUnlock(current, unlock));
    return { customer_id: customer.customerId, account_status: 'active' as const, unlocked_at: event.occurredAt, event_id: event.eventId };
  },
  summarize: (r) => `Account of customer #${r.customer_id} unlocked at ${r.unlocked_at} (security event ${r.event_id}).`,
});
