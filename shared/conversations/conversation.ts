// A conversation as stored: one document (one blob, or one embedded row) per conversation, with
// its metadata and an ordered list of entries. Follow-ups (#14) hold scheduler events; experts
// (#16) hold chat messages. Every read is parsed with these schemas, because a stored document
// is input too (a hand-edited or older blob must give a clear error, not a crash).
import * as z from 'zod';

export const CONVERSATION_SCHEMA_VERSION = 1;

/** Letters, digits, '-' and '_', 3 to 64 characters, starting with a letter or digit: no path tricks. */
export const conversationIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/, 'a conversation id is 3-64 letters, digits, "-" or "_", starting with a letter or digit');

/** Event ids (scheduler events, message ids): printable, bounded, unique within a conversation. */
export const eventIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'an event id is 1-128 letters, digits, "-", "_", "." or ":"');

export const CONVERSATION_LIMITS = {
  /** The most entries one conversation keeps; an append beyond it is refused (BusinessRuleError). */
  maxEntries: 500,
  /** Characters of one entry's content. */
  maxContentChars: 16_000,
} as const;

export const conversationOwnerSchema = z.strictObject({
  tenant_id: z.string().min(1).max(128),
  caller_id: z.string().min(1).max(256),
});

export const followUpEntrySchema = z.strictObject({
  type: z.literal('follow_up'),
  event_id: eventIdSchema,
  /** The scheduler's status for this event (e.g. scheduled, delivered, completed, failed). */
  status: z.string().min(1).max(64),
  content: z.string().max(CONVERSATION_LIMITS.maxContentChars),
  received_at: z.iso.datetime(),
});

export const messageEntrySchema = z.strictObject({
  type: z.literal('message'),
  event_id: eventIdSchema,
  role: z.enum(['user', 'assistant']),
  content: z.string().max(CONVERSATION_LIMITS.maxContentChars),
  at: z.iso.datetime(),
  /** Tools the assistant called for this answer (expert agents), without argument values beyond ids. */
  tools_used: z.array(z.strictObject({ name: z.string(), ids: z.array(z.string()), outcome: z.string() })).optional(),
  citations: z.array(z.string()).optional(),
});

export const conversationEntrySchema = z.discriminatedUnion('type', [followUpEntrySchema, messageEntrySchema]);

export const conversationKindSchema = z.enum(['follow_up', 'expert']);

export const conversationSchema = z.strictObject({
  schema_version: z.literal(CONVERSATION_SCHEMA_VERSION),
  id: conversationIdSchema,
  kind: conversationKindSchema,
  owner: conversationOwnerSchema,
  customer_id: z.number().int().positive().nullable(),
  /** Free-form label, e.g. which expert (billing, account, product). */
  topic: z.string().max(64).nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  entries: z.array(conversationEntrySchema),
});

export type ConversationOwner = z.infer<typeof conversationOwnerSchema>;
export type FollowUpEntry = z.infer<typeof followUpEntrySchema>;
export type MessageEntry = z.infer<typeof messageEntrySchema>;
export type ConversationEntry = z.infer<typeof conversationEntrySchema>;
export type ConversationKind = z.infer<typeof conversationKindSchema>;
export type Conversation = z.infer<typeof conversationSchema>;

/** Whether `owner` owns `conversation` (tenant and caller both match). */
export function isOwnedBy(conversation: Conversation, owner: ConversationOwner): boolean {
  return conversation.owner.tenant_id === owner.tenant_id && conversation.owner.caller_id === owner.caller_id;
}
