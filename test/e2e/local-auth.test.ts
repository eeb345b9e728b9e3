// Auth on a laptop (`AUTH_MODE=local`, the default): the token `npm start` prints works, `npm run
// token` mints tokens the server accepts with exactly their roles, and the discovery documents
// point at the local issuer.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { postRaw } from '../support/mcp-clients.js';
import { startLocalHost, type LocalHostProcess } from '../support/local-host-process.js';

const run = promisify(execFile);
type Rpc = { result?: { tools?: Array<{ name: string }> } };

describe('local auth mode', () => {
  let host: LocalHostProcess;
  const toolNames = async (token: string) => {
    const res = await postRaw(host.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'tools/list' }, { authorization: `Bearer ${token}` });
    assert.equal(res.status, 200, res.text);
    return ((res.messages[0] as Rpc).result?.tools ?? []).map((t) => t.name);
  };

  before(async () => {
    host = await startLocalHost();
  });
  after(async () => host?.stop());

  it('prints a token with every role that the server accepts', async () => {
    const match = /Token \(all roles, 12 h\):\s+(\S+)/.exec(host.output());
    assert.ok(match?.[1], 'the banner shows a token');
    const names = await toolNames(match[1]);
    assert.ok(names.includes('unlock_account') && names.includes('pay_invoice'));
  });

  it('accepts a token from npm run token with exactly the roles asked for', async () => {
    const { stdout } = await run('npm', ['run', '-s', 'token', '--', '--roles', 'support.write', '--sub', 'alice', '--expires-in', '10m'], {
      env: { ...process.env, DATA_DIR: host.dataDir },
    });
    const token = stdout.trim().split('\n').at(-1) ?? '';
    assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    const names = await toolNames(token);
    assert.ok(names.includes('pay_invoice'));
    assert.ok(!names.includes('unlock_account'));
  });

  it('refuses a request without a token', async () => {
    const res = await postRaw(host.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'tools/list' });
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /resource_metadata=".*\/\.well-known\/oauth-protected-resource\/api\/mcp"/);
  });

  it('publishes metadata naming the local issuer, and the issuer\'s metadata and keys', async () => {
    const prm = (await (await fetch(`${host.baseUrl}/.well-known/oauth-protected-resource/api/mcp`)).json()) as Record<string, unknown>;
    assert.deepEqual(prm.authorization_servers, ['https://contoso-mcp.local/issuer']);
    assert.deepEqual(prm.scopes_supported, ['api://contoso-mcp-local/MCP.Access']);
    const metadata = (await (await fetch(`${host.baseUrl}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;
    assert.equal(metadata.issuer, 'https://contoso-mcp.local/issuer');
    assert.deepEqual(metadata.grant_types_supported, []);
    const jwks = (await (await fetch(String(metadata.jwks_uri).replace(/^http:\/\/localhost/, 'http://127.0.0.1'))).json()) as { keys: Array<{ kty: string; d?: string }> };
    assert.equal(jwks.keys[0]?.kty, 'RSA');
    assert.equal(jwks.keys[0]?.d, undefined, 'no private key material');
  });
});
