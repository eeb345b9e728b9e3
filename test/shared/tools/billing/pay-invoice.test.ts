// pay_invoice: payments reduce the outstanding amount, business rules refuse overpayment and
// paying a paid invoice, and idempotency keys make retries (even racing ones) pay once; a key
// belongs to its caller, so another caller or tenant replaying it makes a payment of its own.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { outstandingAmount } from '../../../../shared/domain/billing/billing-rules.js';
import type { Invoice, Payment } from '../../../../shared/domain/billing/invoice.js';
import { ALL_ROLES, developmentPrincipal, ROLES, type Principal } from '../../../../shared/identity/principal.js';
import { scopedIdempotencyKey } from '../../../../shared/tools/common/mutations.js';
import { startInProcessMcp, type InProcessMcp } from '../../../support/in-process-mcp.js';

const ALICE: Principal = { ...developmentPrincipal(ALL_ROLES), callerId: 'alice' };
const BOB: Principal = { ...ALICE, callerId: 'bob' };
const ALICE_ELSEWHERE: Principal = { ...ALICE, tenantId: '22222222-2222-4222-8222-222222222222' };

interface Candidate {
  invoice: Invoice;
  outstanding: number;
}

/** Invoices with at least EUR 10 outstanding in the seed; each test takes its own. */
async function invoicesWithOutstanding(mcp: InProcessMcp): Promise<Candidate[]> {
  const data = await mcp.ctx.store.exportAll();
  const found = data.invoices
    .map((invoice) => ({ invoice, outstanding: outstandingAmount(invoice, data.payments.filter((p) => p.invoiceId === invoice.invoiceId)) }))
    .filter((entry) => entry.outstanding >= 10);
  assert.ok(found.length >= 7, 'the seed has at least 7 invoices with something outstanding');
  return found;
}

/** The payments stored on an invoice, in the order they were made. */
async function paymentsOn(mcp: InProcessMcp, invoiceId: number): Promise<Payment[]> {
  return (await mcp.ctx.store.billing.getInvoiceWithPayments(invoiceId))?.payments ?? [];
}

