// The small pure parts of the experts: the ticket idempotency key, conversation ids, result caps,
// citations, the tools as the model sees them, and the profiles' tool subsets.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conversationIdSchema } from '../../../shared/conversations/conversation.js';
import { newConversationId } from '../../../shared/experts/expert-conversation.js';
import { EXPERT_PROFILES } from '../../../shared/experts/expert-profiles.js';
import { modelToolOf } from '../../../shared/experts/model-tools.js';
import { expertIdempotencyKey } from '../../../shared/experts/ticket-idempotency.js';
import { capToolText, citedDocuments } from '../../../shared/experts/tool-results.js';
import { idempotencyKeySchema } from '../../../shared/tools/common/mutations.js';
import { CONTOSO_TOOLS } from '../../../shared/tools/registry.js';

const write = { conversationId: 'exp-1', turnId: 't1', callIndex: 0, tool: 'create_support_ticket', args: { customer_id: 1, subject: 'x', nested: { b: 1, a: 2 } } };

describe('expert pieces', () => {
  it('derives one idempotency key per (conversation, turn, call index, tool, arguments), ignoring key order and any model-chosen key', () => {
    const key = expertIdempotencyKey(write);
    assert.ok(idempotencyKeySchema.safeParse(key).success, key);
    assert.equal(expertIdempotencyKey({ ...write, args: { nested: { a: 2, b: 1 }, subject: 'x', customer_id: 1, idempotency_key: 'model' } }), key);
    for (const other of [{ conversationId: 'exp-2' }, { turnId: 't2' }, { callIndex: 1 }, { tool: 'pay_invoice' }, { args: { ...write.args, subject: 'y' } }]) {
      assert.notEqual(expertIdempotencyKey({ ...write, ...other }), key, JSON.stringify(other));
    }
  });

  it('derives a first turn\'s conversation id from the caller, expert and turn_id; random without a turn_id', () => {
    const owner = { tenant_id: 't', caller_id: 'c' };
    const [billing, account] = EXPERT_PROFILES;
    const id = newConversationId(owner, billing!, 'turn-1', () => 'unused');
    assert.ok(conversationIdSchema.safeParse(id).success);
    assert.equal(newConversationId(owner, billing!, 'turn-1', () => 'unused'), id);
    assert.notEqual(newConversationId({ ...owner, caller_id: 'd' }, billing!, 'turn-1', () => 'unused'), id);
    assert.notEqual(newConversationId(owner, account!, 'turn-1', () => 'unused'), id);
    assert.equal(newConversationId(owner, billing!, undefined, () => 'a1b2/../c3'), 'exp-a1b2c3');
  });

  it('caps tool text with a note, and leaves short text alone', () => {
    assert.equal(capToolText('short', 10), 'short');
    assert.match(capToolText('x'.repeat(25), 10), /^x{10}\n…\[cut: 15 more characters/);
  });

  it('cites the marked documents among those retrieved, or every retrieved one when none is marked', () => {
    assert.deepEqual(citedDocuments('See [doc:3] and [doc:99] and [doc:3].', new Set([3, 4])), [3]);
    assert.deepEqual(citedDocuments('No markers.', new Set([3, 4])), [3, 4]);
    assert.deepEqual(citedDocuments('[doc:5]', new Set()), []);
  });

  it('shows the model each tool without idempotency_key and without a $schema dialect', () => {
    const ticket = modelToolOf(CONTOSO_TOOLS.find((tool) => tool.name === 'create_support_ticket')!);
    const properties = ticket.parameters.properties as Record<string, unknown>;
    assert.ok(!('idempotency_key' in properties) && 'customer_id' in properties);
    assert.ok(!(ticket.parameters.required as string[]).includes('idempotency_key'));
    assert.equal(ticket.parameters.$schema, undefined);
    assert.equal(modelToolOf(CONTOSO_TOOLS[0]!), modelToolOf(CONTOSO_TOOLS[0]!), 'computed once per tool');
  });

  it('gives every expert only existing tools: reads, and create_support_ticket as the one write', () => {
    const byName = new Map(CONTOSO_TOOLS.map((tool) => [tool.name, tool]));
    for (const expert of EXPERT_PROFILES) {
      for (const name of expert.toolNames) {
        const tool = byName.get(name);
        assert.ok(tool, `${expert.toolName}: ${name} is not a Contoso tool`);
        assert.ok(tool.annotations.readOnlyHint === true || name === 'create_support_ticket', `${expert.toolName}: ${name} writes`);
      }
    }
    assert.deepEqual(EXPERT_PROFILES.map((e) => e.toolName), ['ask_billing_expert', 'ask_account_expert', 'ask_product_expert']);
  });
});
