// get_security_logs and unlock_account for generated customers and the roles they need.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startInProcessMcp, type InProcessMcp } from '../../../support/in-process-mcp.js';

describe('security tools', () => {
  let mcp: InProcessMcp;
  before(async () => {
    mcp = await startInProcessMcp();
  });
  after(async () => mcp?.close());

  it('lists a customer\'s security events newest first', async () => {
    const result = await mcp.call('get_security_logs', { customer_id: 1 });
    assert.equal(result.isError, false, result.text);
    const times = (result.structured.events as Array<{ occurred_at: string }>).map((e) => e.occurred_at);
    assert.ok(times.length >= 1);
    assert.deepEqual(times, [...times].sort().reverse());
  });

  it('refuses to unlock an account that is not locked, and writes nothing', async () => {
    const before = await mcp.ctx.store.securityLogs.listByCustomer(1, 100);
    const result = await mcp.call('unlock_account', { customer_id: 1 });
    assert.match(result.text, /^BUSINESS_RULE: Account of customer 1 is active, not locked/);
    assert.deepEqual(await mcp.ctx.store.securityLogs.listByCustomer(1, 100), before);
    assert.match((await mcp.call('unlock_account', { customer_id: 999_999 })).text, /^NOT_FOUND: Customer 999999 was not found/);
  });

  it('offers unlock_account only to callers with the security role', async () => {
    const support = await startInProcessMcp({ roles: ['support.write'] });
    try {
      const names = (await support.client.listTools()).tools.map((t) => t.name);
      assert.ok(!names.includes('unlock_account'));
      assert.ok(names.includes('pay_invoice') && names.includes('get_security_logs'));
    } finally {
      await support.close();
    }
  });
});
