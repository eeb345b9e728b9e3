// Tools on the Cosmos DB store while Cosmos DB fails, through the real MCP path of an in-process
// app whose COSMOSDB_ENDPOINT is a fault-injecting proxy before the Cosmos test server: a failing
// call answers UNAVAILABLE naming `cosmos` after bounded retries; once the breaker is open, tools
// answer at once without a request, with retry_after_seconds, and /api/ready shows the breaker;
// after the pause the next call closes it. A mutating tool that fails leaves the data as it was,
// and one whose write answer was lost applies it exactly once.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { cosmosFault, startCosmosTestServer, type CosmosTestServer } from '../../../support/cosmos-test-server.js';
import { startFaultServer, type FaultServer } from '../../../support/fault-server.js';
import { createInMemoryTelemetry } from '../../../support/in-memory-telemetry.js';
import { startInProcessMcp, type InProcessMcp } from '../../../support/in-process-mcp.js';
import { answerText } from '../../../../shared/http/http-answer.js';

type Row = Record<string, unknown>;

/** Writes the Cosmos DB SDK sends: replaces (PUT), creates and upserts (POST that is not a query), patches. */
const isWrite = (req: { method?: string | undefined; headers: Record<string, unknown> }) =>
  req.method === 'PUT' || req.method === 'PATCH' || (req.method === 'POST' && req.headers['x-ms-documentdb-isquery'] === undefined);