describe('pay_invoice', () => {
  let mcp: InProcessMcp;
  let candidates: Candidate[];
  const take = (index: number): Candidate => candidates[index] as Candidate;
  before(async () => {
    mcp = await startInProcessMcp();
    candidates = await invoicesWithOutstanding(mcp);
  });
  after(async () => mcp?.close());

  it('records a payment and returns the new outstanding amount', async () => {
    const { invoice, outstanding } = take(0);
    const result = await mcp.call('pay_invoice', { invoice_id: invoice.invoiceId, amount: 1.5, method: 'debit_card' });
    assert.equal(result.isError, false, result.text);
    assert.equal(result.structured.outstanding, Math.round((outstanding - 1.5) * 100) / 100);
    assert.equal(result.structured.replayed, false);
    const payment = result.structured.payment as Record<string, unknown>;
    assert.equal(payment.amount, 1.5);
    assert.equal(payment.method, 'debit_card');
    assert.equal(payment.status, 'succeeded');
    const after = await mcp.call('get_invoice_payments', { invoice_id: invoice.invoiceId });
    assert.equal(after.structured.outstanding, result.structured.outstanding);
    assert.ok((after.structured.payments as Array<{ payment_id: string }>).some((p) => p.payment_id === payment.payment_id));
  });

  it('refuses a payment above the outstanding amount and a payment on a paid invoice', async () => {
    const { invoice, outstanding } = take(1);
    const over = await mcp.call('pay_invoice', { invoice_id: invoice.invoiceId, amount: outstanding + 0.01 });
    assert.equal(over.isError, true);
    assert.match(over.text, /^BUSINESS_RULE: Payment of EUR [\d.]+ exceeds the outstanding/);
    const full = await mcp.call('pay_invoice', { invoice_id: invoice.invoiceId, amount: outstanding });
    assert.equal(full.isError, false, full.text);
    assert.equal(full.structured.outstanding, 0);
    assert.equal(full.structured.invoice_status, 'paid');
    const again = await mcp.call('pay_invoice', { invoice_id: invoice.invoiceId, amount: 1 });
    assert.match(again.text, /^BUSINESS_RULE: Invoice \d+ is already paid in full/);
  });

  it('refuses amounts with more than two decimals, unknown invoices and bad methods', async () => {
    const { invoice } = take(2);
    const cents = await mcp.call('pay_invoice', { invoice_id: invoice.invoiceId, amount: 1.005 });
    assert.match(cents.text, /INVALID_ARGUMENT: amount/);
    const missing = await mcp.call('pay_invoice', { invoice_id: 999_999_999, amount: 1 });
    assert.match(missing.text, /NOT_FOUND: Invoice 999999999 was not found/);
    const method = await mcp.call('pay_invoice', { invoice_id: invoice.invoiceId, amount: 1, method: 'cash' });
    assert.equal(method.isError, true);
    assert.match(method.text, /method/);
  });

  it('returns the first result for a repeated idempotency_key and pays once', async () => {
    const { invoice, outstanding } = take(3);
    const args = { invoice_id: invoice.invoiceId, amount: 2, idempotency_key: 'retry-after-timeout-1' };
    const first = await mcp.call('pay_invoice', args);
    const second = await mcp.call('pay_invoice', args);
    assert.equal(first.isError, false, first.text);
    assert.equal(second.structured.replayed, true);
    assert.deepEqual(second.structured.payment, first.structured.payment);
    assert.equal(second.structured.outstanding, first.structured.outstanding);
    const payments = await paymentsOn(mcp, invoice.invoiceId);
    const stored = scopedIdempotencyKey(developmentPrincipal(ALL_ROLES), 'pay_invoice', invoice.invoiceId, 'retry-after-timeout-1');
    assert.equal(payments.filter((p) => p.idempotencyKey === stored).length, 1);
    assert.ok(payments.every((p) => p.idempotencyKey !== 'retry-after-timeout-1'), 'the raw key is never stored');
    assert.equal(outstandingAmount(invoice, payments), Math.round((outstanding - 2) * 100) / 100);
    const reused = await mcp.call('pay_invoice', { ...args, amount: 3 });
    assert.match(reused.text, /^CONFLICT: idempotency_key was already used/);
  });

  it("treats another caller's or another tenant's identical key as a new payment, never a replay of someone else's", async () => {
    const { invoice, outstanding } = take(6);
    const args = { invoice_id: invoice.invoiceId, amount: 1, idempotency_key: 'shared-key' };
    const first = await mcp.callAs(ALICE, 'pay_invoice', args);
    const bob = await mcp.callAs(BOB, 'pay_invoice', args);
    const elsewhere = await mcp.callAs(ALICE_ELSEWHERE, 'pay_invoice', args);
    const again = await mcp.callAs(ALICE, 'pay_invoice', args);
    for (const result of [first, bob, elsewhere, again]) assert.equal(result.isError, false, result.text);
    assert.equal(bob.structured.replayed, false);
    assert.equal(elsewhere.structured.replayed, false);
    assert.equal(again.structured.replayed, true);
    const ids = [first, bob, elsewhere].map((r) => (r.structured.payment as { payment_id: string }).payment_id);
    assert.equal(new Set(ids).size, 3, 'three payments');
    assert.equal((again.structured.payment as { payment_id: string }).payment_id, ids[0]);
    // "Same key, different arguments" tells Bob nothing about Alice's key: it is simply a new payment.
    const probe = await mcp.callAs(BOB, 'pay_invoice', { ...args, amount: 2, idempotency_key: 'alice-only' });
    await mcp.callAs(ALICE, 'pay_invoice', { ...args, amount: 1, idempotency_key: 'alice-only' });
    assert.equal(probe.isError, false, probe.text);
    const payments = await paymentsOn(mcp, invoice.invoiceId);
    assert.equal(outstandingAmount(invoice, payments), Math.round((outstanding - 1 - 1 - 1 - 2 - 1) * 100) / 100);
    const audited = (await mcp.auditRecords()).filter((r) => r.tool === 'pay_invoice' && r.argumentIds.invoice_id === invoice.invoiceId);
    assert.deepEqual(audited.filter((r) => r.callerId === 'alice').map((r) => r.result).sort(), ['ok', 'ok', 'ok', 'replayed']);
  });

  it('never overpays when 20 payments race on one invoice', async () => {
    const { invoice, outstanding } = take(4);
    const share = Math.ceil((outstanding / 6) * 100) / 100;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => mcp.call('pay_invoice', { invoice_id: invoice.invoiceId, amount: share, idempotency_key: `race-${i}` })),
    );
    const accepted = results.filter((r) => !r.isError);
    assert.ok(accepted.length >= 1 && accepted.length <= 6, `${accepted.length} payments accepted`);
    for (const refused of results.filter((r) => r.isError)) assert.match(refused.text, /^BUSINESS_RULE: /);
    const payments = await paymentsOn(mcp, invoice.invoiceId);
    const paid = payments.filter((p) => p.status === 'succeeded').reduce((sum, p) => sum + Math.round(p.amount * 100), 0);
    assert.ok(paid <= Math.round(invoice.amount * 100), 'total paid never exceeds the invoice amount');
  });

  it('audits every call: granted with its result, invalid arguments, and refusals without the role', async () => {
    const { invoice } = take(5);
    await mcp.call('pay_invoice', { invoice_id: invoice.invoiceId, amount: 0.5, idempotency_key: 'audited-1' });
    await mcp.call('pay_invoice', { invoice_id: invoice.invoiceId, amount: 'lots' });
    const records = await mcp.auditRecords();
    const ok = records.find((r) => r.tool === 'pay_invoice' && r.result === 'ok' && r.argumentIds.invoice_id === invoice.invoiceId);
    assert.equal(ok?.outcome, 'granted');
    assert.equal(ok?.requestId, 'req-tool-test');
    const invalid = records.find((r) => r.tool === 'pay_invoice' && r.result === 'INVALID_ARGUMENT');
    assert.equal(invalid?.outcome, 'granted');
    assert.deepEqual(invalid?.argumentIds, { invoice_id: invoice.invoiceId });
    const readOnly = await startInProcessMcp({ roles: [ROLES.read] });
    try {
      const refused = await readOnly.call('pay_invoice', { invoice_id: invoice.invoiceId, amount: 1 }).then(
        (result) => result.text,
        (error: Error) => error.message,
      );
      assert.match(refused, /not found/i);
      const [record] = await readOnly.auditRecords();
      assert.equal(record?.outcome, 'refused');
      assert.equal(record?.reason, 'missing_role:support.write');
      assert.equal(await paymentsOn(readOnly, invoice.invoiceId).then((p) => p.some((x) => x.amount === 1)), false);
    } finally {
      await readOnly.close();
    }
  });

  it('is not offered to a reader without the write role', async () => {
    const readOnly = await startInProcessMcp({ roles: [ROLES.read] });
    try {
      const { tools } = await readOnly.client.listTools();
      assert.ok(!tools.some((t) => t.name === 'pay_invoice'));
      assert.ok(tools.some((t) => t.name === 'get_invoice_payments'));
    } finally {
      await readOnly.close();
    }
  });
});
