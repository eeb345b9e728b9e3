// Racing writes on the Cosmos DB store end as some serial order would: 100 concurrent conflicting
// update_subscription calls and 50 concurrent payments on one invoice, split between two apps on
// the same database (two instances, so the ETag race is really lost and retried), and a 100-way
// read-modify-write race through four store clients. Nothing is lost, nothing is overpaid.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { outstandingAmount, toCents, toEuros } from '../../../../shared/domain/billing/billing-rules.js';
import { createLogger } from '../../../../shared/telemetry/logger.js';
import { startCosmosTestServer, type CosmosTestServer } from '../../../support/cosmos-test-server.js';
import { startInProcessMcp, type InProcessMcp, type ToolResult } from '../../../support/in-process-mcp.js';

type Row = Record<string, unknown>;

describe('Cosmos DB store under racing writes (two app instances on one database)', () => {
  let server: CosmosTestServer;
  let first: InProcessMcp;
  let second: InProcessMcp;
  let databaseName: string;
  /** Spreads calls over both instances. */
  const instance = (i: number) => (i % 2 === 0 ? first : second);

  before(async () => {
    server = await startCosmosTestServer();
    const env = server.env();
    databaseName = env.COSMOS_DATABASE_NAME!;
    first = await startInProcessMcp({ customerCount: 20, env, idPrefix: 'one' });
    second = await startInProcessMcp({ customerCount: 20, env, idPrefix: 'two' });
    assert.equal(second.ctx.seedOutcome.action, 'skipped', 'the second instance finds the store seeded');
  });
  after(async () => {
    await first?.close();
    await second?.close();
    await server?.close();
  });

  it('ends 100 concurrent conflicting update_subscription calls as a serial order: one cancel wins, nothing after it applies', async () => {
    const detail = await first.call('get_customer_detail', { customer_id: 253 });
    const subscription = (detail.structured.subscriptions as Row[]).find((s) => s.status === 'active' && s.data_cap_gb !== null)!;
    const id = subscription.subscription_id;
    const cancels = new Set([17, 50, 83]);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        instance(i).call('update_subscription', { subscription_id: id, update: cancels.has(i) ? { status: 'cancelled' } : { data_cap_gb: i + 1 } }),
      ),
    );
    const applied = results.filter((r) => !r.isError);
    const refused = results.filter((r) => r.isError);
    assert.equal(applied.length + refused.length, 100);
    for (const r of refused) assert.equal(r.error?.code, 'BUSINESS_RULE', r.text);
    const cancelled = results.filter((r, i) => cancels.has(i) && !r.isError);
    assert.equal(cancelled.length, 1, 'exactly one cancel applies; the others find it cancelled');
    const stored = (await first.call('get_subscription_detail', { subscription_id: id })).structured;
    const final = cancelled[0]!.structured.subscription as Row;
    assert.equal(stored.status, 'cancelled');
    assert.equal(stored.data_cap_gb, final.data_cap_gb, 'nothing changed the subscription after the cancel');
    const beforeCancel = applied.filter((r) => (r.structured.subscription as Row).status === 'active');
    assert.equal(beforeCancel.length, applied.length - 1, 'every applied change other than the cancel came before it');
    const caps = new Set(beforeCancel.map((r) => (r.structured.subscription as Row).data_cap_gb));
    assert.equal(caps.size, beforeCancel.length, 'each applied change wrote its own value');
    if (beforeCancel.length > 0) assert.ok(caps.has(final.data_cap_gb), 'the cancel kept the value of the last change before it');
  });

  it('never overpays when 50 payments race on one invoice, and pays a shared idempotency key once', async () => {
    const data = await first.ctx.store.exportAll();
    const [target, keyed] = data.invoices.filter((invoice) => {
      const payments = data.payments.filter((p) => p.invoiceId === invoice.invoiceId);
      return outstandingAmount(invoice, payments) >= 10 && invoice.customerId !== 253;
    });
    assert.ok(target && keyed, 'two invoices with money outstanding');
    const outstanding = outstandingAmount(target, data.payments.filter((p) => p.invoiceId === target.invoiceId));
    const amount = toEuros(Math.ceil(toCents(outstanding) / 30));
    const fits = Math.floor(toCents(outstanding) / toCents(amount));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => instance(i).call('pay_invoice', { invoice_id: target.invoiceId, amount })),
    );
    const made = results.filter((r) => !r.isError);
    assert.equal(made.length, fits, `${fits} payments of ${amount} fit in ${outstanding}`);
    for (const r of results.filter((x) => x.isError)) assert.equal(r.error?.code, 'BUSINESS_RULE', r.text);
    const afters = made.map((r) => r.structured.outstanding as number).sort((a, b) => b - a);
    assert.deepEqual(afters, Array.from({ length: fits }, (_, k) => toEuros(toCents(outstanding) - (k + 1) * toCents(amount))), 'each payment saw the one before it');
    const stored = await first.ctx.store.billing.getInvoiceWithPayments(target.invoiceId);
    assert.ok(stored);
    assert.ok(outstandingAmount(stored.invoice, stored.payments) >= 0);
    assert.equal(stored.payments.filter((p) => p.amount === amount && p.paidAt.startsWith('2026-06-15')).length, fits);

    const sameKey = await Promise.all(
      Array.from({ length: 20 }, (_, i) => instance(i).call('pay_invoice', { invoice_id: keyed.invoiceId, amount: 1, idempotency_key: 'retry-me' })),
    );
    // The key is scoped per caller; both instances authenticate the same development principal.
    const newOnes = sameKey.filter((r) => r.structured.replayed === false);
    assert.equal(newOnes.length, 1, sameKey.map((r: ToolResult) => r.text).join('\n'));
    assert.equal(new Set(sameKey.map((r) => (r.structured.payment as Row).payment_id)).size, 1);
  });

  it('runs a 100-way read-modify-write race through four store clients as a serial order', async () => {
    let lostRaces = 0;
    const logger = createLogger({ level: 'debug', sink: (_level, line) => void (line.includes('ETag changed') && (lostRaces += 1)) });
    const stores = await Promise.all(Array.from({ length: 4 }, () => server.openStore({ databaseName }, logger)));
    try {
      const [subscription] = await stores[0]!.subscriptions.listByCustomer(1);
      assert.ok(subscription);
      const id = subscription.subscriptionId;
      const initial = subscription.serviceIdentifier;
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          stores[i % 4]!.subscriptions.update(id, (current) => ({ subscription: { ...current, serviceIdentifier: `${current.serviceIdentifier}|${i}` }, saw: current.serviceIdentifier })),
        ),
      );
      const bySeen = new Map(results.map((r) => [r.saw, r]));
      assert.equal(bySeen.size, 100, 'two updates saw the same state');
      let state = initial;
      for (let step = 0; step < 100; step += 1) state = bySeen.get(state)!.subscription.serviceIdentifier;
      assert.equal((await stores[1]!.subscriptions.get(id))?.serviceIdentifier, state);
      assert.equal(state.split('|').length, 101, 'every update applied once');
      assert.ok(lostRaces > 0, 'the clients lost ETag races and decided again');
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});
