// Every tool's text blocks are checked against its own structured result: the first block is
// the result serialized as JSON (clients that read only text get the data), and the summary a
// person reads after it must name the facts the result holds. One case per tool; the table must
// cover the whole registry, so a new tool needs a case here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONTOSO_TOOLS } from '../../../shared/tools/registry.js';
import type { SeedDataset } from '../../../shared/storage/seed-dataset.js';
import { TOOL_TEST_ANCHOR, useSeededMcp } from '../../support/in-process-mcp.js';

type Row = Record<string, unknown>;
type Facts = (out: Row) => string[];

interface SummaryCase {
  readonly args: (data: SeedDataset) => Record<string, unknown>;
  /** Strings the summary must contain, derived from the structured result. */
  readonly facts: Facts;
}

const rows = (value: unknown) => value as Row[];
/** A well-formed job id no job has. */
const UNKNOWN_JOB = 'ts-00000000-0000-4000-8000-000000000000';
const money = (value: unknown) => (value as number).toFixed(2);
const str = (value: unknown) => String(value);
/** The conversation the schedule_follow_up case created, which the get_conversation case reads (cases run in order). */
let scheduledConversation = 'fu-none';

const CASES: Record<string, SummaryCase> = {
  get_all_customers: {
    args: () => ({ limit: 3 }),
    facts: (out) => [...rows(out.customers).flatMap((c) => [`#${str(c.customer_id)}`, str(c.email), str(c.last_name)]), 'next_cursor'],
  },
  get_customer_detail: {
    args: () => ({ customer_id: 251 }),
    facts: (out) => [`#${str(out.customer_id)}`, str(out.first_name), str(out.email), str(out.phone), str(out.account_status), ...rows(out.subscriptions).flatMap((s) => [`#${str(s.subscription_id)}`, str(s.product_name)])],
  },
  get_subscription_detail: {
    args: (data) => ({ subscription_id: data.subscriptions.find((s) => s.customerId === 252)!.subscriptionId }),
    facts: (out) => [`#${str(out.subscription_id)}`, `#${str(out.customer_id)}`, str(out.product_name), str(out.status), ...rows(out.open_incidents).map((i) => `#${str(i.incident_id)}`)],
  },
  get_products: {
    args: () => ({}),
    facts: (out) => rows(out.products).flatMap((p) => [`#${str(p.product_id)}`, str(p.name)]),
  },
  get_product_detail: {
    args: (data) => ({ product_id: data.products[0]!.productId }),
    facts: (out) => [`#${str(out.product_id)}`, str(out.name), str(out.category), str(out.monthly_fee)],
  },
  get_invoice_payments: {
    args: (data) => ({ invoice_id: data.payments.find((p) => p.status === 'failed')!.invoiceId }),
    facts: (out) => [`#${str(out.invoice_id)}`, money(out.amount), money(out.outstanding), str(out.status), ...rows(out.payments).flatMap((p) => [str(p.method), str(p.status)])],
  },
  pay_invoice: {
    args: (data) => ({ invoice_id: data.invoices.find((i) => !data.payments.some((p) => p.invoiceId === i.invoiceId))!.invoiceId, amount: 1.25, idempotency_key: 'summary-1' }),
    facts: (out) => [str((out.payment as Row).payment_id), '1.25', `#${str(out.invoice_id)}`, money(out.outstanding), str(out.invoice_status)],
  },
  get_billing_summary: {
    args: () => ({ customer_id: 258 }),
    facts: (out) => [`#${str(out.customer_id)}`, money(out.total_owed), money(out.overdue_amount), ...rows(out.invoices).flatMap((i) => [`#${str(i.invoice_id)}`, str(i.status)])],
  },
  get_data_usage: {
    args: (data) => ({ subscription_id: data.subscriptions[0]!.subscriptionId, start_date: '2026-05-01', end_date: TOOL_TEST_ANCHOR }),
    facts: (out) => {
      const totals = out.totals as Row;
      return [`#${str(out.subscription_id)}`, `${str(totals.data_gb)} GB`, `${str(totals.voice_minutes)} voice minutes`, `${str(totals.sms_count)} SMS`];
    },
  },
  update_subscription: {
    args: (data) => {
      const sub = data.subscriptions.find((s) => s.status === 'active')!;
      return { subscription_id: sub.subscriptionId, update: { autopay_enabled: !sub.autopayEnabled } };
    },
    facts: (out) => [`#${str(out.subscription_id)}`, 'autopay_enabled', str((out.subscription as Row).product_name)],
  },
  get_promotions: {
    args: () => ({}),
    facts: (out) => rows(out.promotions).flatMap((p) => [`#${str(p.promotion_id)}`, str(p.name)]),
  },
  get_eligible_promotions: {
    args: () => ({ customer_id: 255 }),
    facts: (out) => [`#${str(out.customer_id)}`, str(out.loyalty_level), ...rows(out.eligible).map((p) => str(p.name))],
  },
  get_customer_orders: {
    args: () => ({ customer_id: 256 }),
    facts: (out) => rows(out.orders).flatMap((o) => [`#${str(o.order_id)}`, str(o.item_name), str(o.status)]),
  },
  get_support_tickets: {
    args: () => ({ customer_id: 257 }),
    facts: (out) => rows(out.tickets).flatMap((t) => [`#${str(t.ticket_id)}`, str(t.subject)]),
  },
  create_support_ticket: {
    args: (data) => {
      const sub = data.subscriptions.find((s) => s.customerId === 257)!;
      return { customer_id: 257, subscription_id: sub.subscriptionId, category: 'network', priority: 'high', subject: 'Calls drop at home', description: 'Since Monday' };
    },
    facts: (out) => [`#${str((out.ticket as Row).ticket_id)}`, 'Calls drop at home', 'network', 'high'],
  },
  search_knowledge_base: {
    args: () => ({ query: 'roaming abroad', topk: 2 }),
    facts: (out) => rows(out.results).flatMap((r) => [str(r.slug), str(r.title)]),
  },
  get_security_logs: {
    args: () => ({ customer_id: 254 }),
    facts: (out) => [`#${str(out.customer_id)}`, str(out.account_status), ...rows(out.events).map((e) => str(e.event_type))],
  },
  unlock_account: {
    args: () => ({ customer_id: 254 }),
    facts: (out) => [`#${str(out.customer_id)}`, str(out.event_id), 'unlocked'],
  },
  trouble_shoot_device: {
    args: (data) => ({ customer_id: 252, subscription_id: data.subscriptions.find((s) => s.customerId === 252)!.subscriptionId, symptom: 'internet is slow' }),
    facts: (out) => [str(out.job_id), str(out.status), str((out.result as Row).diagnosis)],
  },
  get_troubleshoot_result: {
    args: () => ({ job_id: UNKNOWN_JOB }),
    facts: (out) => [str(out.job_id), str(out.status), str(out.reason)],
  },
  cancel_troubleshoot: {
    args: () => ({ job_id: UNKNOWN_JOB }),
    facts: (out) => [str(out.job_id), str(out.status), str(out.reason)],
  },
  schedule_follow_up: {
    args: () => ({ customer_id: 251, when: '2026-06-16T09:00:00Z', message: 'Check the replacement router', idempotency_key: 'summary-case' }),
    facts: (out) => {
      scheduledConversation = str(out.conversation_id);
      return [str(out.when), str(out.conversation_id)];
    },
  },
  get_conversation: {
    args: () => ({ conversation_id: scheduledConversation }),
    facts: (out) => {
      const conversation = out.conversation as Row;
      return [str(conversation.id), str(conversation.kind), `customer ${str(conversation.customer_id)}`, `${rows(conversation.entries).length} entries`, 'scheduled'];
    },
  },
};

describe('tool summaries', () => {
  const suite = useSeededMcp();

  it('has a case for every tool in the registry', () => {
    assert.deepEqual(Object.keys(CASES).sort(), CONTOSO_TOOLS.map((tool) => tool.name).sort());
  });

  for (const [name, { args, facts }] of Object.entries(CASES)) {
    it(`${name}: the first text block is the result as JSON, the second names its facts`, async () => {
      const result = await suite.mcp.call(name, args(suite.data));
      assert.equal(result.isError, false, result.text);
      assert.equal(result.texts.length, 2);
      assert.deepEqual(JSON.parse(result.texts[0]!), result.structured);
      const summary = result.texts[1]!;
      const expected = facts(result.structured);
      assert.ok(expected.length >= 2, `${name}: too few facts to check (${expected.join(', ')})`);
      for (const fact of expected) assert.ok(summary.includes(fact), `${name}: the text lacks "${fact}":\n${summary}`);
    });
  }
});
