// Tests of the development-only identities: the fixed identity of `disabled` mode and the
// unverified decoding of `passthrough` mode (which still needs tid and sub).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { base64url } from 'jose';
import { createPassthroughVerifier, disabledModePrincipal } from '../../../shared/auth/dev-principal.js';
import { LOCAL_TENANT_ID, ROLES } from '../../../shared/identity/principal.js';
import { MAX_TOKEN_BYTES } from '../../../shared/auth/verify-access-token.js';

/** An unsigned token with `claims`; passthrough mode does not look at the signature. */
function unsigned(claims: Record<string, unknown>): string {
  return `${base64url.encode(JSON.stringify({ alg: 'none' }))}.${base64url.encode(JSON.stringify(claims))}.`;
}

describe('disabledModePrincipal', () => {
  it('is the local developer in the local tenant with the configured roles', () => {
    assert.deepEqual(disabledModePrincipal(['support.write', 'admin', 'other'], ROLES), {
      callerId: 'local-developer',
      tenantId: LOCAL_TENANT_ID,
      roles: ['support.write', 'admin'],
      source: 'development',
    });
  });
});

describe('createPassthroughVerifier', () => {
  const verify = createPassthroughVerifier({ roleNames: ROLES });

  it('reads tid, sub, oid and roles without verifying anything, marked as development', async () => {
    const result = await verify(unsigned({ tid: 'ANY-TENANT', sub: 'bob', oid: 'o-1', roles: ['security', 'x', 3] }));

    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.deepEqual(result.principal, { callerId: 'o-1', tenantId: 'any-tenant', roles: ['security'], source: 'development' });
  });

  it('still requires tid and sub', async () => {
    assert.deepEqual(await verify(unsigned({ sub: 'bob' })), { ok: false, status: 401, error: 'invalid_token', reason: 'missing_tid' });
    assert.deepEqual(await verify(unsigned({ tid: 't' })), { ok: false, status: 401, error: 'invalid_token', reason: 'missing_sub' });
  });

  it('refuses what cannot be decoded, and oversized tokens', async () => {
    assert.deepEqual(await verify('garbage'), { ok: false, status: 401, error: 'invalid_token', reason: 'malformed' });
    assert.deepEqual(await verify(''), { ok: false, status: 401, error: 'invalid_token', reason: 'malformed' });
    assert.deepEqual(await verify('a'.repeat(MAX_TOKEN_BYTES + 1)), { ok: false, status: 401, error: 'invalid_token', reason: 'token_too_large' });
  });
});
