// The dispatch decision and its audit over the real MCP path: a refused call is audited once per
// dispatched call, with a bounded record, without the caller waiting for the write; nothing is
// audited for a request the SDK refuses before dispatch; granted reads are not audited; a
// role-less caller sees no Contoso tools at all.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { developmentPrincipal, ROLES } from '../../../shared/identity/principal.js';
import { CONTOSO_TOOLS } from '../../../shared/tools/registry.js';
import { startInProcessMcp, useSeededMcp } from '../../support/in-process-mcp.js';

const READER = developmentPrincipal([ROLES.read]);
const NOBODY = developmentPrincipal([]);

/** Resolves with `promise`, or rejects after `ms` (a refusal must not wait for the audit write). */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

describe('tool gate and audit', () => {
  const suite = useSeededMcp({ customerCount: 5 });
  const invoiceId = () => suite.data.invoices[0]!.invoiceId;
  const refusals = async () => (await suite.mcp.auditRecords()).filter((r) => r.outcome === 'refused');

  it('audits nothing for a batch the SDK refuses before dispatch, and one record per dispatched refused call', async () => {
    const before = (await refusals()).length;
    const call = (id: number) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'pay_invoice', arguments: { invoice_id: invoiceId(), amount: 1 } } });
    const huge = await suite.mcp.post(Array.from({ length: 2000 }, (_, i) => call(i)), READER);
    assert.ok(huge.status >= 400 || JSON.stringify(await huge.json()).includes('Batch'), 'the oversized batch is refused');
    assert.equal((await refusals()).length, before, 'no record for calls that were never dispatched');
    const small = await suite.mcp.post(Array.from({ length: 20 }, (_, i) => call(i)), READER);
    assert.equal(small.status, 200);
    const records = (await refusals()).slice(0, 20);
    assert.equal((await refusals()).length, before + 20);
    assert.ok(records.every((r) => r.tool === 'pay_invoice' && r.reason === 'missing_role:support.write' && r.callerId === READER.callerId));
  });

  it('keeps only the declared id arguments, cut short, whatever the call carries', async () => {
    const args: Record<string, unknown> = { invoice_id: invoiceId(), amount: 1 };
    for (let i = 0; i < 3000; i += 1) args[`extra_${i}_id`] = `x${'y'.repeat(100)}`;
    const logsBefore = suite.mcp.logs.length;
    await suite.mcp.callAs(READER, 'pay_invoice', args);
    await suite.mcp.callAs(READER, 'create_support_ticket', { customer_id: 'z'.repeat(5000), subscription_id: 1 });
    const [ticket, payment] = await refusals();
    assert.deepEqual(payment?.argumentIds, { invoice_id: invoiceId() });
    assert.deepEqual(ticket?.argumentIds, { customer_id: 'z'.repeat(64), subscription_id: 1 });
    assert.ok(JSON.stringify(payment).length < 1024);
    const auditLines = suite.mcp.logs.slice(logsBefore).filter((line) => line.msg === 'audit');
    assert.equal(auditLines.length, 2);
    for (const line of auditLines) assert.ok(JSON.stringify(line).length < 2048, `${JSON.stringify(line).length} bytes`);
  });

  it('does not audit granted reads one by one, and audits granted mutations with their outcome', async () => {
    const before = (await suite.mcp.auditRecords()).length;
    await suite.mcp.call('get_customer_detail', { customer_id: suite.data.customers[0]!.customerId });
    await suite.mcp.call('get_invoice_payments', { invoice_id: invoiceId() });
    assert.equal((await suite.mcp.auditRecords()).length, before);
  });

  it('shows a role-less caller no Contoso tools and refuses a call exactly like an unknown tool', async () => {
    const list = await suite.mcp.post({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, NOBODY);
    assert.deepEqual(((await list.json()) as { result: { tools: unknown[] } }).result.tools, []);
    const hidden = await suite.mcp.callAs(NOBODY, 'get_customer_detail', { customer_id: 1 });
    const unknown = await suite.mcp.callAs(NOBODY, 'get_customer_detal', { customer_id: 1 });
    assert.equal(hidden.text.replace('get_customer_detail', 'X'), unknown.text.replace('get_customer_detal', 'X'));
    assert.equal((await refusals())[0]?.reason, 'missing_role:support.read');
    const reader = await suite.mcp.post({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, READER);
    const names = ((await reader.json()) as { result: { tools: Array<{ name: string }> } }).result.tools.map((t) => t.name);
    assert.deepEqual(names, CONTOSO_TOOLS.filter((t) => t.roles.every((r) => r === ROLES.read)).map((t) => t.name));
  });

  it('answers a refused call while the audit write has not finished, as fast as an unknown tool', async () => {
    const stuck = await startInProcessMcp({
      customerCount: 0,
      wrapStore: (store) => ({ ...store, audit: { ...store.audit, append: () => new Promise<void>(() => {}) } }),
    });
    try {
      const refused = await within(stuck.callAs(READER, 'unlock_account', { customer_id: 1 }), 2_000);
      const unknown = await within(stuck.callAs(READER, 'unlock_acount', { customer_id: 1 }), 2_000);
      assert.equal(refused.text.replace('unlock_account', 'X'), unknown.text.replace('unlock_acount', 'X'));
    } finally {
      await stuck.close();
    }
  });

  it('retries a failed audit write, then keeps the record in the error log; the tool still answers', async () => {
    let attempts = 0;
    const failing = await startInProcessMcp({
      customerCount: 0,
      wrapStore: (store) => ({
        ...store,
        audit: {
          ...store.audit,
          append: async () => {
            attempts += 1;
            throw new Error('audit store down');
          },
        },
      }),
    });
    try {
      const scenario = (await failing.ctx.store.exportAll()).customers.find((c) => c.accountStatus === 'locked')!;
      const result = await failing.call('unlock_account', { customer_id: scenario.customerId });
      assert.equal(result.isError, false, result.text);
      assert.equal(attempts, 2);
      const kept = failing.logs.find((line) => line.msg === 'audit record could not be written; it is kept here');
      assert.equal((kept?.audit as { tool?: string } | undefined)?.tool, 'unlock_account');
    } finally {
      await failing.close();
    }
  });
});
