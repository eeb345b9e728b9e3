// The earlier turns of an expert conversation as chat messages, bounded by a token budget: whole
// turns (question and answer) are kept newest first until the budget is spent, and older ones are
// dropped (not summarised: a summary would cost a model call per turn), with a note telling the
// model that earlier turns were left out. Unanswered questions (a turn that failed) are skipped.
import type { ChatMessage } from '../azure-openai/chat-model.js';
import type { Conversation, MessageEntry } from '../conversations/conversation.js';

/** Tokens of history one turn carries at most (estimated at four characters a token). */
export const HISTORY_TOKEN_BUDGET = 6_000;

/** A rough token count: chat models average about four characters of English per token. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** The event ids of one turn's two entries. */
export function turnEventIds(turnId: string): { question: string; answer: string } {
  return { question: `${turnId}:user`, answer: `${turnId}:assistant` };
}

export interface StoredTurn {
  readonly turnId: string;
  readonly question: MessageEntry;
  readonly answer: MessageEntry;
}

/** The answered turns of `conversation`, in the order their questions were stored. */
export function answeredTurns(conversation: Conversation): StoredTurn[] {
  const answers = new Map<string, MessageEntry>();
  for (const entry of conversation.entries) {
    if (entry.type === 'message' && entry.role === 'assistant') answers.set(entry.event_id, entry);
  }
  return conversation.entries.flatMap((entry) => {
    if (entry.type !== 'message' || entry.role !== 'user' || !entry.event_id.endsWith(':user')) return [];
    const turnId = entry.event_id.slice(0, -':user'.length);
    const answer = answers.get(turnEventIds(turnId).answer);
    return answer === undefined ? [] : [{ turnId, question: entry, answer }];
  });
}

export interface History {
  messages: ChatMessage[];
  /** Answered turns left out to fit the budget. */
  droppedTurns: number;
}

export function historyMessages(conversation: Conversation | undefined, budgetTokens = HISTORY_TOKEN_BUDGET): History {
  if (conversation === undefined) return { messages: [], droppedTurns: 0 };
  const turns = answeredTurns(conversation);
  const kept: ChatMessage[][] = [];
  let spent = 0;
  for (let i = turns.length - 1; i >= 0; i -= 1) {
    const turn = turns[i];
    if (turn === undefined) continue;
    const answer = withToolNote(turn.answer);
    const cost = estimateTokens(turn.question.content) + estimateTokens(answer);
    if (spent + cost > budgetTokens) break;
    spent += cost;
    kept.unshift([
      { role: 'user', content: turn.question.content },
      { role: 'assistant', content: answer },
    ]);
  }
  const droppedTurns = turns.length - kept.length;
  const note: ChatMessage[] = droppedTurns > 0 ? [{ role: 'system', content: `${droppedTurns} earlier turn(s) of this conversation were left out to fit the context.` }] : [];
  return { messages: [...note, ...kept.flat()], droppedTurns };
}

/** The stored answer with a line naming the tools and ids it used, so a later turn can refer to them. */
function withToolNote(answer: MessageEntry): string {
  const used = answer.tools_used ?? [];
  if (used.length === 0) return answer.content;
  return `${answer.content}\n[tools used: ${used.map((use) => `${use.name}(${use.ids.join(', ')}) ${use.outcome}`).join('; ')}]`;
}
