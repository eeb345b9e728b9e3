// schedule_follow_up: asks the scheduler to follow up with a customer at a given time. The
// scheduler calls /api/callback then, and what it reports lands in the conversation, which
// get_conversation reads. Retry-safe with an idempotency_key (the same key schedules once).
import * as z from 'zod';
import { conversationIdSchema } from '../../conversations/conversation.js';
import { ROLES } from '../../identity/principal.js';
import { defineTool } from '../../mcp/define-tool.js';
import { idempotencyKeySchema, MUTATING } from '../common/mutations.js';
import { idSchema } from '../common/schemas.js';

export const scheduleFollowUp = defineTool({
  name: 'schedule_follow_up',
  title: 'Schedule a follow-up with a customer',
  description:
    'Schedules a follow-up conversation with the customer at a future time (at least 30 seconds and at most 90 days ahead). ' +
    'Starts a new conversation, or continues one of yours when conversation_id is given; read it later with get_conversation. ' +
    'Pass an idempotency_key so a retry does not schedule twice.',
  input: z.object({
    customer_id: idSchema('customer'),
    when: z.iso.datetime({ offset: true }).describe('When to follow up: an ISO 8601 date-time with its offset, e.g. 2026-12-01T09:00:00Z'),
    message: z.string().trim().min(3).max(2000).describe('What the follow-up is about'),
    conversation_id: conversationIdSchema.optional().describe('A follow-up conversation of yours to continue'),
    idempotency_key: idempotencyKeySchema.optional(),
  }),
  output: z.object({
    conversation_id: z.string(),
    schedule_id: z.string(),
    when: z.string(),
    status: z.literal('scheduled'),
    replayed: z.boolean(),
  }),
  roles: [ROLES.write],
  annotations: { ...MUTATING, openWorldHint: true },
  async handler(input, ctx) {
    const scheduled = await ctx.followUps.schedule(
      ctx.scope,
      { customerId: input.customer_id, when: new Date(input.when), message: input.message, conversationId: input.conversation_id, idempotencyKey: input.idempotency_key },
      ctx.signal,
    );
    return { conversation_id: scheduled.conversationId, schedule_id: scheduled.scheduleId, when: scheduled.when, status: 'scheduled' as const, replayed: scheduled.replayed };
  },
  summarize: (r) => `${r.replayed ? 'Already scheduled (same idempotency_key)' : 'Scheduled'}: follow-up at ${r.when} in conversation ${r.conversation_id}.`,
});
