// The history an expert turn sees: answered turns only, newest kept first within the token
// budget, older ones dropped with a note, and each answer followed by the tools it used.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Conversation, MessageEntry } from '../../../shared/conversations/conversation.js';
import { answeredTurns, estimateTokens, historyMessages } from '../../../shared/experts/conversation-history.js';

const at = '2026-06-15T12:00:00.000Z';
const message = (eventId: string, role: 'user' | 'assistant', content: string, extra: Partial<MessageEntry> = {}): MessageEntry => ({ type: 'message', event_id: eventId, role, content, at, ...extra });

function conversation(entries: MessageEntry[]): Conversation {
  return { schema_version: 1, id: 'exp-1', kind: 'expert', owner: { tenant_id: 't', caller_id: 'c' }, customer_id: null, topic: 'billing', created_at: at, updated_at: at, entries };
}

describe('conversation history', () => {
  it('pairs questions with answers by turn, skipping unanswered questions, whatever the interleaving', () => {
    const turns = answeredTurns(
      conversation([message('a:user', 'user', 'Q1'), message('b:user', 'user', 'Q2'), message('c:user', 'user', 'Q3 failed'), message('b:assistant', 'assistant', 'A2'), message('a:assistant', 'assistant', 'A1')]),
    );
    assert.deepEqual(turns.map((t) => [t.turnId, t.question.content, t.answer.content]), [
      ['a', 'Q1', 'A1'],
      ['b', 'Q2', 'A2'],
    ]);
  });

  it('keeps the newest whole turns within the budget and notes how many older ones were left out', () => {
    const long = 'x'.repeat(400); // 100 tokens
    const entries = [1, 2, 3, 4].flatMap((n) => [message(`t${n}:user`, 'user', `${n}${long}`), message(`t${n}:assistant`, 'assistant', `${n}${long}`)]);
    const history = historyMessages(conversation(entries), 450);
    assert.equal(history.droppedTurns, 2);
    assert.deepEqual(history.messages.map((m) => [m.role, m.content?.slice(0, 1)]), [
      ['system', '2'],
      ['user', '3'],
      ['assistant', '3'],
      ['user', '4'],
      ['assistant', '4'],
    ]);
    assert.match(history.messages[0]?.content ?? '', /^2 earlier turn\(s\) of this conversation were left out/);
    assert.equal(estimateTokens('abcd'), 1);
  });

  it('follows each answer with the tools and ids it used, and is empty without a conversation', () => {
    const history = historyMessages(
      conversation([message('t:user', 'user', 'Q'), message('t:assistant', 'assistant', 'A', { tools_used: [{ name: 'get_billing_summary', ids: ['customer_id=7'], outcome: 'ok' }] })]),
    );
    assert.equal(history.messages[1]?.content, 'A\n[tools used: get_billing_summary(customer_id=7) ok]');
    assert.deepEqual(historyMessages(undefined), { messages: [], droppedTurns: 0 });
  });
});
