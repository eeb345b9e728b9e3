// unlock_account: the customer's security log says support unlocked the account and cites the
// operator audit record; the operator's identity stays in the audit trail, out of customer data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_ROLES, developmentPrincipal } from '../../../../shared/identity/principal.js';
import { useSeededMcp } from '../../../support/in-process-mcp.js';

describe('unlock_account', () => {
  const suite = useSeededMcp();

  it('writes an event that cites the audit record and never names the operator', async () => {
    const locked = suite.data.customers.find((c) => c.accountStatus === 'locked')!;
    const operator = { ...developmentPrincipal(ALL_ROLES), callerId: 'operator-7f3a' };
    const result = await suite.mcp.callAs(operator, 'unlock_account', { customer_id: locked.customerId });
    assert.equal(result.isError, false, result.text);
    const [record] = await suite.mcp.auditRecords();
    assert.equal(record?.tool, 'unlock_account');
    assert.equal(record?.callerId, 'operator-7f3a');
    assert.equal(record?.result, 'ok');
    const logs = await suite.mcp.call('get_security_logs', { customer_id: locked.customerId });
    const event = (logs.structured.events as Array<{ event_id: string; detail: string }>).find((e) => e.event_id === result.structured.event_id);
    assert.equal(event?.detail, `Unlocked by support (audit record ${record?.auditId})`);
    assert.doesNotMatch(JSON.stringify(logs.structured), /operator-7f3a|req-tool-test/);
  });
});
