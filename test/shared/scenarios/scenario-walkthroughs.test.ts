// Each named support scenario walked through the tools an agent would use, over the real MCP
// path with the clock at the seed's anchor date: the tools must reveal the situation the
// README's scenario table describes, and the mutations it calls for must work.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SCENARIO_QUESTIONS } from '../../../shared/seed/scenarios/scenario-list.js';
import { startInProcessMcp, type InProcessMcp } from '../../support/in-process-mcp.js';

type Row = Record<string, unknown>;

describe('support scenarios, walked through their tools', () => {
  let mcp: InProcessMcp;
  const rows = (value: unknown) => value as Row[];
  const subscriptionsOf = async (customerId: number) =>
    rows((await mcp.call('get_customer_detail', { customer_id: customerId })).structured.subscriptions);
  const newestInvoice = async (customerId: number) => rows((await mcp.call('get_billing_summary', { customer_id: customerId })).structured.invoices)[0]!;

  before(async () => {
    mcp = await startInProcessMcp({ customerCount: 20 });
  });
  after(async () => mcp?.close());

  it('ranks the scenario\'s policy first in the knowledge base for each scenario question', async () => {
    for (const { question, expectedSlug, scenarioSlug } of SCENARIO_QUESTIONS) {
      const result = await mcp.call('search_knowledge_base', { query: question, topk: 3 });
      const results = rows(result.structured.results);
      assert.equal(results[0]?.slug, expectedSlug, `${scenarioSlug}: "${question}"`);
      assert.ok((results[0]?.score as number) > 0);
    }
  });

  it('251 bill shock: the newest invoice dwarfs the usual ones because usage blew past the cap', async () => {
    const summary = await mcp.call('get_billing_summary', { customer_id: 251 });
    const invoices = rows(summary.structured.invoices);
    const [newest, ...earlier] = invoices;
    const usual = earlier.map((i) => i.amount as number).sort((a, b) => a - b)[Math.floor(earlier.length / 2)]!;
    assert.ok((newest!.amount as number) > 3 * usual, `${String(newest!.amount)} vs usual ${usual}`);
    const detail = await mcp.call('get_invoice_payments', { invoice_id: newest!.invoice_id });
    assert.ok(rows(detail.structured.lines).some((line) => /overage/i.test(String(line.description))));
    const usage = await mcp.call('get_data_usage', {
      subscription_id: newest!.subscription_id,
      start_date: newest!.period_start,
      end_date: newest!.period_end,
      aggregate: true,
    });
    assert.ok((usage.structured.totals as { data_gb: number }).data_gb > (usage.structured.data_cap_gb as number));
    const upgrade = await mcp.call('update_subscription', { subscription_id: newest!.subscription_id, update: { product_id: 3 } });
    assert.equal(upgrade.isError, false, upgrade.text);
  });

  it('252 slow internet: the fibre line is degraded by an open incident in the customer\'s area, with an open ticket', async () => {
    const customer = (await mcp.call('get_customer_detail', { customer_id: 252 })).structured;
    const internet = rows(customer.subscriptions).find((s) => s.category === 'internet')!;
    const detail = (await mcp.call('get_subscription_detail', { subscription_id: internet.subscription_id })).structured;
    assert.equal(detail.service_status, 'degraded');
    const incidents = rows(detail.open_incidents);
    assert.ok(incidents.length >= 1);
    assert.equal(incidents[0]!.area, customer.city);
    assert.ok(incidents[0]!.expected_resolution_at);
    const open = rows((await mcp.call('get_support_tickets', { customer_id: 252, open_only: true })).structured.tickets);
    assert.ok(open.length >= 1);
  });

  it('253 traveller: roaming is off on a plan that offers it, and switching it on works', async () => {
    const mobile = (await subscriptionsOf(253)).find((s) => s.category === 'mobile')!;
    const detail = (await mcp.call('get_subscription_detail', { subscription_id: mobile.subscription_id })).structured;
    assert.equal(detail.roaming_enabled, false);
    assert.equal(detail.roaming_available, true);
    const on = await mcp.call('update_subscription', { subscription_id: mobile.subscription_id, update: { roaming_enabled: true } });
    assert.deepEqual(on.structured.updated_fields, ['roaming_enabled']);
  });

  it('254 locked account: failed sign-ins then a lock; unlocking writes an event and only works once', async () => {
    const logs = (await mcp.call('get_security_logs', { customer_id: 254 })).structured;
    assert.equal(logs.account_status, 'locked');
    const events = rows(logs.events);
    const times = events.map((e) => e.occurred_at as string);
    assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
    assert.equal(events[0]!.event_type, 'account_locked');
    assert.ok(events.slice(1, 4).every((e) => e.event_type === 'login_failed'));
    const unlocked = await mcp.call('unlock_account', { customer_id: 254 });
    assert.equal(unlocked.isError, false, unlocked.text);
    const after = (await mcp.call('get_security_logs', { customer_id: 254 })).structured;
    assert.equal(after.account_status, 'active');
    assert.equal(rows(after.events)[0]!.event_type, 'account_unlocked');
    assert.equal(rows(after.events)[0]!.event_id, unlocked.structured.event_id);
    const again = await mcp.call('unlock_account', { customer_id: 254 });
    assert.match(again.text, /^BUSINESS_RULE: Account of customer 254 is active, not locked/);
  });

  it('255 promotions: several active for the level, others not, one announced for later', async () => {
    const result = (await mcp.call('get_eligible_promotions', { customer_id: 255 })).structured;
    const level = result.loyalty_level as string;
    const eligible = rows(result.eligible);
    assert.ok(eligible.length >= 2);
    for (const p of eligible) {
      const levels = p.eligible_loyalty_levels as string[];
      assert.ok(levels.length === 0 || levels.includes(level));
      assert.ok((p.start_date as string) <= (result.as_of as string) && (result.as_of as string) <= (p.end_date as string));
    }
    const upcoming = rows(result.upcoming);
    assert.ok(upcoming.length >= 1 && upcoming.every((p) => (p.start_date as string) > (result.as_of as string)));
    const active = rows((await mcp.call('get_promotions', {})).structured.promotions);
    assert.ok(active.some((p) => !(p.eligible_loyalty_levels as string[]).includes(level) && (p.eligible_loyalty_levels as string[]).length > 0));
  });

  it('256 device return: received back inside the window with the refund pending and due later', async () => {
    const result = (await mcp.call('get_customer_orders', { customer_id: 256 })).structured;
    const returned = rows(result.orders).find((o) => o.status === 'returned')!;
    assert.equal(returned.refund_status, 'pending');
    assert.ok((returned.return_received_on as string) < '2026-06-15');
    assert.ok((returned.refund_due_by as string) > '2026-06-15');
  });

  it('257 dropped calls: repeated open network tickets and no incident to explain them', async () => {
    const open = rows((await mcp.call('get_support_tickets', { customer_id: 257, open_only: true })).structured.tickets);
    assert.ok(open.filter((t) => t.category === 'network').length >= 2);
    const mobile = (await subscriptionsOf(257)).find((s) => s.category === 'mobile')!;
    const detail = (await mcp.call('get_subscription_detail', { subscription_id: mobile.subscription_id })).structured;
    assert.deepEqual(detail.open_incidents, []);
  });

  it('258 overdue and suspended: failed payments, no reactivation until the overdue amount is paid', async () => {
    const summary = (await mcp.call('get_billing_summary', { customer_id: 258 })).structured;
    assert.ok((summary.overdue_amount as number) > 0);
    const overdue = rows(summary.invoices).find((i) => i.status === 'overdue')!;
    const payments = rows((await mcp.call('get_invoice_payments', { invoice_id: overdue.invoice_id })).structured.payments);
    assert.ok(payments.filter((p) => p.status === 'failed').length >= 2);
    assert.equal(overdue.paid, 0);
    const subscriptionId = overdue.subscription_id as number;
    const detail = (await mcp.call('get_subscription_detail', { subscription_id: subscriptionId })).structured;
    assert.equal(detail.status, 'suspended');
    const early = await mcp.call('update_subscription', { subscription_id: subscriptionId, update: { status: 'active' } });
    assert.match(early.text, /^BUSINESS_RULE: .*cannot be reactivated/);
    for (const invoice of rows(summary.invoices).filter((i) => i.status === 'overdue')) {
      const paid = await mcp.call('pay_invoice', { invoice_id: invoice.invoice_id, amount: invoice.outstanding, idempotency_key: `settle-${String(invoice.invoice_id)}` });
      assert.equal(paid.structured.outstanding, 0, paid.text);
    }
    const reactivated = await mcp.call('update_subscription', { subscription_id: subscriptionId, update: { status: 'active' } });
    assert.equal(reactivated.isError, false, reactivated.text);
    assert.equal((reactivated.structured.subscription as Row).service_status, 'normal');
  });

  it('259 overage charge: one data-overage line on an otherwise normal bill, usage just over the cap', async () => {
    const newest = await newestInvoice(259);
    const lines = rows((await mcp.call('get_invoice_payments', { invoice_id: newest.invoice_id })).structured.lines);
    assert.equal(lines.filter((line) => /overage/i.test(String(line.description))).length, 1);
    const usage = await mcp.call('get_data_usage', {
      subscription_id: newest.subscription_id,
      start_date: newest.period_start,
      end_date: newest.period_end,
      aggregate: true,
    });
    const used = (usage.structured.totals as { data_gb: number }).data_gb;
    const cap = usage.structured.data_cap_gb as number;
    assert.ok(used > cap && used < cap * 1.5, `${used} GB against a ${cap} GB cap`);
  });
});
