// The one decision an append makes, shared by both adapters and free of I/O: which entries are
// new (their event id is not yet in the conversation, nor earlier in the same call), in order,
// and whether the conversation may grow that much. Pure, so a conditional write may run it again.
import { BusinessRuleError, InvalidArgumentError } from '../errors/domain-error.js';
import { ENTRY_TYPE_OF } from './conversation-input.js';
import { CONVERSATION_LIMITS, type Conversation, type ConversationEntry } from './conversation.js';

export interface MergedEntries {
  /** The conversation with the new entries and `updated_at` = now; undefined when nothing is new. */
  next: Conversation | undefined;
  /** Event ids appended, in order. */
  appended: string[];
  /** Event ids already present (or repeated within the call), not appended again. */
  duplicates: string[];
}

/**
 * Merges already validated `entries` into `stored`. InvalidArgumentError when an entry is not of
 * the type the conversation's kind holds; BusinessRuleError when the new entries would exceed
 * CONVERSATION_LIMITS.maxEntries (nothing is appended then).
 */
export function mergeEntries(stored: Conversation, entries: readonly ConversationEntry[], now: Date): MergedEntries {
  const expected = ENTRY_TYPE_OF[stored.kind];
  const seen = new Set(stored.entries.map((entry) => entry.event_id));
  const fresh: ConversationEntry[] = [];
  const duplicates: string[] = [];
  entries.forEach((entry, index) => {
    if (entry.type !== expected) {
      throw new InvalidArgumentError(`Entry ${index} is a ${entry.type} entry; a ${stored.kind} conversation holds ${expected} entries`, { argument: 'entries', index });
    }
    if (seen.has(entry.event_id)) {
      duplicates.push(entry.event_id);
      return;
    }
    seen.add(entry.event_id);
    fresh.push(entry);
  });
  const appended = fresh.map((entry) => entry.event_id);
  if (fresh.length === 0) return { next: undefined, appended, duplicates };
  if (stored.entries.length + fresh.length > CONVERSATION_LIMITS.maxEntries) {
    throw new BusinessRuleError(
      `Conversation ${stored.id} holds ${stored.entries.length} entries; ${fresh.length} more would exceed the limit of ${CONVERSATION_LIMITS.maxEntries}`,
      { conversation_id: stored.id, entries: stored.entries.length, limit: CONVERSATION_LIMITS.maxEntries },
    );
  }
  return { next: { ...stored, updated_at: now.toISOString(), entries: [...stored.entries, ...fresh] }, appended, duplicates };
}
