// The request scope: created once per invocation, never mutated, and given its caller as a new value.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRequestScope, detachedScope, withCaller } from '../../../shared/request/request-scope.js';
import { developmentPrincipal } from '../../../shared/identity/principal.js';

describe('request scope', () => {
  it('takes its request id from the invocation and has no caller before authentication', () => {
    const invocation = { invocationId: 'inv-1', functionName: 'mcp', traceContext: { traceParent: '00-abc-def-01' } };
    const scope = createRequestScope(invocation);
    assert.equal(scope.requestId, 'inv-1');
    assert.equal(scope.invocation, invocation);
    assert.equal(scope.caller, undefined);
    assert.ok(Object.isFrozen(scope));
  });

  it('adds the verified caller as a new frozen value and leaves the original untouched', () => {
    const scope = detachedScope('req-2');
    const caller = developmentPrincipal(['support.write']);
    const withIt = withCaller(scope, caller);
    assert.equal(withIt.caller, caller);
    assert.equal(withIt.requestId, 'req-2');
    assert.equal(scope.caller, undefined);
    assert.ok(Object.isFrozen(withIt));
  });
});
