// Tests of mapping token app roles to the roles tools declare.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toPrincipalRoles } from '../../../shared/auth/app-roles.js';
import { ROLES } from '../../../shared/identity/principal.js';

describe('toPrincipalRoles', () => {
  it('maps the default names to themselves and drops unknown ones', () => {
    assert.deepEqual(toPrincipalRoles(['security', 'MCP.Access', 'admin', 'security'], ROLES), ['security', 'admin']);
    assert.deepEqual(toPrincipalRoles(['support.read'], ROLES), [ROLES.read]);
  });

  it('maps renamed app roles, and the default names no longer count', () => {
    const names = { read: 'Contoso.Read', write: 'Contoso.Write', security: 'Contoso.Security', admin: 'Contoso.Admin' };
    assert.deepEqual(toPrincipalRoles(['Contoso.Write', 'support.write', 'Contoso.Security'], names), ['support.write', 'security']);
    assert.deepEqual(toPrincipalRoles(['support.read', 'Contoso.Read'], names), ['support.read']);
  });
});
