// Expert conversations in the conversation store: owned by the caller (tenant + caller id), so
// another caller's id is simply not found; a first turn sent with a turn_id gets a conversation id
// derived from the caller and that turn_id, so a retried first turn lands on the same
// conversation. A turn is stored at its end as two entries (question, answer) in one conditional
// append; the event ids make a repeated turn a duplicate, never a second copy.
import { createHash } from 'node:crypto';
import { CONVERSATION_LIMITS, isOwnedBy, type Conversation, type ConversationOwner, type MessageEntry } from '../conversations/conversation.js';
import type { ConversationStore } from '../conversations/conversation-store.js';
import { BusinessRuleError, InvalidArgumentError, NotFoundError } from '../errors/domain-error.js';
import type { Principal } from '../identity/principal.js';
import type { ExpertProfile } from './expert-profile.js';
import { turnEventIds } from './conversation-history.js';

export function ownerOf(caller: Principal): ConversationOwner {
  return { tenant_id: caller.tenantId, caller_id: caller.callerId };
}

/** The caller's own conversation with this expert; NotFoundError for anyone else's (or none). */
export async function loadOwnConversation(store: ConversationStore, id: string, owner: ConversationOwner, expert: ExpertProfile): Promise<Conversation> {
  const conversation = await store.get(id);
  if (conversation === undefined || conversation.kind !== 'expert' || !isOwnedBy(conversation, owner)) throw new NotFoundError('Conversation', id);
  if (conversation.topic !== expert.topic) {
    throw new InvalidArgumentError(`Conversation ${id} is with the ${conversation.topic ?? 'another'} expert; continue it there, or start a new conversation here`, {
      field: 'conversation_id',
    });
  }
  if (conversation.entries.length + 2 > CONVERSATION_LIMITS.maxEntries) {
    throw new BusinessRuleError(`Conversation ${id} is full (${CONVERSATION_LIMITS.maxEntries} entries); start a new conversation`, { field: 'conversation_id' });
  }
  return conversation;
}

/**
 * The id of a new conversation: derived from the caller, the expert and the client's turn_id
 * when there is one (a retried first turn finds its conversation), random otherwise.
 */
export function newConversationId(owner: ConversationOwner, expert: ExpertProfile, turnId: string | undefined, newId: () => string): string {
  if (turnId === undefined) return `exp-${newId().replace(/[^A-Za-z0-9_-]/g, '').slice(0, 56)}`;
  const digest = createHash('sha256').update(JSON.stringify([owner.tenant_id, owner.caller_id, expert.topic, turnId])).digest('base64url');
  return `exp-${digest.slice(0, 40)}`;
}

/** The stored answer of `turnId`, if that turn was answered already. */
export function storedAnswer(conversation: Conversation | undefined, turnId: string): MessageEntry | undefined {
  const id = turnEventIds(turnId).answer;
  return conversation?.entries.find((entry): entry is MessageEntry => entry.type === 'message' && entry.event_id === id);
}

export interface TurnToSave {
  conversationId: string;
  /** The conversation was loaded at the start of the turn (no need to create it). */
  exists: boolean;
  owner: ConversationOwner;
  expert: ExpertProfile;
  question: MessageEntry;
  answer: MessageEntry;
}

/**
 * Stores the turn, creating the conversation first when needed. Returns the answer as stored:
 * this one, or an earlier identical turn's when the same turn_id was answered meanwhile.
 */
export async function saveTurn(store: ConversationStore, turn: TurnToSave): Promise<{ answer: MessageEntry; replayed: boolean }> {
  if (!turn.exists) {
    const { conversation, created } = await store.create({ id: turn.conversationId, kind: 'expert', owner: turn.owner, customer_id: null, topic: turn.expert.topic });
    if (!created && (!isOwnedBy(conversation, turn.owner) || conversation.kind !== 'expert')) throw new NotFoundError('Conversation', turn.conversationId);
  }
  const outcome = await store.append(turn.conversationId, [turn.question, turn.answer]);
  if (!outcome.duplicates.includes(turn.answer.event_id)) return { answer: turn.answer, replayed: false };
  return { answer: storedAnswer(outcome.conversation, turnIdOf(turn.answer)) ?? turn.answer, replayed: true };
}

function turnIdOf(answer: MessageEntry): string {
  return answer.event_id.slice(0, -':assistant'.length);
}
