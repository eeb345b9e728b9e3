// unlock_account: unlocks a locked customer account and records an account_unlocked security
// event in the same atomic write. Refused when the account is not locked.
import * as z from 'zod';
import { ROLES } from '../../identity/principal.js';
import type { SecurityEvent } from '../../domain/security/security-event.js';
import { BusinessRuleError } from '../../errors/domain-error.js';
import { defineTool } from '../../mcp/define-tool.js';
import { MUTATING } from '../common/mutations.js';
import { idSchema } from '../common/schemas.js';

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
    const now = ctx.clock.now().toISOString();
    let event: SecurityEvent | undefined;
    await ctx.store.customers.update(input.customer_id, (customer) => {
      if (customer.accountStatus !== 'locked') {
        throw new BusinessRuleError(`Account of customer ${customer.customerId} is ${customer.accountStatus}, not locked; nothing to unlock`, {
          account_status: customer.accountStatus,
        });
      }
      event = {
        eventId: `sec-${ctx.newId()}`,
        customerId: customer.customerId,
        eventType: 'account_unlocked',
        occurredAt: now,
        ipAddress: null,
        detail: `Unlocked by support (caller ${ctx.caller.callerId}, request ${ctx.requestId})`,
      };
      return { customer: { ...customer, accountStatus: 'active' }, events: [event] };
    });
    if (!event) throw new Error('unlock_account: the store did not run the change');
    return { customer_id: input.customer_id, account_status: 'active' as const, unlocked_at: now, event_id: event.eventId };
  },
  summarize: (r) => `Account of customer #${r.customer_id} unlocked at ${r.unlocked_at} (security event ${r.event_id}).`,
});
