// Requests without a usable token: none, garbage, expired, not yet valid, for another audience
// or tenant, without the scope, tampered, or in the wrong place. Each is refused with 401/403
// before the body is even looked at, whatever the body, method or media type.
import { refusedWith, type AuthSpec, type Expectation, type FuzzCase } from './fuzz-case.js';
import { json, rpc, toolCall } from './requests.js';

const ALG_NONE = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
  JSON.stringify({ iss: 'local', aud: 'api://contoso-mcp-local', sub: 'x', tid: '00000000-0000-0000-0000-00000000c0de', scp: 'MCP.Access', roles: ['support.write', 'security'], exp: 4102444800 }),
).toString('base64url')}.`;

/** The credentials tried, with the status each must get. */
const CREDENTIALS: ReadonlyArray<[string, AuthSpec, Expectation]> = [
  ['no token', 'none', refusedWith(401)],
  ['expired token', 'expired', refusedWith(401)],
  ['token not yet valid', 'not-yet-valid', refusedWith(401)],
  ['token for another audience', 'wrong-audience', refusedWith(401)],
  ['token of a tenant not allowed', 'wrong-tenant', refusedWith(403)],
  ['token without the scope', 'no-scope', refusedWith(403)],
  ['token with a flipped signature', 'tampered', refusedWith(401)],
  ['"Bearer" alone', { header: 'Bearer' }, refusedWith(401)],
  ['"Bearer " and spaces', { header: 'Bearer    ' }, refusedWith(401)],
  ['Basic credentials', { header: 'Basic dXNlcjpwYXNz' }, refusedWith(401)],
  ['three empty segments', { header: 'Bearer ..' }, refusedWith(401)],
  ['not a JWT', { header: 'Bearer not-a-jwt' }, refusedWith(401)],
  ['alg none', { header: `Bearer ${ALG_NONE}` }, refusedWith(401)],
  ['the token twice', { header: 'Bearer {{token}} {{token}}' }, refusedWith(401)],
  ['the token without a scheme', { header: '{{token}}' }, refusedWith(401)],
  ['another scheme with the token', { header: 'Token {{token}}' }, refusedWith(401)],
  ['a 9,000-character token', { header: `Bearer ${'A'.repeat(9000)}` }, refusedWith(401)],
  ['a JSON token', { header: 'Bearer {"sub":"admin"}' }, refusedWith(401)],
];

export function authCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const bodies: Array<[string, string]> = [
    ['tools/list', json(rpc('tools/list'))],
    ['a read call', json(toolCall('get_customer_detail', { customer_id: 251 }))],
    ['an invalid unlock', json(toolCall('unlock_account', { customer_id: -4 }))],
    ['malformed JSON', '{"jsonrpc":'],
  ];
  for (const [credential, auth, expect] of CREDENTIALS) {
    for (const [label, body] of bodies) {
      cases.push({ via: 'fetch', category: 'auth', name: `${credential}, ${label}`, method: 'POST', body, auth, expect });
    }
    // Authentication comes before the method and media-type checks, so these are 401/403 too.
    cases.push({ via: 'fetch', category: 'auth', name: `${credential}, GET`, method: 'GET', auth, expect });
    cases.push({ via: 'fetch', category: 'auth', name: `${credential}, text/plain body`, method: 'POST', body: 'hello', auth, expect, headers: { 'content-type': 'text/plain' } });
  }
  const list = json(rpc('tools/list'));
  cases.push({ via: 'fetch', category: 'auth', name: 'valid token in the query string only', method: 'POST', path: '/api/mcp?access_token={{token}}', body: list, auth: 'none', expect: refusedWith(401) });
  cases.push({ via: 'fetch', category: 'auth', name: 'valid token in a cookie only', method: 'POST', body: list, auth: 'none', headers: { cookie: 'access_token={{token}}' }, expect: refusedWith(401) });
  cases.push({ via: 'fetch', category: 'auth', name: 'valid token in X-Access-Token only', method: 'POST', body: list, auth: 'none', headers: { 'x-access-token': '{{token}}' }, expect: refusedWith(401) });
  cases.push({ via: 'fetch', category: 'auth', name: 'a 20 KB Authorization header', method: 'POST', body: list, auth: { header: `Bearer ${'A'.repeat(20 * 1024)}` }, expect: refusedWith(401, 431) });
  cases.push({
    via: 'socket',
    category: 'auth',
    name: 'raw UTF-8 bytes in the token',
    head: ['POST /api/mcp HTTP/1.1', 'Host: {{host}}', 'Authorization: Bearer tökén.ünïcode.sïg', 'Content-Type: application/json', 'Accept: */*', 'Content-Length: {{length}}', 'Connection: close'],
    body: list,
    auth: 'none',
    expect: { allow: ['status4xx', 'closed'], statuses: [400, 401] },
  });
  return cases;
}
