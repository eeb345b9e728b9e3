// A full walk through the app with telemetry on — both protocol eras, every tool (reads, writes
// with idempotency keys and free text, a troubleshoot job, an expert turn on the Azure OpenAI
// stand-in with an inner tool call), tool errors, refused calls, a batch, progress, bad tokens —
// and then every span (name, attributes, events, status message) and every
// metric attribute is searched for what must never be there: a token, an email address, a phone
// number, an argument value. Attribute keys must come from the documented list, so a new field
// cannot slip in unseen.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import type { SeedDataset } from '../../../../shared/storage/seed-dataset.js';
import { ATTR } from '../../../../shared/telemetry/otel/telemetry-names.js';
import { reply, startFakeAzureOpenAi, type FakeAzureOpenAi } from '../../../support/fake-azure-openai.js';
import { toolCall } from '../../../support/mcp-clients.js';
import { startTracedApp, type TracedApp } from '../../../support/traced-app.js';

/** Free-text and key arguments the walk sends: distinctive, so any echo in telemetry is found. */
const TEXT_ARGS = {
  query: 'why is my bill so much higher this month walkthrough',
  subject: 'Walkthrough subject quokka',
  description: 'Walkthrough description with a zebra',
  symptom: 'no signal since the walkthrough storm',
  followUp: 'Walkthrough follow-up about the wombat router',
  idempotencyKey: 'idem-walkthrough-7f3a9c',
  question: 'Walkthrough question about the platypus invoice',
};
/** What the scripted model answers the expert: model output must not reach telemetry either. */
const EXPERT_ANSWER = 'Walkthrough answer about the narwhal balance';
/** Attribute keys the exporter itself adds or the SDK may set; everything else must be ours. */
const ALLOWED_KEYS = new Set<string>([...Object.values(ATTR), 'network.protocol.name']);
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;
const JWT = /eyJ[\w-]{4,}\.[\w-]{4,}/;

type Row = Record<string, unknown>;

