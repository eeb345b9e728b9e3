// get_billing_summary and get_invoice_payments agree with the stored invoices and payments,
// and the summary streams progress only when the caller asks for it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outstandingAmount } from '../../../../shared/domain/billing/billing-rules.js';
import { useSeededMcp } from '../../../support/in-process-mcp.js';

describe('get_billing_summary', () => {
  const suite = useSeededMcp();

  it('lists every invoice newest first with paid and outstanding amounts and the total owed', async () => {
    const customerId = suite.data.invoices[0]!.customerId;
    const invoices = suite.data.invoices.filter((i) => i.customerId === customerId);
    const result = await suite.mcp.call('get_billing_summary', { customer_id: customerId });
    assert.equal(result.isError, false, result.text);
    const rows = result.structured.invoices as Array<{ invoice_id: number; issued_on: string; outstanding: number; paid: number; amount: number }>;
    assert.deepEqual(rows.map((r) => r.invoice_id).sort(), invoices.map((i) => i.invoiceId).sort());
    const issued = rows.map((r) => r.issued_on);
    assert.deepEqual(issued, [...issued].sort().reverse(), 'newest first');
    let owed = 0;
    for (const row of rows) {
      const invoice = invoices.find((i) => i.invoiceId === row.invoice_id)!;
      const expected = outstandingAmount(invoice, suite.data.payments.filter((p) => p.invoiceId === invoice.invoiceId));
      assert.equal(row.outstanding, expected);
      assert.equal(Math.round((row.paid + row.outstanding) * 100), Math.round(row.amount * 100));
      owed += Math.round(expected * 100);
    }
    assert.equal(result.structured.total_owed, owed / 100);
    assert.equal(result.structured.currency, 'EUR');
  });

  it('reports progress over SSE per invoice only when a progress token is sent', async () => {
    const customerId = suite.data.invoices[0]!.customerId;
    const count = suite.data.invoices.filter((i) => i.customerId === customerId).length;
    const seen: number[] = [];
    await suite.mcp.call('get_billing_summary', { customer_id: customerId }, { onprogress: (p) => seen.push(p) });
    assert.deepEqual(seen, Array.from({ length: count }, (_, i) => i + 1));
    assert.match(suite.mcp.contentTypes.at(-1) ?? '', /^text\/event-stream/);
    await suite.mcp.call('get_billing_summary', { customer_id: customerId });
    assert.match(suite.mcp.contentTypes.at(-1) ?? '', /^application\/json/);
  });

  it('answers an unknown customer with NOT_FOUND', async () => {
    const result = await suite.mcp.call('get_billing_summary', { customer_id: 424_242 });
    assert.match(result.text, /^NOT_FOUND: Customer 424242 was not found/);
  });
});

describe('get_invoice_payments', () => {
  const suite = useSeededMcp();

  it('returns the lines and every payment attempt, failed ones with their reason', async () => {
    const failed = suite.data.payments.find((p) => p.status === 'failed');
    assert.ok(failed, 'the seed has a failed payment');
    const result = await suite.mcp.call('get_invoice_payments', { invoice_id: failed.invoiceId });
    const invoice = suite.data.invoices.find((i) => i.invoiceId === failed.invoiceId)!;
    assert.equal(result.structured.amount, invoice.amount);
    assert.deepEqual(result.structured.lines, invoice.lines);
    const payments = result.structured.payments as Array<{ payment_id: string; status: string; failure_reason: string | null }>;
    assert.deepEqual(payments.map((p) => p.payment_id), suite.data.payments.filter((p) => p.invoiceId === invoice.invoiceId).map((p) => p.paymentId));
    assert.ok(payments.some((p) => p.status === 'failed' && (p.failure_reason ?? '').length > 0));
  });
});
