// A ConversationStore in memory for tests, honouring the port's contract: conditional create
// (never overwrites), appends that skip event ids already present and bump updated_at, NotFound
// for a missing conversation, BusinessRule beyond CONVERSATION_LIMITS.maxEntries, and copies out
// (a caller never holds the stored document). Every document is parsed with the port's schema.
// The embedded adapter (#14) can replace it wherever it is used.
import { CONVERSATION_LIMITS, CONVERSATION_SCHEMA_VERSION, conversationSchema, type Conversation } from '../../shared/conversations/conversation.js';
import type { ConversationStore } from '../../shared/conversations/conversation-store.js';
import { BusinessRuleError, NotFoundError } from '../../shared/errors/domain-error.js';

export interface InMemoryConversationStore extends ConversationStore {
  /** Every stored conversation (copies), for assertions. */
  all(): Conversation[];
  /** Appends made, for assertions about how turns are written. */
  readonly appendCalls: number;
}

export function createInMemoryConversationStore(now: () => Date = () => new Date()): InMemoryConversationStore {
  const documents = new Map<string, Conversation>();
  let appendCalls = 0;
  const copy = (conversation: Conversation) => conversationSchema.parse(structuredClone(conversation));
  return {
    kind: 'embedded',
    get appendCalls() {
      return appendCalls;
    },
    async create(init) {
      const existing = documents.get(init.id);
      if (existing) return { conversation: copy(existing), created: false };
      const at = now().toISOString();
      const conversation = conversationSchema.parse({ schema_version: CONVERSATION_SCHEMA_VERSION, ...init, created_at: at, updated_at: at, entries: [] });
      documents.set(init.id, conversation);
      return { conversation: copy(conversation), created: true };
    },
    async get(id) {
      const found = documents.get(id);
      return found ? copy(found) : undefined;
    },
    async append(id, entries) {
      appendCalls += 1;
      const found = documents.get(id);
      if (!found) throw new NotFoundError('Conversation', id);
      const present = new Set(found.entries.map((entry) => entry.event_id));
      const appended: string[] = [];
      const duplicates: string[] = [];
      const added = entries.filter((entry) => {
        if (present.has(entry.event_id)) {
          duplicates.push(entry.event_id);
          return false;
        }
        present.add(entry.event_id);
        appended.push(entry.event_id);
        return true;
      });
      if (found.entries.length + added.length > CONVERSATION_LIMITS.maxEntries) {
        throw new BusinessRuleError(`Conversation ${id} would exceed ${CONVERSATION_LIMITS.maxEntries} entries`);
      }
      const next = conversationSchema.parse({ ...found, entries: [...found.entries, ...added], updated_at: added.length > 0 ? now().toISOString() : found.updated_at });
      documents.set(id, next);
      return { conversation: copy(next), appended, duplicates };
    },
    async prune(cutoff) {
      let removed = 0;
      for (const [id, conversation] of documents) {
        if (Date.parse(conversation.updated_at) < cutoff.getTime()) {
          documents.delete(id);
          removed += 1;
        }
      }
      return removed;
    },
    async close() {},
    async check() {
      return { name: 'conversations', status: 'ok', detail: 'in memory (tests)' };
    },
    all: () => [...documents.values()].map(copy),
  };
}
