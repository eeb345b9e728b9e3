// End to end with STORE_KIND=cosmos: the real local host (the bundled app, as `npm start` runs
// it) against the Cosmos DB test server started in this process. A representative part of the
// e2e suite, on a seed of 20 generated customers (the test server scans whole containers per
// query): readiness, both protocol eras listing the tools and calling every one of them, the
// seeding route's skip / 409 / force, and an outage answered without connection details.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { generateDataset } from '../../shared/seed/generate-dataset.js';
import { SCENARIO_QUESTIONS } from '../../shared/seed/scenarios/scenario-list.js';
import { CONTOSO_TOOLS } from '../../shared/tools/registry.js';
import { startCosmosTestServer, type CosmosTestServer } from '../support/cosmos-test-server.js';
import { connectClient, type Era } from '../support/mcp-clients.js';
import { startLocalHost, TEST_ANCHOR_DATE, type LocalHostProcess } from '../support/local-host-process.js';

type Row = Record<string, unknown>;
type CallResult = { isError?: boolean; structuredContent?: Row; content: Array<{ type: string; text?: string }> };

const seed = generateDataset({ customerCount: 20, anchorDate: TEST_ANCHOR_DATE });

describe('the local host on the Cosmos DB store', () => {
  let cosmos: CosmosTestServer;
  let host: LocalHostProcess;
  const ready = async () => {
    const res = await fetch(`${host.baseUrl}/api/ready`);
    return { status: res.status, body: (await res.json()) as Row };
  };
  const seedRoute = async (body: Row) => {
    const res = await fetch(`${host.baseUrl}/api/manage/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-functions-key': host.functionKey, ...(await host.authHeaders(['admin'])) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Row };
  };

  before(async () => {
    cosmos = await startCosmosTestServer();
    host = await startLocalHost({ ...cosmos.env(), SEED_CUSTOMER_COUNT: '20', TROUBLESHOOT_STEP_DELAY_SECONDS: '0' });
  });
  after(async () => {
    await host?.stop();
    await cosmos?.close();
  });

  it('is ready on the seeded Cosmos DB store', async () => {
    const { status, body } = await ready();
    assert.equal(status, 200);
    assert.deepEqual({ status: body.status, store: body.store, seeded: body.seeded, customers: body.customers, degraded: body.degraded }, { status: 'ready', store: 'cosmos', seeded: true, customers: 29, degraded: false });
  });

  for (const era of ['2025-11-25', '2026-07-28'] as Era[]) {
    describe(`a ${era} client`, () => {
      let client: Client;
      const call = async (name: string, args: Row) => (await client.callTool({ name, arguments: args })) as CallResult;
      before(async () => {
        client = await connectClient(host.mcpUrl, era, await host.authHeaders());
      });
      after(async () => client?.close());

      it('lists every tool', async () => {
        assert.deepEqual((await client.listTools()).tools.map((t) => t.name).sort(), CONTOSO_TOOLS.map((t) => t.name).sort());
      });

      it('calls every tool against the seeded data', async () => {
        const customer = seed.customers.find((c) => c.customerId === 252)!;
        const subscription = seed.subscriptions.find((s) => s.customerId === 252)!;
        const invoice = seed.invoices.find((i) => i.customerId === 252)!;
        const question = SCENARIO_QUESTIONS.find((q) => q.customerId === 252)!;
        const results: Record<string, CallResult> = {
          get_all_customers: await call('get_all_customers', { limit: 10 }),
          get_customer_detail: await call('get_customer_detail', { customer_id: 252 }),
          get_subscription_detail: await call('get_subscription_detail', { subscription_id: subscription.subscriptionId }),
          get_products: await call('get_products', { category: 'internet' }),
          get_product_detail: await call('get_product_detail', { product_id: subscription.productId }),
          get_invoice_payments: await call('get_invoice_payments', { invoice_id: invoice.invoiceId }),
          get_billing_summary: await call('get_billing_summary', { customer_id: 252 }),
          get_data_usage: await call('get_data_usage', { subscription_id: subscription.subscriptionId, start_date: '2026-06-01', end_date: '2026-06-15' }),
          get_promotions: await call('get_promotions', {}),
          get_eligible_promotions: await call('get_eligible_promotions', { customer_id: 255 }),
          get_customer_orders: await call('get_customer_orders', { customer_id: 256 }),
          get_support_tickets: await call('get_support_tickets', { customer_id: 252 }),
          search_knowledge_base: await call('search_knowledge_base', { query: question.question }),
          get_security_logs: await call('get_security_logs', { customer_id: 254 }),
          pay_invoice: await call('pay_invoice', { invoice_id: invoice.invoiceId, amount: 0.01, idempotency_key: `e2e-${era}` }),
          update_subscription: await call('update_subscription', { subscription_id: subscription.subscriptionId, update: { autopay_enabled: true } }),
          create_support_ticket: await call('create_support_ticket', { customer_id: 252, subscription_id: subscription.subscriptionId, category: 'technical', priority: 'normal', subject: 'Still slow', description: 'Since Monday.', idempotency_key: `e2e-${era}` }),
          unlock_account: await call('unlock_account', { customer_id: 254 }),
          // The troubleshoot job runs on the local durable runner; its activities read Cosmos DB.
          trouble_shoot_device: await call('trouble_shoot_device', { customer_id: 252, subscription_id: subscription.subscriptionId, symptom: 'internet slow' }),
        };
        const job = results.trouble_shoot_device?.structuredContent ?? {};
        assert.equal(job.status, 'completed', JSON.stringify(job));
        results.get_troubleshoot_result = await call('get_troubleshoot_result', { job_id: String(job.job_id) });
        assert.equal(results.get_troubleshoot_result?.structuredContent?.status, 'completed');
        // Cancelling a finished job is refused as a business rule; the call itself is served.
        results.cancel_troubleshoot = await call('cancel_troubleshoot', { job_id: String(job.job_id) });
        // The development scheduler runs beside the local host; the follow-up reads the customer from Cosmos DB.
        results.schedule_follow_up = await call('schedule_follow_up', { customer_id: 252, when: new Date(Date.now() + 3_600_000).toISOString(), message: 'Is it faster now?' });
        results.get_conversation = await call('get_conversation', { conversation_id: String(results.schedule_follow_up?.structuredContent?.conversation_id) });
        assert.deepEqual(Object.keys(results).sort(), CONTOSO_TOOLS.map((t) => t.name).sort());
        for (const [name, result] of Object.entries(results)) {
          // The account is unlocked by the first era's run; paying a paid invoice is refused.
          const refusedAsExpected = (name === 'unlock_account' && era === '2026-07-28') || name === 'pay_invoice' || name === 'cancel_troubleshoot';
          if (!refusedAsExpected) assert.notEqual(result.isError, true, `${name}: ${result.content[0]?.text ?? ''}`);
        }
        assert.equal(results.get_customer_detail?.structuredContent?.email, customer.email);
        assert.equal((results.get_all_customers?.structuredContent?.customers as Row[]).length, 10);
        assert.equal(((results.search_knowledge_base?.structuredContent?.results as Row[])[0])?.slug, question.expectedSlug);
        const days = seed.usage.filter((u) => u.subscriptionId === subscription.subscriptionId && u.date >= '2026-06-01' && u.date <= '2026-06-15');
        assert.deepEqual((results.get_data_usage?.structuredContent?.days as Row[]).map((d) => d.date), days.map((d) => d.date));
      });
    });
  }

  it('seeds on request as the route promises: skip, 409 for other settings, force', async () => {
    assert.equal((await seedRoute({ customer_count: 20, anchor_date: TEST_ANCHOR_DATE })).body.action, 'skipped');
    assert.equal((await seedRoute({ customer_count: 5 })).status, 409);
    const forced = await Promise.all([1, 2, 3].map(() => seedRoute({ customer_count: 5, force: true, anchor_date: '2026-03-01' })));
    for (const answer of forced) assert.equal(answer.body.action, 'seeded');
    assert.equal((await ready()).body.customers, 14);
  });

  it('answers UNAVAILABLE, without connection details, when Cosmos DB is gone', async () => {
    await cosmos.close();
    const client = await connectClient(host.mcpUrl, '2025-11-25', await host.authHeaders());
    try {
      const result = (await client.callTool({ name: 'get_customer_detail', arguments: { customer_id: 1 } })) as CallResult;
      assert.equal(result.isError, true);
      const text = result.content[0]?.text ?? '';
      assert.match(text, /^UNAVAILABLE: /);
      assert.doesNotMatch(text, /127\.0\.0\.1|http|key/i);
    } finally {
      await client.close();
    }
    const notReady = await ready();
    assert.equal(notReady.status, 503);
    assert.equal(notReady.body.reason, 'the store is not reachable');
  });
});
