// A conversation document as the adapters write and read it: a new document, its JSON text, and
// the parse of stored text, which is input like any other (a hand-edited, truncated or foreign
// blob or row). Stored text that is not a valid conversation gives CorruptConversationError, a
// clear message naming the conversation and the bad fields, never a crash or a silent repair.
import type { NewConversation } from './conversation-store.js';
import { CONVERSATION_SCHEMA_VERSION, conversationSchema, type Conversation } from './conversation.js';

/** A stored conversation document that is not valid; left as it is. Reported as INTERNAL at the edge. */
export class CorruptConversationError extends Error {
  override readonly name = 'CorruptConversationError';
  constructor(
    readonly conversationId: string,
    readonly problem: string,
  ) {
    super(`Stored conversation ${conversationId} is not a valid conversation document (${problem}); it was left unchanged`);
  }
}

/** The document of a conversation created now, with no entries. */
export function newConversationDocument(init: NewConversation, now: Date): Conversation {
  const at = now.toISOString();
  return {
    schema_version: CONVERSATION_SCHEMA_VERSION,
    id: init.id,
    kind: init.kind,
    owner: { tenant_id: init.owner.tenant_id, caller_id: init.owner.caller_id },
    customer_id: init.customer_id,
    topic: init.topic,
    created_at: at,
    updated_at: at,
    entries: [],
  };
}

/** The stored text of a conversation. */
export function serializeConversation(conversation: Conversation): string {
  return JSON.stringify(conversation);
}

/** Parses stored `text` as conversation `id`; CorruptConversationError when it is not one. */
export function parseStoredConversation(id: string, text: string): Conversation {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CorruptConversationError(id, 'not JSON');
  }
  const parsed = conversationSchema.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(document)'))].slice(0, 5);
    throw new CorruptConversationError(id, `invalid ${fields.join(', ')}`);
  }
  if (parsed.data.id !== id) throw new CorruptConversationError(id, 'it holds another conversation id');
  return parsed.data;
}
