// The conversation store port: Blob Storage in Azure (blob/), an embedded SQLite file for
// `npm start` and tests (embedded/). Both pass test/shared/conversations/conversation-store-contract.ts.
import type { CheckedDependency } from '../health/dependency-check.js';
import type { Conversation, ConversationEntry, ConversationKind, ConversationOwner } from './conversation.js';

export interface NewConversation {
  id: string;
  kind: ConversationKind;
  owner: ConversationOwner;
  customer_id: number | null;
  topic: string | null;
}

export interface CreateOutcome {
  conversation: Conversation;
  /** False when a conversation with this id already existed (it is returned unchanged, whoever owns it). */
  created: boolean;
}

export interface AppendOutcome {
  conversation: Conversation;
  /** Event ids appended by this call, in order. */
  appended: string[];
  /** Event ids that were already present and were not appended again. */
  duplicates: string[];
}

export interface ConversationStore extends CheckedDependency {
  /** Which adapter this is, for logs and /api/ready. */
  readonly kind: 'blob' | 'embedded';
  /**
   * Creates the conversation if no conversation has this id (a conditional create); never
   * overwrites. InvalidArgumentError for a bad id or field, before any I/O.
   */
  create(init: NewConversation): Promise<CreateOutcome>;
  /**
   * The conversation, or undefined. InvalidArgumentError for a bad id (before any I/O);
   * UnavailableError when the backend cannot be reached; CorruptConversationError when the stored
   * document is not a valid conversation.
   */
  get(id: string): Promise<Conversation | undefined>;
  /**
   * Appends the entries whose event ids are not yet present, in order, and bumps updated_at.
   * A conditional write (ETag / transaction) retried on conflict, so concurrent appends never
   * lose one another. NotFoundError when the conversation does not exist; BusinessRuleError when
   * it would exceed CONVERSATION_LIMITS.maxEntries; InvalidArgumentError for a bad id or entry
   * (before any I/O) or an entry of the other kind; ConflictError when the conditional write kept
   * losing to other instances.
   */
  append(id: string, entries: readonly ConversationEntry[]): Promise<AppendOutcome>;
  /**
   * Deletes conversations last updated before `cutoff`; returns how many. The embedded store also
   * prunes itself; in Azure a Blob lifecycle rule does it, and the Blob prune serves local runs.
   */
  prune(cutoff: Date): Promise<number>;
  close(): Promise<void>;
}
