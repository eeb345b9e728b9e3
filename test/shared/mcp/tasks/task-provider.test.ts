// The provider port's ownership helpers, and its contract run against the fake provider the
// extension's tests use (so those tests stand on a provider that keeps the contract).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { developmentPrincipal } from '../../../../shared/identity/principal.js';
import { isTaskOwner, taskOwner } from '../../../../shared/mcp/tasks/task-provider.js';
import { detachedScope, withCaller } from '../../../../shared/request/request-scope.js';
import { createFakeTaskProvider } from '../../../support/fake-task-provider.js';
import { describeTaskProviderContract } from '../../../support/task-provider-contract.js';

describe('task ownership', () => {
  const scope = (callerId: string, tenantId: string) => withCaller(detachedScope('owner'), { ...developmentPrincipal(), callerId, tenantId });

  it('belongs to the tenant and caller id that created it, and to no one else', () => {
    const owner = taskOwner(scope('alice', 't1'));
    assert.deepEqual(owner, { tenantId: 't1', callerId: 'alice' });
    assert.equal(isTaskOwner(owner, scope('alice', 't1')), true);
    assert.equal(isTaskOwner(owner, scope('bob', 't1')), false);
    assert.equal(isTaskOwner(owner, scope('alice', 't2')), false);
  });
});

describeTaskProviderContract('the test fake', async () => ({
  provider: createFakeTaskProvider({ long_job: 'optional' }),
  longCall: { toolName: 'long_job', arguments: {} },
}));
