// Tests of the WWW-Authenticate challenge: always the resource metadata, an error only when a
// token was sent, a scope only for insufficient_scope, and safe quoting.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wwwAuthenticate } from '../../../shared/auth/www-authenticate.js';

const PRM = 'https://app.example.com/.well-known/oauth-protected-resource/api/mcp';

describe('wwwAuthenticate', () => {
  it('points at the resource metadata when no token was sent', () => {
    assert.equal(wwwAuthenticate(PRM), `Bearer resource_metadata="${PRM}"`);
  });

  it('adds invalid_token when a token was sent and refused', () => {
    assert.equal(wwwAuthenticate(PRM, { error: 'invalid_token' }), `Bearer resource_metadata="${PRM}", error="invalid_token"`);
  });

  it('adds insufficient_scope and the scope to request', () => {
    assert.equal(
      wwwAuthenticate(PRM, { error: 'insufficient_scope', scope: 'api://contoso-mcp/MCP.Access' }),
      `Bearer resource_metadata="${PRM}", error="insufficient_scope", scope="api://contoso-mcp/MCP.Access"`,
    );
  });

  it('escapes quotes and backslashes and drops control characters', () => {
    assert.equal(
      wwwAuthenticate('https://x/"a\\b', { error: 'insufficient_scope', scope: 'a\r\nb' }),
      'Bearer resource_metadata="https://x/\\"a\\\\b", error="insufficient_scope", scope="ab"',
    );
  });
});
