// The fast path answers exactly as the SDK path does, byte for byte: every tool with good and
// bad arguments, unknown and hidden tools, and tools/list for several role sets, in both eras.
// Two apps on identically seeded stores with the same ids and clock: one answers through the fast
// path (whose SDK fallback must never be needed for these requests), one through the SDK only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../../shared/config/load-config.js';
import { createApp, type App } from '../../../shared/context/create-app.js';
import { ALL_ROLES, developmentPrincipal, ROLES, type Principal } from '../../../shared/identity/principal.js';
import type { ServerExtension } from '../../../shared/mcp/server-extension.js';
import { detachedScope } from '../../../shared/request/request-scope.js';
import { fixedClock } from '../../../shared/time/clock.js';

const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'compare', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': {},
};

type Era = '2025-11-25' | 'no-version-header' | '2026-07-28';

interface Exchange {
  status: number;
  contentType: string | null;
  body: string;
}

function mcpRequest(era: Era, method: string, params: Record<string, unknown>, principal: Principal, id: number | string): Request {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'x-test-principal': JSON.stringify(principal),
  };
  let body: Record<string, unknown> = { jsonrpc: '2.0', id, method, params };
  if (era === '2025-11-25') headers['mcp-protocol-version'] = era;
  if (era === '2026-07-28') {
    Object.assign(headers, { 'mcp-protocol-version': era, 'mcp-method': method }, typeof params.name === 'string' ? { 'mcp-name': params.name } : {});
    body = { ...body, params: { ...params, _meta: ENVELOPE } };
  }
  return new Request('http://localhost/api/mcp', { method: 'POST', headers, body: JSON.stringify(body) });
}

async function makeApp(fastPath: boolean, extensions: ServerExtension[] = []): Promise<App> {
  const config = loadConfig({ SQLITE_PATH: ':memory:', AUTH_MODE: 'disabled', SEED_CUSTOMER_COUNT: '8', SEED_ANCHOR_DATE: '2026-06-15' });
  let next = 0;
  return createApp(config, {
    fastPath,
    extensions,
    clock: fixedClock('2026-06-15T12:00:00.000Z'),
    newId: () => `id-${(next += 1)}`,
    logSink: () => {},
    authenticate: async (request) => ({ ok: true, principal: JSON.parse(request.headers.get('x-test-principal') ?? '{}') as Principal }),
  });
}

async function exchange(app: App, request: Request): Promise<Exchange> {
  const res = await app.handlers.mcp.web(request, detachedScope('req-compare'));
  return { status: res.status, contentType: res.headers.get('content-type'), body: await res.text() };
}

