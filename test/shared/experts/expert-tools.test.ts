// The expert tools end to end in process: the real MCP path and the real openai client talking to
// a scripted Azure OpenAI stand-in on node:http. Covers a multi-step turn with citations, resuming
// a stored conversation, delegated authorization (a refused inner call, audited under the caller
// with the expert named), another caller's conversation, the step budget, malformed model output,
// retried turns (one ticket), result size caps, concurrent turns and progress per step.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { developmentPrincipal, ROLES, type Principal } from '../../../shared/identity/principal.js';
import { MAX_TOOL_RESULT_CHARS } from '../../../shared/experts/tool-results.js';
import { FAKE_OPENAI_KEY, reply, startFakeAzureOpenAi, type ChatBody, type FakeAzureOpenAi } from '../../support/fake-azure-openai.js';
import { startInProcessMcp, type InProcessMcp } from '../../support/in-process-mcp.js';
import type { SeedDataset } from '../../../shared/storage/seed-dataset.js';

const READER: Principal = { ...developmentPrincipal([ROLES.read]), callerId: 'reader-1' };
const WRITER: Principal = { ...developmentPrincipal([ROLES.write]), callerId: 'writer-1' };
const MAX_STEPS = 4;

/** The tool messages of a chat request, in order. */
const toolMessages = (body: ChatBody) => body.messages.filter((message) => message.role === 'tool');

