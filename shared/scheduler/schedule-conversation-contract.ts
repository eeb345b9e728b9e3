// The remote contract of the scheduler's MCP tool `schedule_conversation`, as zod schemas: the
// dev scheduler validates its input with them, the remote adapter checks its request before
// sending and the answer after. docs/scheduler.md describes the same contract in words.
import * as z from 'zod';
import { conversationIdSchema } from '../conversations/conversation.js';

export const SCHEDULE_CONVERSATION_TOOL = 'schedule_conversation';

/** Bounds of the request's free text and keys. */
export const SCHEDULE_LIMITS = { maxMessageChars: 4_000, maxUrlChars: 2_048 } as const;

/** Letters, digits and `-_.:`, 1–128 characters: safe in logs and as a map key. */
const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'an idempotency key is 1-128 letters, digits, "-", "_", "." or ":"');

/** The tool's arguments. */
export const scheduleConversationInput = z.strictObject({
  conversation_id: conversationIdSchema,
  customer_id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  when: z.iso.datetime({ offset: true }),
  message: z.string().min(1).max(SCHEDULE_LIMITS.maxMessageChars),
  callback_url: z.url({ protocol: /^https?$/ }).max(SCHEDULE_LIMITS.maxUrlChars),
  idempotency_key: idempotencyKeySchema,
});

/** The tool's structured result; further fields a real scheduler adds are ignored. */
export const scheduleConversationOutput = z.object({
  schedule_id: z.string().min(1).max(200),
  when: z.iso.datetime({ offset: true }),
  /** True when the idempotency key was seen before and the first schedule is returned. */
  replayed: z.boolean().optional(),
});

export type ScheduleConversationInput = z.infer<typeof scheduleConversationInput>;
export type ScheduleConversationOutput = z.infer<typeof scheduleConversationOutput>;