describe('fast path against the SDK path', () => {
  let fast: App;
  let sdk: App;
  before(async () => {
    [fast, sdk] = await Promise.all([makeApp(true), makeApp(false)]);
  });
  after(async () => Promise.all([fast?.close(), sdk?.close()]));

  const everyone = developmentPrincipal(ALL_ROLES);
  const reader = developmentPrincipal([ROLES.read]);
  const nobody = developmentPrincipal([]);

  async function compare(era: Era, method: string, params: Record<string, unknown>, principal = everyone, id: number | string = 7): Promise<Exchange> {
    const [a, b] = [await exchange(fast, mcpRequest(era, method, params, principal, id)), await exchange(sdk, mcpRequest(era, method, params, principal, id))];
    assert.deepEqual(a, b, `${era} ${method} ${JSON.stringify(params)}`);
    return a;
  }

  for (const era of ['2025-11-25', 'no-version-header', '2026-07-28'] as const) {
    describe(era, () => {
      it('answers tools/list identically for every role set, twice (built once, then replayed)', async () => {
        for (const principal of [everyone, reader, nobody, developmentPrincipal([ROLES.security])]) {
          const first = await compare(era, 'tools/list', {}, principal, 'list-1');
          const second = await compare(era, 'tools/list', {}, principal, 99);
          assert.equal(first.body.replace('"list-1"', '99'), second.body);
        }
      });

      it('answers every read tool, good and bad arguments, identically', async () => {
        const data = await fast.services.store.exportAll();
        const customer = data.customers[0]!.customerId;
        const sub = data.subscriptions[0]!;
        const calls: Array<[string, Record<string, unknown>]> = [
          ['get_all_customers', { limit: 3 }],
          ['get_all_customers', { limit: 3, cursor: 'not-a-cursor' }],
          ['get_customer_detail', { customer_id: customer }],
          ['get_customer_detail', { customer_id: 999_999 }],
          ['get_customer_detail', { customer_id: 'x' }],
          ['get_customer_detail', {}],
          ['get_subscription_detail', { subscription_id: sub.subscriptionId }],
          ['get_products', {}],
          ['get_products', { category: 'nope' }],
          ['get_product_detail', { product_id: 1 }],
          ['get_invoice_payments', { invoice_id: data.invoices[0]!.invoiceId }],
          ['get_billing_summary', { customer_id: customer }],
          ['get_data_usage', { subscription_id: sub.subscriptionId, start_date: '2026-06-01', end_date: '2026-06-10' }],
          ['get_data_usage', { subscription_id: sub.subscriptionId, start_date: '2026-06-10', end_date: '2026-06-01' }],
          ['get_promotions', {}],
          ['get_eligible_promotions', { customer_id: customer }],
          ['get_customer_orders', { customer_id: customer }],
          ['get_support_tickets', { customer_id: customer, open_only: true }],
          ['search_knowledge_base', { query: 'roaming abroad', topk: 2 }],
          ['search_knowledge_base', { query: '"; DROP TABLE --' }],
          ['get_security_logs', { customer_id: customer }],
        ];
        for (const [name, args] of calls) await compare(era, 'tools/call', { name, arguments: args });
        await compare(era, 'tools/call', { name: 'get_products' });
      });

      it('answers unknown tools and tools the caller may not use identically, refusals alike', async () => {
        const unknown = await compare(era, 'tools/call', { name: 'no_such_tool', arguments: {} }, reader);
        const hidden = await compare(era, 'tools/call', { name: 'pay_invoice', arguments: { invoice_id: 1, amount: 1 } }, reader);
        assert.equal(unknown.body.replace('no_such_tool', 'X'), hidden.body.replace('pay_invoice', 'X'));
        await compare(era, 'tools/call', { name: 'get_customer_detail', arguments: { customer_id: 1 } }, nobody);
      });

      it('answers mutations identically, success and refusal', async () => {
        const data = await fast.services.store.exportAll();
        const invoice = data.invoices.find((i) => !data.payments.some((p) => p.invoiceId === i.invoiceId))!;
        await compare(era, 'tools/call', { name: 'pay_invoice', arguments: { invoice_id: invoice.invoiceId, amount: 0.01, idempotency_key: `compare-${era}` } });
        await compare(era, 'tools/call', { name: 'pay_invoice', arguments: { invoice_id: invoice.invoiceId, amount: 0.01, idempotency_key: `compare-${era}` } });
        await compare(era, 'tools/call', { name: 'pay_invoice', arguments: { invoice_id: invoice.invoiceId, amount: 1_000_000 } });
      });
    });
  }

  it('builds no per-request SDK server for calls, and one per era and role set for tools/list', async () => {
    let servers = 0;
    const counter: ServerExtension = { name: 'server-counter', register: () => void (servers += 1) };
    const counted = await makeApp(true, [counter]);
    try {
      for (const era of ['2025-11-25', '2026-07-28'] as const) {
        for (let i = 0; i < 3; i += 1) {
          const call = await exchange(counted, mcpRequest(era, 'tools/call', { name: 'get_product_detail', arguments: { product_id: 1 } }, everyone, i));
          assert.equal(call.status, 200);
          await exchange(counted, mcpRequest(era, 'tools/call', { name: 'pay_invoice', arguments: { invoice_id: 1, amount: 1 } }, reader, i));
        }
      }
      assert.equal(servers, 0, 'tools/call never built an SDK server');
      for (let i = 0; i < 3; i += 1) {
        for (const era of ['2025-11-25', '2026-07-28'] as const) {
          for (const principal of [everyone, reader]) await exchange(counted, mcpRequest(era, 'tools/list', {}, principal, i));
        }
      }
      assert.equal(servers, 4, 'one SDK answer per era and role set, then replayed');
      await exchange(counted, mcpRequest('2025-11-25', 'tools/call', { name: 'get_products', arguments: {}, _meta: { progressToken: 1 } }, everyone, 1));
      assert.equal(servers, 5, 'a call with a progress token takes the SDK path');
    } finally {
      await counted.close();
    }
  });

  it('leaves requests it does not fully understand to the SDK path', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['tools/call', { name: 'get_products', arguments: {}, _meta: { progressToken: 'p' } }],
      ['tools/list', { cursor: 'abc' }],
      ['tools/call', { name: 'get_products', arguments: [] }],
      ['tools/call', { name: 'get_products', arguments: {}, extra: true }],
      ['prompts/list', {}],
      ['tasks/get', { taskId: 'task-1' }],
    ];
    for (const [method, params] of cases) {
      for (const era of ['2025-11-25', '2026-07-28'] as const) {
        const a = await exchange(fast, mcpRequest(era, method, params, everyone, 1));
        const b = await exchange(sdk, mcpRequest(era, method, params, everyone, 1));
        assert.deepEqual(a, b, `${era} ${method} ${JSON.stringify(params)}`);
      }
    }
  });
});
