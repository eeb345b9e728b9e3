// What both conversation store adapters check before any I/O: the conversation id (before it
// becomes a blob name or a SQL key), a new conversation's fields, and the entries of an append.
// A value that fails is refused with InvalidArgumentError, which never echoes the value itself.
import { InvalidArgumentError } from '../errors/domain-error.js';
import type { NewConversation } from './conversation-store.js';
import {
  CONVERSATION_LIMITS,
  conversationEntrySchema,
  conversationIdSchema,
  conversationSchema,
  type ConversationEntry,
  type ConversationKind,
} from './conversation.js';

/** The entry type each kind of conversation holds. */
export const ENTRY_TYPE_OF: Readonly<Record<ConversationKind, ConversationEntry['type']>> = { follow_up: 'follow_up', expert: 'message' };

/** `id` if it is a valid conversation id; InvalidArgumentError otherwise. */
export function checkedConversationId(id: unknown): string {
  const parsed = conversationIdSchema.safeParse(id);
  if (!parsed.success) throw new InvalidArgumentError(`Invalid conversation id: ${parsed.error.issues[0]?.message ?? 'not a string'}`, { argument: 'conversation_id' });
  return parsed.data;
}

const newConversationSchema = conversationSchema.pick({ kind: true, owner: true, customer_id: true, topic: true });

/** A copy of `init` once every field is valid; InvalidArgumentError naming the bad fields otherwise. */
export function checkedNewConversation(init: NewConversation): NewConversation {
  const id = checkedConversationId(init.id);
  const fields = newConversationSchema.safeParse({ kind: init.kind, owner: init.owner, customer_id: init.customer_id, topic: init.topic });
  if (!fields.success) {
    const names = [...new Set(fields.error.issues.map((issue) => issue.path.join('.')))];
    throw new InvalidArgumentError(`Invalid new conversation: ${names.join(', ')}`, { fields: names });
  }
  return { id, ...fields.data };
}

/** Copies of `entries` once each is a valid entry; InvalidArgumentError naming the first bad one otherwise. */
export function checkedEntries(entries: readonly ConversationEntry[]): ConversationEntry[] {
  if (!Array.isArray(entries)) throw new InvalidArgumentError('Entries must be a list', { argument: 'entries' });
  if (entries.length > CONVERSATION_LIMITS.maxEntries) {
    throw new InvalidArgumentError(`At most ${CONVERSATION_LIMITS.maxEntries} entries can be appended at once`, { argument: 'entries' });
  }
  return entries.map((entry, index) => {
    const parsed = conversationEntrySchema.safeParse(entry);
    if (!parsed.success) {
      const names = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(entry)'))];
      throw new InvalidArgumentError(`Invalid entry ${index}: ${names.join(', ')}`, { argument: 'entries', index, fields: names });
    }
    return parsed.data;
  });
}
