// The security boundary over real HTTP, in `entra` mode against the test's own JWKS issuer: an
// attack battery (each refused with the right status and no tool run), v1/v2 tokens and key
// rotation, roles per tool with audit records, a failing JWKS endpoint fetched a bounded number of
// times, protected-resource metadata, and no token fragment in logs or audit records.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { base64url } from 'jose';
import { ROLES } from '../../shared/identity/principal.js';
import { createSqliteStore } from '../../shared/storage/sqlite/sqlite-store.js';
import { CONTOSO_TOOLS } from '../../shared/tools/registry.js';
import { postRaw, toolCall, type RawResult } from '../support/mcp-clients.js';
import { startLocalHost, type LocalHostProcess } from '../support/local-host-process.js';
import { APP_ID_URI, CLIENT_ID, startTestIssuer, TENANT_A, TENANT_B, type TestIssuer } from '../support/test-issuer.js';

type Rpc = { result?: Record<string, unknown>; error?: { code: number; message: string } };

describe('authentication and authorization over HTTP (entra mode)', () => {
  let issuer: TestIssuer;
  let host: LocalHostProcess;
  let invoiceId: number;
  const sentTokens: string[] = [];
  const call = async (token: string | undefined, body: object, extra: Record<string, string> = {}): Promise<RawResult> => {
    if (token !== undefined) sentTokens.push(token);
    return postRaw(host.mcpUrl, body, { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...extra });
  };
  const writer = () => issuer.signV2({ roles: ['support.write', 'security', 'admin'] });

  before(async () => {
    issuer = await startTestIssuer({ now: new Date() });
    host = await startLocalHost({
      AUTH_MODE: 'entra',
      AUTH_AUDIENCE: `${APP_ID_URI},${CLIENT_ID}`,
      ALLOWED_TENANTS: TENANT_A,
      ENTRA_JWKS_URI: issuer.jwksUri,
      JWKS_COOLDOWN_MS: '0',
      JWKS_BREAKER_HALF_OPEN_MS: '5000',
      LOG_LEVEL: 'info',
      SEED_CUSTOMER_COUNT: '10',
    });
    const summary = await call(await writer(), toolCall(1, 'get_billing_summary', { customer_id: 258 }));
    const invoices = ((summary.messages[0] as Rpc).result?.structuredContent as { invoices: Array<{ invoice_id: number; status: string }> }).invoices;
    invoiceId = invoices.find((i) => i.status === 'overdue')!.invoice_id;
  });
  after(async () => {
    await host?.stop();
    await issuer?.close();
  });

  it('answers a request without a token with 401 and the resource metadata URL, no error code', async () => {
    const res = await call(undefined, toolCall(1, 'get_customer_detail', { customer_id: 251 }));
    assert.equal(res.status, 401);
    const port = new URL(host.baseUrl).port;
    assert.equal(res.headers.get('www-authenticate'), `Bearer resource_metadata="http://localhost:${port}/.well-known/oauth-protected-resource/api/mcp"`);
  });

  it('refuses every forged, stale or misdirected token with the right status, and runs no tool', async () => {
    const now = Math.floor(Date.now() / 1000);
    const stranger = await (await import('../support/test-issuer.js')).createTestKey('stranger');
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const claims = base64url.encode(JSON.stringify({ iss: `https://login.microsoftonline.com/${TENANT_A}/v2.0`, aud: CLIENT_ID, tid: TENANT_A, sub: 'x', scp: 'MCP.Access', roles: ['support.write'], exp: now + 600 }));
    const { createHmac } = await import('node:crypto');
    const hsHeader = base64url.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: issuer.currentKey.kid }));
    const publicPem = (await import('node:crypto')).createPublicKey({ key: issuer.currentKey.publicJwk as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    const hsSignature = base64url.encode(createHmac('sha256', publicPem).update(`${hsHeader}.${claims}`).digest());
    const cases: Array<[string, string, number, RegExp?]> = [
      ['malformed', 'not.a.jwt', 401, /error="invalid_token"/],
      ['alg none', `${header}.${claims}.`, 401, /error="invalid_token"/],
      ['HS256 keyed with the public key', `${hsHeader}.${claims}.${hsSignature}`, 401],
      ['RS256 by an unknown key', await issuer.signV2({ roles: ['support.write'] }, { key: stranger, header: { kid: issuer.currentKey.kid } }), 401],
      ['unknown kid', await issuer.signV2({ roles: ['support.write'] }, { key: stranger }), 401],
      ['expired', await issuer.signV2({ roles: ['support.write'], iat: now - 7200, nbf: now - 7200, exp: now - 3600 }), 401],
      ['not yet valid', await issuer.signV2({ roles: ['support.write'], nbf: now + 3600, exp: now + 7200 }), 401],
      ['lifetime over the maximum', await issuer.signV2({ roles: ['support.write'], iat: now, nbf: now, exp: now + 86_400 + 3600 }), 401],
      ['issued in the future', await issuer.signV2({ roles: ['support.write'], iat: now + 3600, exp: now + 7200 }), 401],
      ['wrong audience', await issuer.signV2({ roles: ['support.write'], aud: 'api://someone-else' }), 401],
      ['wrong issuer', await issuer.signV2({ roles: ['support.write'], iss: `https://evil.example.com/${TENANT_A}/v2.0` }), 401],
      ['issuer of another tid', await issuer.signV2({ roles: ['support.write'], iss: `https://login.microsoftonline.com/${TENANT_B}/v2.0` }), 401],
      ['tenant not allowed', await issuer.signV2({ roles: ['support.write'], tid: TENANT_B }), 403, /error="invalid_token"/],
      ['missing tid', await issuer.signV2({ roles: ['support.write'], tid: undefined }), 401],
      ['missing subject', await issuer.signV2({ roles: ['support.write'], sub: undefined }), 401],
      ['missing scope', await issuer.signV2({ roles: ['support.write'], scp: 'User.Read' }), 403, /error="insufficient_scope", scope="api:\/\/contoso-mcp-test\/MCP.Access"/],
      ['oversized', await issuer.signV2({ roles: ['support.write'], padding: 'x'.repeat(9000) }), 401],
    ];
    for (const [name, token, status, challenge] of cases) {
      const res = await call(token, toolCall(2, 'pay_invoice', { invoice_id: invoiceId, amount: 1, idempotency_key: `attack-${name.replace(/\W+/g, '-')}` }));
      assert.ok(res.status === status || (name === 'oversized' && res.status === 431), `${name}: ${res.status}`);
      if (res.status === 401 || res.status === 403) assert.match(res.headers.get('www-authenticate') ?? '', challenge ?? /error="invalid_token"/, name);
      assert.doesNotMatch(res.text, /"result"/, `${name} reached MCP`);
    }
    for (const reason of ['lifetime_too_long', 'issued_in_future']) assert.match(host.output(), new RegExp(`"reason":"${reason}"`), reason);
    const inQuery = await postRaw(`${host.mcpUrl}?access_token=${await writer()}`, toolCall(3, 'pay_invoice', { invoice_id: invoiceId, amount: 1, idempotency_key: 'attack-query' }));
    assert.equal(inQuery.status, 401);
    const payments = await call(await writer(), toolCall(4, 'get_invoice_payments', { invoice_id: invoiceId }));
    const list = ((payments.messages[0] as Rpc).result?.structuredContent as { payments: Array<{ payment_id: string; amount: number }> }).payments;
    assert.ok(list.every((p) => p.amount !== 1), 'no attack paid anything');
  });

  it('accepts v1- and v2-shaped Entra tokens and a token signed with a newly published key', async () => {
    for (const token of [await issuer.signV1(), await issuer.signV2()]) {
      const res = await call(token, toolCall(5, 'get_customer_detail', { customer_id: 251 }));
      assert.equal(res.status, 200);
      assert.equal(((res.messages[0] as Rpc).result?.structuredContent as { customer_id: number }).customer_id, 251);
    }
    const fresh = await issuer.rotate();
    const rotated = await call(await issuer.signV2({}, { key: fresh }), toolCall(6, 'get_products', {}));
    assert.equal(rotated.status, 200);
  });

  it('shows and allows each role only its tools; refusals look exactly like unknown tools and are audited', async () => {
    const list = async (roles: string[]) => {
      const res = await call(await issuer.signV2({ roles }), { jsonrpc: '2.0', id: 7, method: 'tools/list' });
      return ((res.messages[0] as Rpc).result?.tools as Array<{ name: string }>).map((t) => t.name);
    };
    const reader = await list(['support.read']);
    const readTools = CONTOSO_TOOLS.filter((tool) => tool.roles.every((role) => role === ROLES.read)).map((tool) => tool.name);
    assert.deepEqual([...reader].sort(), [...readTools].sort(), 'a reader sees exactly the tools that need only the read role');
    assert.ok(!reader.includes('pay_invoice') && !reader.includes('unlock_account'));
    assert.deepEqual(await list([]), [], 'a token without any role sees no tools');
    const admin = await list(['admin']);
    assert.ok(!admin.includes('pay_invoice') && !admin.includes('unlock_account'), 'admin implies no tool role');
    const support = await list(['support.write']);
    assert.ok(['pay_invoice', 'update_subscription', 'create_support_ticket'].every((n) => support.includes(n)) && !support.includes('unlock_account'));
    const security = await list(['security']);
    assert.ok(security.includes('unlock_account') && !security.includes('pay_invoice'));

    const readerToken = await issuer.signV2({ roles: ['support.read'], oid: 'reader-oid' });
    const refused = await call(readerToken, toolCall(8, 'pay_invoice', { invoice_id: invoiceId, amount: 2 }));
    const unknown = await call(readerToken, toolCall(8, 'no_such_tool', { invoice_id: invoiceId, amount: 2 }));
    assert.equal(refused.status, unknown.status);
    assert.equal(refused.text.replace('pay_invoice', 'X'), unknown.text.replace('no_such_tool', 'X'));
    const granted = await call(await issuer.signV2({ roles: ['security'], oid: 'security-oid' }), toolCall(9, 'unlock_account', { customer_id: 254 }));
    assert.equal(((granted.messages[0] as Rpc).result as { isError?: boolean }).isError, undefined, granted.text);

    // The records are read from the store once the host has stopped (the last test).
  });

  it('stops asking a failing JWKS endpoint once its breaker opens: few fetches, 503 with Retry-After, verified tokens still served', async () => {
    const verified = await issuer.signV2({ roles: ['support.read'], oid: 'cached-reader' });
    assert.equal((await call(verified, toolCall(20, 'get_customer_detail', { customer_id: 1 }))).status, 200);
    const unseen = await issuer.rotate(); // every token signed with it needs the key set fetched again
    issuer.failWith(500);
    try {
      const fetchesBefore = issuer.fetchCount();
      for (let i = 0; i < 12; i += 1) {
        const token = await issuer.signV2({ roles: ['support.read'], oid: `jwks-${i}` }, { key: unseen });
        const res = await call(token, toolCall(21, 'get_products', {}));
        assert.equal(res.status, 503, res.text);
        const retryAfter = res.headers.get('retry-after') ?? '';
        assert.match(retryAfter, /^[1-5]$/, 'seconds until the next fetch, within the breaker pause of 5 s');
        assert.doesNotMatch(res.text, /"result"/);
      }
      const fetches = issuer.fetchCount() - fetchesBefore;
      assert.ok(fetches >= 1 && fetches <= 2, `12 requests made ${fetches} fetches (one fetch of at most two attempts)`);
      assert.equal((await call(verified, toolCall(22, 'get_customer_detail', { customer_id: 1 }))).status, 200, 'a verified token needs no keys');
      assert.match(host.output(), /jwks fetch failed/);
    } finally {
      issuer.failWith(undefined);
    }
  });

  it('serves protected-resource metadata at both paths', async () => {
    const port = new URL(host.baseUrl).port;
    for (const route of ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/api/mcp']) {
      const res = await fetch(`${host.baseUrl}${route}`);
      assert.equal(res.status, 200, route);
      assert.deepEqual(await res.json(), {
        resource: `http://localhost:${port}/api/mcp`,
        authorization_servers: [`https://login.microsoftonline.com/${TENANT_A}/v2.0`],
        scopes_supported: [`${APP_ID_URI}/MCP.Access`],
        bearer_methods_supported: ['header'],
        resource_name: 'Contoso customer support MCP',
      });
    }
    const local = await fetch(`${host.baseUrl}/api/local-issuer/jwks`);
    assert.equal(local.status, 404, 'no local issuer in entra mode');
  });

  it('never writes a token fragment to the logs', () => {
    const output = host.output();
    assert.match(output, /token refused/, 'refusals are logged');
    for (const token of sentTokens) assert.ok(!leaks(output, token), 'the log holds a token fragment');
  });

  it('kept the audit records of those calls in the store, with no token fragment (read once the host has stopped)', async () => {
    await host.stop({ keepData: true });
    const store = createSqliteStore({ path: path.join(host.dataDir, 'contoso.db') });
    try {
      const records = await store.audit.list(100);
      const refusal = records.find((r) => r.callerId === 'reader-oid' && r.tool === 'pay_invoice');
      assert.equal(refusal?.outcome, 'refused');
      assert.equal(refusal?.reason, 'missing_role:support.write');
      assert.deepEqual(refusal?.argumentIds, { invoice_id: invoiceId });
      assert.equal(refusal?.tenantId, TENANT_A);
      const grant = records.find((r) => r.callerId === 'security-oid' && r.tool === 'unlock_account');
      assert.equal(grant?.outcome, 'granted');
      assert.equal(grant?.result, 'ok');
      assert.ok(!records.some((r) => r.tool === 'get_customer_detail'), 'read tools are not audited');
      const serialized = JSON.stringify(records);
      for (const token of sentTokens) assert.ok(!leaks(serialized, token), 'an audit record holds a token fragment');
    } finally {
      await store.close();
    }
  });
});

/** True when `text` contains any 20-character piece of the token's payload or signature. */
function leaks(text: string, token: string): boolean {
  const secretParts = token.split('.').slice(1).join('.');
  for (let i = 0; i + 20 <= secretParts.length; i += 5) {
    const piece = secretParts.slice(i, i + 20);
    if (!piece.includes('.') && text.includes(piece)) return true;
  }
  return false;
}
