// The same seed gives the same answers on both stores: two in-process apps, one on the embedded
// SQLite store and one on the Cosmos DB store (the local test server), seeded alike, with the
// same clock and id generator, get the same calls for every tool, reads over the nine scenario
// customers (251–259) and a sample of generated ones, then the same mutations in the same order,
// and must answer each with the same result (structuredContent, text and error).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SCENARIO_QUESTIONS } from '../../../../shared/seed/scenarios/scenario-list.js';
import { CONTOSO_TOOLS } from '../../../../shared/tools/registry.js';
import { startCosmosTestServer, type CosmosTestServer } from '../../../support/cosmos-test-server.js';
import { startInProcessMcp, type InProcessMcp, type ToolResult } from '../../../support/in-process-mcp.js';

type Row = Record<string, unknown>;

const SCENARIO_CUSTOMERS = [251, 252, 253, 254, 255, 256, 257, 258, 259];
const GENERATED_SAMPLE = [1, 4, 9, 13, 20];
const CUSTOMER_COUNT = 20;

describe('tool results on the SQLite and Cosmos DB stores (same seed, clock and ids)', () => {
  let server: CosmosTestServer;
  let sqlite: InProcessMcp;
  let cosmos: InProcessMcp;
  const called = new Set<string>();

  /** Calls `name` on both apps and asserts the results are the same; returns the SQLite one. */
  const both = async (name: string, args: Record<string, unknown>): Promise<ToolResult> => {
    called.add(name);
    const [onSqlite, onCosmos] = await Promise.all([sqlite.call(name, args), cosmos.call(name, args)]);
    assert.deepEqual(onCosmos, onSqlite, `${name} ${JSON.stringify(args)}`);
    return onSqlite;
  };
  const rows = (value: unknown) => (value ?? []) as Row[];

  before(async () => {
    server = await startCosmosTestServer();
    sqlite = await startInProcessMcp({ customerCount: CUSTOMER_COUNT });
    cosmos = await startInProcessMcp({ customerCount: CUSTOMER_COUNT, env: server.env() });
    assert.equal(cosmos.ctx.store.kind, 'cosmos');
  });
  after(async () => {
    await sqlite?.close();
    await cosmos?.close();
    await server?.close();
  });

  it('hold the same seed', async () => {
    assert.deepEqual(await cosmos.ctx.store.exportAll(), await sqlite.ctx.store.exportAll());
    assert.deepEqual(await cosmos.ctx.store.seedState(), await sqlite.ctx.store.seedState());
  });

  it('answer the catalogue, paging and knowledge tools alike', async () => {
    const products = rows((await both('get_products', {})).structured.products);
    for (const category of ['mobile', 'internet', 'tv', 'bundle']) await both('get_products', { category });
    for (const product of products) await both('get_product_detail', { product_id: product.product_id });
    await both('get_product_detail', { product_id: 9999 });
    await both('get_promotions', {});
    for (const limit of [1, 7, 100]) {
      let cursor: string | undefined;
      do {
        const page = await both('get_all_customers', { limit, ...(cursor ? { cursor } : {}) });
        cursor = (page.structured.next_cursor as string | null) ?? undefined;
      } while (cursor);
    }
    await both('get_all_customers', { cursor: 'not-a-cursor' });
    for (const { question } of SCENARIO_QUESTIONS) await both('search_knowledge_base', { query: question, topk: 10 });
    for (const query of ['roaming', 'refund phone', 'password locked account', '"(NEAR* -', 'zzz nothing matches']) await both('search_knowledge_base', { query });
  });

  it("answer every read tool alike for the scenario customers and a sample of generated ones", async () => {
    for (const customerId of [...SCENARIO_CUSTOMERS, ...GENERATED_SAMPLE]) {
      const detail = await both('get_customer_detail', { customer_id: customerId });
      await both('get_customer_orders', { customer_id: customerId });
      await both('get_support_tickets', { customer_id: customerId });
      await both('get_support_tickets', { customer_id: customerId, open_only: true });
      await both('get_security_logs', { customer_id: customerId });
      await both('get_eligible_promotions', { customer_id: customerId });
      const billing = await both('get_billing_summary', { customer_id: customerId });
      for (const invoice of rows(billing.structured.invoices)) await both('get_invoice_payments', { invoice_id: invoice.invoice_id });
      for (const subscription of rows(detail.structured.subscriptions)) {
        const id = subscription.subscription_id;
        await both('get_subscription_detail', { subscription_id: id });
        await both('get_data_usage', { subscription_id: id, start_date: '2026-05-01', end_date: '2026-06-15' });
        await both('get_data_usage', { subscription_id: id, start_date: '2025-06-15', end_date: '2026-06-15', aggregate: true });
      }
    }
    for (const [name, args] of [
      ['get_customer_detail', { customer_id: 99_999 }],
      ['get_subscription_detail', { subscription_id: 99_999 }],
      ['get_invoice_payments', { invoice_id: 99_999 }],
      ['get_billing_summary', { customer_id: 99_999 }],
      ['get_data_usage', { subscription_id: 1, start_date: '2026-06-15', end_date: '2026-05-01' }],
    ] as const) {
      assert.equal((await both(name, args)).isError, true, name);
    }
  });

  it('apply the same mutations alike, refusals included', async () => {
    const unpaid = async (customerId: number) =>
      rows((await both('get_billing_summary', { customer_id: customerId })).structured.invoices).find((i) => (i.outstanding as number) > 1);
    for (const customerId of [251, 258, 4]) {
      const invoice = await unpaid(customerId);
      if (!invoice) continue;
      const paid = await both('pay_invoice', { invoice_id: invoice.invoice_id, amount: 1, idempotency_key: `pay-${customerId}` });
      assert.equal(paid.structured.replayed, false, paid.text);
      assert.equal((await both('pay_invoice', { invoice_id: invoice.invoice_id, amount: 1, idempotency_key: `pay-${customerId}` })).structured.replayed, true);
      assert.equal((await both('pay_invoice', { invoice_id: invoice.invoice_id, amount: 2, idempotency_key: `pay-${customerId}` })).error?.code, 'CONFLICT');
      assert.equal((await both('pay_invoice', { invoice_id: invoice.invoice_id, amount: 1_000_000 })).error?.code, 'BUSINESS_RULE');
      await both('get_invoice_payments', { invoice_id: invoice.invoice_id });
    }
    const subscriptions = rows((await both('get_customer_detail', { customer_id: 253 })).structured.subscriptions);
    for (const subscription of subscriptions) {
      await both('update_subscription', { subscription_id: subscription.subscription_id, update: { roaming_enabled: true } });
      await both('update_subscription', { subscription_id: subscription.subscription_id, update: { autopay_enabled: false, data_cap_gb: 42 } });
    }
    const overdue = rows((await both('get_customer_detail', { customer_id: 258 })).structured.subscriptions);
    for (const subscription of overdue) await both('update_subscription', { subscription_id: subscription.subscription_id, update: { status: 'active' } });
    const first = subscriptions[0]!;
    const ticket = { customer_id: 253, subscription_id: first.subscription_id, category: 'technical', priority: 'high', subject: 'Roaming abroad', description: 'No data in France.' };
    assert.equal((await both('create_support_ticket', { ...ticket, idempotency_key: 'trip-1' })).structured.replayed, false);
    assert.equal((await both('create_support_ticket', { ...ticket, idempotency_key: 'trip-1' })).structured.replayed, true);
    await both('create_support_ticket', { ...ticket, subject: 'Something else', idempotency_key: 'trip-1' });
    await both('create_support_ticket', ticket);
    await both('create_support_ticket', { ...ticket, customer_id: 252 });
    await both('get_support_tickets', { customer_id: 253 });
    assert.equal((await both('unlock_account', { customer_id: 254 })).isError, false);
    assert.equal((await both('unlock_account', { customer_id: 254 })).error?.code, 'BUSINESS_RULE');
    await both('get_security_logs', { customer_id: 254 });
    await both('get_customer_detail', { customer_id: 254 });
    assert.deepEqual(await cosmos.ctx.store.exportAll(), await sqlite.ctx.store.exportAll());
  });

  it('run the troubleshoot job alike for every scenario customer', async () => {
    for (const customerId of SCENARIO_CUSTOMERS) {
      const subscriptionId = rows((await both('get_customer_detail', { customer_id: customerId })).structured.subscriptions)[0]?.subscription_id;
      const job = await both('trouble_shoot_device', { customer_id: customerId, subscription_id: subscriptionId, symptom: 'no internet since this morning' });
      assert.equal(job.structured.status, 'completed', job.text);
      await both('get_troubleshoot_result', { job_id: job.structured.job_id });
    }
    const unknown = { job_id: 'ts-00000000-0000-4000-8000-999999999999' };
    assert.equal((await both('get_troubleshoot_result', unknown)).structured.status, 'not_found');
    assert.equal((await both('cancel_troubleshoot', unknown)).structured.status, 'not_found');
    assert.deepEqual(await cosmos.ctx.store.exportAll(), await sqlite.ctx.store.exportAll());
  });

  it('schedule and read follow-up conversations alike (the customer is read from each store)', async () => {
    const follow = { customer_id: 253, when: '2026-06-16T09:00:00Z', message: 'Did roaming work in France?', idempotency_key: 'trip-follow-up' };
    const scheduled = await both('schedule_follow_up', follow);
    assert.equal(scheduled.isError, false, scheduled.text);
    assert.equal((await both('schedule_follow_up', follow)).structured.replayed, true);
    assert.equal((await both('schedule_follow_up', { ...follow, customer_id: 987_654 })).error?.code, 'NOT_FOUND');
    assert.equal(rows(((await both('get_conversation', { conversation_id: scheduled.structured.conversation_id })).structured.conversation as Row).entries).length, 1);
  });

  it('called every tool', () => {
    assert.deepEqual([...called].sort(), CONTOSO_TOOLS.map((tool) => tool.name).sort());
  });
});