describe('expert tools (scripted Azure OpenAI)', () => {
  let fake: FakeAzureOpenAi;
  let mcp: InProcessMcp;
  let data: SeedDataset;
  const customer = () => data.customers.find((c) => data.invoices.some((i) => i.customerId === c.customerId) && data.subscriptions.some((s) => s.customerId === c.customerId))!;
  const subscriptionOf = (customerId: number) => data.subscriptions.find((s) => s.customerId === customerId)!;

  before(async () => {
    fake = await startFakeAzureOpenAi();
    mcp = await startInProcessMcp({ customerCount: 5, env: fake.env({ EXPERT_MAX_STEPS: String(MAX_STEPS) }) });
    data = await mcp.ctx.store.exportAll();
  });
  after(async () => {
    await mcp?.close();
    await fake?.close();
  });

  it('lists the three experts, and offers each only its own tools', async () => {
    const { tools } = await mcp.client.listTools();
    for (const name of ['ask_billing_expert', 'ask_account_expert', 'ask_product_expert']) assert.ok(tools.some((tool) => tool.name === name), name);
    const check = await mcp.ctx.azureOpenAi.check();
    assert.equal(check.status, 'ok');
    assert.match(check.detail ?? '', /chat deployment "chat-test" at 127\.0\.0\.1:\d+ \(API key\)/);
    assert.ok(!(check.detail ?? '').includes(FAKE_OPENAI_KEY));
  });

  it('answers a multi-step turn with tools, citations, the Azure path, api-version and key, and progress per step', async () => {
    fake.reset();
    const { customerId } = customer();
    fake.script((body, index) => {
      if (index === 0) return reply.tools({ name: 'get_customer_detail', args: { customer_id: customerId } });
      if (index === 1) return reply.tools({ name: 'get_billing_summary', args: { customer_id: customerId } }, { name: 'search_knowledge_base', args: { query: 'late payment fee', topk: 2 } });
      const search = JSON.parse(toolMessages(body)[2]!.content!) as { results: Array<{ document_id: number }> };
      return reply.text(`The customer owes money; the late-fee policy applies [doc:${search.results[0]!.document_id}].`);
    });
    const progress: number[] = [];
    const result = await mcp.call('ask_billing_expert', { question: `Why is customer ${customerId} overdue?` }, { onprogress: (p) => progress.push(p) });
    assert.equal(result.isError, false, result.text);
    const out = result.structured as { answer: string; conversation_id: string; turn_id: string; tools_used: Array<{ name: string; ids: string[]; outcome: string }>; citations: number[]; replayed: boolean };
    assert.match(out.answer, /late-fee policy/);
    assert.deepEqual(
      out.tools_used.map((use) => [use.name, use.ids, use.outcome]),
      [
        ['get_customer_detail', [`customer_id=${customerId}`], 'ok'],
        ['get_billing_summary', [`customer_id=${customerId}`], 'ok'],
        ['search_knowledge_base', [], 'ok'],
      ],
    );
    const chats = fake.chatRequests();
    assert.equal(chats.length, 3);
    const search = JSON.parse(toolMessages(chats[2]!.body)[2]!.content!) as { results: Array<{ document_id: number }> };
    assert.deepEqual(out.citations, [search.results[0]!.document_id]);
    assert.equal(out.replayed, false);
    for (const request of chats) {
      assert.equal(request.method, 'POST');
      assert.equal(request.path, '/openai/deployments/chat-test/chat/completions');
      assert.equal(request.apiVersion, '2024-10-21');
      assert.equal(request.apiKey, FAKE_OPENAI_KEY);
      assert.equal(request.authorization, undefined, 'an API key is sent as api-key, never as a bearer token');
    }
    const first = chats[0]!.body;
    assert.deepEqual(
      first.tools?.map((tool) => tool.function.name),
      ['get_customer_detail', 'get_subscription_detail', 'get_billing_summary', 'get_invoice_payments', 'get_data_usage', 'get_products', 'get_product_detail', 'search_knowledge_base', 'create_support_ticket'],
    );
    const ticketTool = first.tools?.find((tool) => tool.function.name === 'create_support_ticket');
    assert.ok(ticketTool && !('idempotency_key' in (ticketTool.function.parameters.properties as object)), 'the model never sees idempotency_key');
    assert.equal(first.tool_choice, 'auto');
    assert.equal(first.parallel_tool_calls, true);
    assert.equal(first.messages[0]?.role, 'system');
    assert.match(first.messages[0]?.content ?? '', /billing expert[\s\S]*Recommended action/);
    // Parallel calls of one step come back as one tool message each, answering its call id.
    assert.deepEqual(toolMessages(chats[2]!.body).map((m) => m.tool_call_id), ['call_0_0', 'call_1_0', 'call_1_1']);
    assert.deepEqual(progress, [1, 2, 3], 'one progress notification per step');

    const stored = await mcp.ctx.conversations.get(out.conversation_id);
    assert.equal(stored?.kind, 'expert');
    assert.equal(stored?.topic, 'billing');
    assert.deepEqual(stored?.owner, { tenant_id: developmentPrincipal().tenantId, caller_id: developmentPrincipal().callerId });
    assert.deepEqual(stored?.entries.map((e) => e.type === 'message' && e.role), ['user', 'assistant']);
  });

  it('resumes a stored conversation: the next turn sees the earlier question, answer and tools', async () => {
    fake.reset();
    fake.queue(reply.text('first answer'));
    const first = (await mcp.call('ask_product_expert', { question: 'Which bundles exist?' })).structured as { conversation_id: string };
    fake.queue(reply.text('second answer'));
    const second = await mcp.call('ask_product_expert', { question: 'And the cheapest one?', conversation_id: first.conversation_id });
    assert.equal(second.isError, false, second.text);
    assert.equal((second.structured as { conversation_id: string }).conversation_id, first.conversation_id);
    const messages = fake.chatRequests()[1]!.body.messages;
    assert.deepEqual(
      messages.slice(1).map((m) => [m.role, m.content]),
      [
        ['user', 'Which bundles exist?'],
        ['assistant', 'first answer'],
        ['user', 'And the cheapest one?'],
      ],
    );
    assert.equal((await mcp.ctx.conversations.get(first.conversation_id))?.entries.length, 4);
  });

  it('stores an expert conversation that get_conversation reads back to its owner, and to no other reader', async () => {
    fake.reset();
    fake.queue(reply.text('Bundles: see the catalogue.'));
    const asked = (await mcp.call('ask_product_expert', { question: 'Which bundles exist?', turn_id: 'turn-read-back' })).structured as { conversation_id: string };
    const read = await mcp.call('get_conversation', { conversation_id: asked.conversation_id });
    assert.equal(read.isError, false, read.text);
    const { conversation } = read.structured as { conversation: { kind: string; topic: string; customer_id: number | null; entries: Array<{ type: string; role: string; event_id: string; content: string }> } };
    assert.deepEqual([conversation.kind, conversation.topic, conversation.customer_id], ['expert', 'product', null]);
    assert.deepEqual(
      conversation.entries.map((entry) => [entry.type, entry.role, entry.event_id, entry.content]),
      [
        ['message', 'user', 'turn-read-back:user', 'Which bundles exist?'],
        ['message', 'assistant', 'turn-read-back:assistant', 'Bundles: see the catalogue.'],
      ],
    );
    const other = await mcp.callAs(READER, 'get_conversation', { conversation_id: asked.conversation_id });
    assert.equal(other.error?.code, 'NOT_FOUND');
  });

  it("refuses another caller's (or another tenant's) conversation id as not found, without asking the model", async () => {
    fake.reset();
    fake.queue(reply.text('mine'));
    const mine = (await mcp.call('ask_account_expert', { question: 'Is the account locked?' })).structured as { conversation_id: string };
    const other = await mcp.callAs(READER, 'ask_account_expert', { question: 'Show me that conversation', conversation_id: mine.conversation_id });
    assert.equal(other.isError, true);
    assert.equal(other.error?.code, 'NOT_FOUND');
    assert.match(other.text, new RegExp(`Conversation ${mine.conversation_id} was not found`));
    const otherTenant = await mcp.callAs({ ...developmentPrincipal(), tenantId: '11111111-1111-1111-1111-111111111111' }, 'ask_account_expert', {
      question: 'Same caller id, other tenant',
      conversation_id: mine.conversation_id,
    });
    assert.equal(otherTenant.error?.code, 'NOT_FOUND');
    const wrongExpert = await mcp.call('ask_billing_expert', { question: 'Continue elsewhere', conversation_id: mine.conversation_id });
    assert.equal(wrongExpert.error?.code, 'INVALID_ARGUMENT');
    assert.equal(fake.chatRequests().length, 1, 'only the first turn reached the model');
  });

  it('runs inner calls under the caller: a write the caller may not make is not offered, refused, audited with the expert named, and the answer still comes', async () => {
    fake.reset();
    const { customerId } = customer();
    const subscriptionId = subscriptionOf(customerId).subscriptionId;
    fake.queue(
      reply.tools({ name: 'create_support_ticket', args: { customer_id: customerId, subscription_id: subscriptionId, category: 'billing', priority: 'high', subject: 'Disputed charge', description: 'Customer disputes a charge' } }),
      reply.text('I could not open a ticket; someone with write access should.'),
    );
    const ticketsBefore = (await mcp.ctx.store.tickets.listByCustomer(customerId)).length;
    const result = await mcp.callAs(READER, 'ask_billing_expert', { question: `Open a ticket for customer ${customerId}` });
    assert.equal(result.isError, false, result.text);
    const out = result.structured as { answer: string; tools_used: Array<{ name: string; outcome: string }> };
    assert.match(out.answer, /could not open a ticket/);
    assert.deepEqual(out.tools_used.map((use) => [use.name, use.outcome]), [['create_support_ticket', 'refused']]);
    const [offered, answered] = fake.chatRequests();
    assert.ok(!offered!.body.tools?.some((tool) => tool.function.name === 'create_support_ticket'), 'a reader is not offered the write');
    assert.match(toolMessages(answered!.body)[0]!.content!, /^REFUSED: the caller is not allowed to use create_support_ticket/);
    assert.equal((await mcp.ctx.store.tickets.listByCustomer(customerId)).length, ticketsBefore);
    const refusal = (await mcp.auditRecords()).find((record) => record.tool === 'create_support_ticket' && record.outcome === 'refused' && record.callerId === READER.callerId);
    assert.equal(refusal?.via, 'ask_billing_expert');
    assert.equal(refusal?.reason, 'missing_role:support.write');
    assert.deepEqual(refusal?.argumentIds, { customer_id: customerId, subscription_id: subscriptionId });
    const expertCall = (await mcp.auditRecords()).find((record) => record.tool === 'ask_billing_expert' && record.callerId === READER.callerId);
    assert.equal(expertCall?.result, 'ok', 'the expert call itself is audited (it may write)');
  });

  it('handles malformed model output: bad JSON, unknown tools, tools outside the expert, bad arguments, too many calls', async () => {
    fake.reset();
    const invoiceId = data.invoices[0]!.invoiceId;
    fake.queue(
      reply.tools(
        { name: 'get_customer_detail', args: '{not json' },
        { name: 'no_such_tool', args: {} },
        { name: 'pay_invoice', args: { invoice_id: invoiceId, amount: 1 } },
        { name: 'get_customer_detail', args: { customer_id: 'abc' } },
        { name: 'get_customer_detail', args: '[1,2]' },
      ),
      reply.tools(...Array.from({ length: 10 }, () => ({ name: 'get_products', args: {} }))),
      reply.text(''),
    );
    const result = await mcp.call('ask_billing_expert', { question: 'Pay invoice please' });
    assert.equal(result.isError, false, result.text);
    const out = result.structured as { answer: string; tools_used: Array<{ name: string; outcome: string }> };
    assert.deepEqual(
      out.tools_used.slice(0, 5).map((use) => [use.name, use.outcome]),
      [
        ['get_customer_detail', 'malformed_arguments'],
        ['no_such_tool', 'not_available'],
        ['pay_invoice', 'not_available'],
        ['get_customer_detail', 'INVALID_ARGUMENT'],
        ['get_customer_detail', 'malformed_arguments'],
      ],
    );
    assert.deepEqual(out.tools_used.slice(5).map((use) => use.outcome), [...Array.from({ length: 8 }, () => 'ok'), 'not_run', 'not_run']);
    assert.match(out.answer, /gave no answer/);
    const messages = toolMessages(fake.chatRequests()[1]!.body).map((m) => m.content ?? '');
    assert.match(messages[0]!, /not a JSON object/);
    assert.match(messages[2]!, /^REFUSED: pay_invoice is not one of your tools/);
    assert.match(messages[3]!, /^ERROR INVALID_ARGUMENT/);
    const refusal = (await mcp.auditRecords()).find((record) => record.tool === 'pay_invoice' && record.reason === 'not_an_expert_tool:ask_billing_expert');
    assert.equal(refusal?.via, 'ask_billing_expert');
    assert.deepEqual((await mcp.ctx.store.exportAll()).payments.filter((p) => p.invoiceId === invoiceId), data.payments.filter((p) => p.invoiceId === invoiceId), 'nothing paid');
  });

  it('enforces the step budget: the last step offers no tools, and an answer still comes', async () => {
    fake.reset();
    fake.script(() => reply.tools({ name: 'get_products', args: {} }));
    const result = await mcp.call('ask_product_expert', { question: 'Loop forever' });
    assert.equal(result.isError, false, result.text);
    const chats = fake.chatRequests();
    assert.equal(chats.length, MAX_STEPS);
    assert.deepEqual(chats.map((r) => r.body.tool_choice), ['auto', 'auto', 'auto', 'none']);
    assert.match((result.structured as { answer: string }).answer, new RegExp(`used all ${MAX_STEPS} steps`));
  });

  it('caps a large tool result before it goes back to the model', async () => {
    fake.reset();
    const rows = new Map<number, string[]>();
    for (const day of data.usage) rows.set(day.subscriptionId, [...(rows.get(day.subscriptionId) ?? []), day.date]);
    const [subscriptionId, dates] = [...rows].sort((a, b) => b[1].length - a[1].length)[0]!;
    const end = dates.at(-1)!;
    const start = new Date(Date.parse(`${end}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10);
    const args = { subscription_id: subscriptionId, start_date: start, end_date: end };
    const direct = await mcp.call('get_data_usage', args);
    assert.ok(direct.texts[0]!.length > MAX_TOOL_RESULT_CHARS, `precondition: the seeded usage (${direct.texts[0]!.length} characters) is larger than the cap`);
    fake.queue(reply.tools({ name: 'get_data_usage', args }), reply.text('usage is high'));
    const result = await mcp.call('ask_billing_expert', { question: 'A year of usage?' });
    assert.equal(result.isError, false, result.text);
    const content = toolMessages(fake.chatRequests()[1]!.body)[0]!.content!;
    assert.ok(content.length < MAX_TOOL_RESULT_CHARS + 200, `${content.length} characters`);
    assert.match(content, /…\[cut: \d+ more characters/);
  });

  it('opens a ticket once when a turn is retried with its turn_id, replays a finished turn, and refuses the turn_id for another question', async () => {
    fake.reset();
    const { customerId } = customer();
    const ticket = { customer_id: customerId, subscription_id: subscriptionOf(customerId).subscriptionId, category: 'billing', priority: 'normal', subject: 'Refund request', description: 'Wants a refund' };
    const before = (await mcp.ctx.store.tickets.listByCustomer(customerId)).length;
    fake.queue(reply.tools({ name: 'create_support_ticket', args: ticket }), reply.status(500));
    const failed = await mcp.callAs(WRITER, 'ask_billing_expert', { question: 'Open a refund ticket', turn_id: 'turn-refund-1' });
    assert.equal(failed.error?.code, 'UNAVAILABLE');
    assert.equal((await mcp.ctx.store.tickets.listByCustomer(customerId)).length, before + 1, 'the first attempt opened the ticket');

    fake.queue(reply.tools({ name: 'create_support_ticket', args: { ...ticket, idempotency_key: 'model-chosen' } }), reply.text('Ticket opened.'));
    const retried = await mcp.callAs(WRITER, 'ask_billing_expert', { question: 'Open a refund ticket', turn_id: 'turn-refund-1' });
    assert.equal(retried.isError, false, retried.text);
    const out = retried.structured as { conversation_id: string; tools_used: Array<{ outcome: string }>; replayed: boolean };
    assert.deepEqual(out.tools_used.map((use) => use.outcome), ['replayed']);
    assert.equal((await mcp.ctx.store.tickets.listByCustomer(customerId)).length, before + 1, 'no second ticket');

    const calls = fake.chatRequests().length;
    const again = await mcp.callAs(WRITER, 'ask_billing_expert', { question: 'Open a refund ticket', turn_id: 'turn-refund-1' });
    assert.equal((again.structured as { replayed: boolean; conversation_id: string }).replayed, true);
    assert.equal((again.structured as { conversation_id: string }).conversation_id, out.conversation_id);
    assert.equal(fake.chatRequests().length, calls, 'a finished turn is answered from the store');
    const conflict = await mcp.callAs(WRITER, 'ask_billing_expert', { question: 'Something else', turn_id: 'turn-refund-1' });
    assert.equal(conflict.error?.code, 'CONFLICT');
    const granted = (await mcp.auditRecords()).filter((record) => record.tool === 'create_support_ticket' && record.callerId === WRITER.callerId);
    assert.deepEqual(granted.map((record) => [record.result, record.via]), [
      ['replayed', 'ask_billing_expert'],
      ['ok', 'ask_billing_expert'],
    ]);
  });

  it('serialises concurrent turns on one conversation: both are stored, none lost', async () => {
    fake.reset();
    fake.queue(reply.text('start'));
    const start = (await mcp.call('ask_product_expert', { question: 'Start a conversation' })).structured as { conversation_id: string };
    fake.script((_body, index) => reply.text(`answer ${index}`));
    const results = await Promise.all(
      ['one', 'two', 'three'].map((word) => mcp.call('ask_product_expert', { question: `Question ${word}`, conversation_id: start.conversation_id, turn_id: `turn-${word}` })),
    );
    assert.ok(results.every((r) => !r.isError));
    const stored = (await mcp.ctx.conversations.get(start.conversation_id))!;
    assert.equal(stored.entries.length, 8);
    assert.deepEqual(new Set(stored.entries.map((e) => e.event_id)).size, 8);
  });

  it('refuses bad input with INVALID_ARGUMENT before asking the model', async () => {
    fake.reset();
    for (const args of [{ question: '' }, { question: 'ok?', conversation_id: '../etc/passwd' }, { question: 'ok?', turn_id: 'bad turn' }, { question: 'x'.repeat(4001) }]) {
      const result = await mcp.call('ask_billing_expert', args);
      assert.equal(result.error?.code, 'INVALID_ARGUMENT', JSON.stringify(args).slice(0, 80));
    }
    assert.equal(fake.chatRequests().length, 0);
  });
});