describe('tools on Cosmos DB while it fails (in-process app, fault-injecting proxy)', () => {
  let server: CosmosTestServer;
  let proxy: FaultServer;
  let mcp: InProcessMcp;
  /** Telemetry on (in memory): the store is traced, and breaker changes become metrics. */
  const memory = createInMemoryTelemetry();

  const ready = async () => {
    const res = await mcp.handlers.health.readiness();
    return { status: res.status, body: JSON.parse(answerText(res)) as Row & { dependencies?: Row[] } };
  };
  const cosmosEntry = async () => (await ready()).body.dependencies?.find((entry) => entry.name === 'cosmos');
  const requestsDuring = async (run: () => Promise<unknown>) => {
    const before = proxy.requests;
    await run();
    return proxy.requests - before;
  };
  const invoiceOf = async (customerId: number) => {
    const invoices = (await mcp.call('get_billing_summary', { customer_id: customerId })).structured.invoices as Row[];
    const invoice = invoices.find((entry) => (entry.outstanding as number) > 2);
    assert.ok(invoice, `customer ${customerId} has an invoice with something outstanding`);
    return invoice.invoice_id as number;
  };
  const paymentsOf = async (invoiceId: number) => (await mcp.call('get_invoice_payments', { invoice_id: invoiceId })).structured.payments as Row[];
  const ticketsOf = async (customerId: number) => (await mcp.call('get_support_tickets', { customer_id: customerId })).structured.tickets as Row[];

  before(async () => {
    server = await startCosmosTestServer();
    proxy = await startFaultServer({ upstream: server.endpoint });
    mcp = await startInProcessMcp({
      customerCount: 3,
      telemetry: memory.telemetry,
      env: {
        ...server.env(),
        COSMOSDB_ENDPOINT: proxy.url(''),
        COSMOS_TIMEOUT_MS: '5000',
        COSMOS_RETRY_MAX_ATTEMPTS: '2',
        COSMOS_RETRY_INITIAL_DELAY_MS: '1',
        COSMOS_RETRY_MAX_DELAY_MS: '10',
        COSMOS_BREAKER_FAILURES: '4',
        COSMOS_BREAKER_HALF_OPEN_MS: '50',
      },
    });
    assert.equal(mcp.ctx.store.kind, 'cosmos');
  });
  after(async () => {
    await mcp?.close();
    await proxy?.stop();
    await server?.close();
  });

  it('lists the store among the dependencies of /api/ready, ok while Cosmos DB answers', async () => {
    const { status, body } = await ready();
    assert.equal(status, 200);
    assert.equal(body.degraded, false);
    assert.deepEqual(await cosmosEntry(), { name: 'cosmos', breaker: 'closed', status: 'ok', detail: 'calls succeed' });
  });

  it('answers UNAVAILABLE naming cosmos after bounded retries, then at once while the breaker is open; readiness shows it; recovery closes it', async () => {
    proxy.setMode(cosmosFault(503));
    try {
      let failed = await mcp.call('get_customer_detail', { customer_id: 251 });
      assert.equal(failed.isError, true);
      assert.match(failed.text, /^UNAVAILABLE: The cosmos dependency failed \(http_503\) after 2 attempt\(s\); retry in 1 s\.$/);
      assert.deepEqual({ ...failed.error, request_id: undefined }, { code: 'UNAVAILABLE', request_id: undefined, dependency: 'cosmos', retry_after_seconds: 1 });
      failed = await mcp.call('get_customer_detail', { customer_id: 252 }); // the fourth failed attempt opens the breaker

      let fast = failed;
      const requests = await requestsDuring(async () => (fast = await mcp.call('get_customer_detail', { customer_id: 253 })));
      assert.equal(requests, 0, 'no request reaches Cosmos DB while the breaker is open');
      assert.match(fast.text, /^UNAVAILABLE: The cosmos dependency is unavailable: its circuit breaker is open after repeated failures \(last: http_503\); retry in 1 s\.$/);
      assert.equal(fast.error?.dependency, 'cosmos');
      assert.equal(fast.error?.retry_after_seconds, 1);

      const notReady = await ready();
      assert.equal(notReady.status, 503);
      assert.equal(notReady.body.reason, 'the store is not reachable');
      assert.deepEqual(await cosmosEntry(), { name: 'cosmos', breaker: 'open', status: 'down', detail: 'circuit breaker open after repeated failures (last: http_503); retry in 1 s' });
    } finally {
      proxy.setMode({ kind: 'forward' });
    }

    await sleep(60); // the breaker's pause
    const recovered = await mcp.call('get_customer_detail', { customer_id: 251 });
    assert.equal(recovered.isError, false, recovered.text);
    assert.equal((await ready()).status, 200);
    assert.deepEqual(await cosmosEntry(), { name: 'cosmos', breaker: 'closed', status: 'ok', detail: 'calls succeed' });
    const transitions = (await memory.metrics()).filter((point) => point.name === 'contoso.breaker.transitions');
    assert.deepEqual(
      transitions.map((point) => [point.attributes['contoso.dependency'], point.attributes['contoso.breaker.state'], point.value]).sort(),
      [['cosmos', 'closed', 1], ['cosmos', 'half_open', 1], ['cosmos', 'open', 1]],
      'the store\'s policy reaches the app\'s policy observer',
    );
  });

  it('leaves an invoice and the tickets as they were when their writes fail', async () => {
    const invoiceId = await invoiceOf(251);
    const payments = await paymentsOf(invoiceId);
    const tickets = await ticketsOf(253);
    const subscriptionId = ((await mcp.call('get_customer_detail', { customer_id: 253 })).structured.subscriptions as Row[])[0]?.subscription_id;
    proxy.only(isWrite);
    proxy.setMode(cosmosFault(503));
    try {
      const paid = await mcp.call('pay_invoice', { invoice_id: invoiceId, amount: 1 });
      assert.equal(paid.error?.code, 'UNAVAILABLE', paid.text);
      const ticket = await mcp.call('create_support_ticket', { customer_id: 253, subscription_id: subscriptionId, category: 'billing', priority: 'low', subject: 'Invoice question', description: 'Why?' });
      assert.equal(ticket.error?.code, 'UNAVAILABLE', ticket.text);
    } finally {
      proxy.setMode({ kind: 'forward' });
      proxy.only(undefined);
    }
    await sleep(60); // the breaker's pause, should the writes have opened it
    assert.deepEqual(await paymentsOf(invoiceId), payments);
    assert.deepEqual(await ticketsOf(253), tickets);
  });

  it('applies a payment and a ticket whose write answers were lost exactly once', async () => {
    const invoiceId = await invoiceOf(251);
    const payments = await paymentsOf(invoiceId);
    const tickets = await ticketsOf(253);
    const subscriptionId = ((await mcp.call('get_customer_detail', { customer_id: 253 })).structured.subscriptions as Row[])[0]?.subscription_id;
    proxy.only((req) => isWrite(req) && /\/colls\/customers\/docs/.test(req.url ?? ''));
    try {
      proxy.plan({ kind: 'forward-then-reset' });
      const paid = await mcp.call('pay_invoice', { invoice_id: invoiceId, amount: 1 });
      assert.equal(paid.isError, false, paid.text);
      proxy.plan({ kind: 'forward-then-reset' });
      const ticket = await mcp.call('create_support_ticket', { customer_id: 253, subscription_id: subscriptionId, category: 'billing', priority: 'low', subject: 'Lost answer', description: 'Written once?' });
      assert.equal(ticket.isError, false, ticket.text);
    } finally {
      proxy.only(undefined);
    }
    assert.equal((await paymentsOf(invoiceId)).length, payments.length + 1);
    const after = await ticketsOf(253);
    assert.equal(after.length, tickets.length + 1);
    assert.equal(after.filter((entry) => entry.subject === 'Lost answer').length, 1);
  });
});