describe('telemetry of a full walk-through holds no token, email, phone number or argument value', () => {
  let traced: TracedApp;
  let openAi: FakeAzureOpenAi;
  let data: SeedDataset;
  const tokens: string[] = [];
  const idArgs = new Set<number>();
  let legacy: Client;
  let modern: Client;

  const call = async (client: Client, name: string, args: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(args)) if (key.endsWith('_id') && typeof value === 'number') idArgs.add(value);
    return (await client.callTool({ name, arguments: args })) as { structuredContent?: Row; isError?: boolean };
  };

  before(async () => {
    openAi = await startFakeAzureOpenAi();
    traced = await startTracedApp({ env: { TROUBLESHOOT_STEP_DELAY_SECONDS: '0', ...openAi.env() } });
    data = await traced.app.services.store.exportAll();
    legacy = await traced.client('2025-11-25');
    modern = await traced.client('2026-07-28');
    await legacy.listTools();
    await modern.listTools();

    const customerId = 251;
    const detail = (await call(legacy, 'get_customer_detail', { customer_id: customerId })).structuredContent as Row;
    const subscription = (detail.subscriptions as Row[])[0] as Row;
    const subscriptionId = subscription.subscription_id as number;
    const summary = (await call(modern, 'get_billing_summary', { customer_id: customerId })).structuredContent as Row;
    const unpaid = (summary.invoices as Row[]).find((invoice) => (invoice.outstanding as number) > 1) as Row;
    await call(legacy, 'get_all_customers', { limit: 5 });
    await call(legacy, 'get_subscription_detail', { subscription_id: subscriptionId });
    await call(legacy, 'get_products', { category: 'mobile' });
    await call(legacy, 'get_product_detail', { product_id: 3 });
    await call(legacy, 'get_invoice_payments', { invoice_id: unpaid.invoice_id });
    await call(legacy, 'get_data_usage', { subscription_id: subscriptionId, start_date: '2026-05-01', end_date: '2026-05-31', aggregate: true });
    await call(legacy, 'get_promotions', {});
    await call(legacy, 'get_eligible_promotions', { customer_id: customerId });
    await call(legacy, 'get_customer_orders', { customer_id: customerId });
    await call(legacy, 'get_support_tickets', { customer_id: customerId, open_only: false });
    await call(legacy, 'search_knowledge_base', { query: TEXT_ARGS.query, topk: 2 });
    await call(legacy, 'get_security_logs', { customer_id: 254 });
    for (let i = 0; i < 2; i += 1) await call(modern, 'pay_invoice', { invoice_id: unpaid.invoice_id, amount: 1, method: 'paypal', idempotency_key: TEXT_ARGS.idempotencyKey });
    await call(legacy, 'update_subscription', { subscription_id: subscriptionId, update: { autopay_enabled: true } });
    await call(legacy, 'create_support_ticket', {
      customer_id: customerId,
      subscription_id: subscriptionId,
      category: 'billing',
      priority: 'normal',
      subject: TEXT_ARGS.subject,
      description: TEXT_ARGS.description,
      idempotency_key: `${TEXT_ARGS.idempotencyKey}-t`,
    });
    await call(legacy, 'unlock_account', { customer_id: 254 });
    const job = (await call(legacy, 'trouble_shoot_device', { customer_id: customerId, subscription_id: subscriptionId, symptom: TEXT_ARGS.symptom })).structuredContent as Row;
    await call(legacy, 'get_troubleshoot_result', { job_id: job.job_id });
    await call(legacy, 'cancel_troubleshoot', { job_id: job.job_id });
    const followUp = (await call(modern, 'schedule_follow_up', { customer_id: customerId, when: '2026-06-16T09:00:00Z', message: TEXT_ARGS.followUp })).structuredContent as Row;
    await call(legacy, 'get_conversation', { conversation_id: followUp.conversation_id });
    openAi.queue(reply.tools({ name: 'get_customer_detail', args: { customer_id: customerId } }), reply.text(EXPERT_ANSWER));
    await call(modern, 'ask_billing_expert', { question: TEXT_ARGS.question, turn_id: 'walk-turn-1' });
    // Errors and refusals: unknown ids, bad arguments (an email address typed as an id), a missing role, bad tokens.
    await call(legacy, 'get_customer_detail', { customer_id: 987_654 });
    await call(legacy, 'get_customer_detail', { customer_id: 'someone@example.org' });
    await (await traced.post(toolCall(90, 'unlock_account', { customer_id: 254 }), { roles: [] })).text();
    await (await traced.post(toolCall(91, 'get_billing_summary', { customer_id: customerId }, { progressToken: 'walk-progress' }))).text();
    await (await traced.post([toolCall(92, 'get_products', {}), toolCall(93, 'get_promotions', {})])).text();
    const expired = await traced.token();
    tokens.push(expired, `${expired.slice(0, -6)}AAAAAA`);
    await (await traced.post(toolCall(94, 'get_products', {}), { headers: { authorization: `Bearer ${expired.slice(0, -6)}AAAAAA` } })).text();
    await (await traced.post(toolCall(95, 'get_products', {}), { headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' } })).text();
    tokens.push('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
  });
  after(async () => {
    await legacy?.close();
    await modern?.close();
    await traced?.close();
    await openAi?.close();
  });

  /** Every value a span or metric point carries, as text, with where it came from. */
  async function telemetryValues(): Promise<Array<{ where: string; key: string; value: unknown }>> {
    const values: Array<{ where: string; key: string; value: unknown }> = [];
    for (const span of traced.memory.spans()) {
      values.push({ where: `span ${span.name}`, key: '(name)', value: span.name });
      if (span.status.message !== undefined) values.push({ where: `span ${span.name}`, key: '(status)', value: span.status.message });
      for (const [key, value] of Object.entries(span.attributes)) values.push({ where: `span ${span.name}`, key, value });
      for (const event of span.events) values.push({ where: `span ${span.name} event`, key: event.name, value: JSON.stringify(event.attributes ?? {}) });
    }
    for (const point of await traced.memory.metrics()) {
      for (const [key, value] of Object.entries(point.attributes)) values.push({ where: `metric ${point.name}`, key, value });
    }
    return values;
  }

  it('walked every tool, in both eras, with errors and refusals', async () => {
    const spans = traced.memory.spans();
    const tools = new Set(spans.map((span) => span.attributes[ATTR.TOOL_NAME]).filter((name) => name !== undefined));
    assert.ok(tools.size >= 23, `tools seen: ${[...tools].join(', ')}`);
    const outcomes = new Set(spans.map((span) => span.attributes[ATTR.MCP_OUTCOME]));
    for (const outcome of ['ok', 'tool_error', 'refused']) assert.ok(outcomes.has(outcome), outcome);
    assert.ok(new Set(spans.map((span) => span.attributes[ATTR.MCP_ERA])).has('modern'));
    assert.ok(spans.some((span) => span.name.startsWith('durable.')), 'the job engine was traced');
    assert.ok(tools.has('ask_billing_expert'), 'an expert was asked');
    assert.equal(spans.filter((span) => span.name === 'azure_openai.complete').length, 2, 'each model call of the turn was a client span');
  });

  it('uses only the documented attribute keys', async () => {
    const unknown = (await telemetryValues()).filter(({ key, where }) => !key.startsWith('(') && !where.endsWith('event') && !ALLOWED_KEYS.has(key));
    assert.deepEqual(unknown, []);
  });

  it('carries no token, email address, phone number or argument value', async () => {
    const personal = data.customers.flatMap((customer) => [customer.email, customer.phone, `${customer.firstName} ${customer.lastName}`]);
    const texts = [...Object.values(TEXT_ARGS), EXPERT_ANSWER];
    const leaks: string[] = [];
    for (const { where, key, value } of await telemetryValues()) {
      const text = String(value);
      if (JWT.test(text) || tokens.some((token) => text.includes(token.slice(0, 40)))) leaks.push(`${where} ${key}: a token`);
      if (EMAIL.test(text)) leaks.push(`${where} ${key}: an email address`);
      for (const item of personal) if (text.includes(item)) leaks.push(`${where} ${key}: customer data ${item}`);
      for (const item of texts) if (text.toLowerCase().includes(item.toLowerCase().slice(0, 16))) leaks.push(`${where} ${key}: argument ${item}`);
      for (const id of idArgs) if (id >= 10 && (value === id || new RegExp(`\\b${id}\\b`).test(text))) leaks.push(`${where} ${key}: id argument ${id}`);
    }
    assert.deepEqual(leaks, []);
    assert.ok(idArgs.size >= 4, 'the walk sent ids');
  });
});
