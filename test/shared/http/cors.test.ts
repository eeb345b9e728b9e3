// Tests of the CORS preflight answer and the headers added to responses for browser origins.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { preflightResponse, withCorsHeaders } from '../../../shared/http/cors.js';

const ORIGIN = 'http://localhost:6274';

describe('preflightResponse', () => {
  it('answers 204 for the origin with the MCP methods and request headers', async () => {
    const response = preflightResponse(ORIGIN);

    assert.equal(response.status, 204);
    assert.equal(await response.text(), '');
    assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal(response.headers.get('access-control-allow-methods'), 'POST, OPTIONS');
    const allowedHeaders = (response.headers.get('access-control-allow-headers') ?? '').split(', ');
    for (const header of ['content-type', 'accept', 'authorization', 'mcp-protocol-version', 'mcp-session-id', 'last-event-id']) {
      assert.ok(allowedHeaders.includes(header), `${header} not allowed`);
    }
    assert.equal(response.headers.get('access-control-max-age'), '600');
    assert.equal(response.headers.get('vary'), 'Origin');
  });
});

describe('withCorsHeaders', () => {
  it('returns the same response untouched when there is no browser origin', () => {
    const response = new Response('ok');

    assert.equal(withCorsHeaders(response, null), response);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  it('adds the origin and exposes the MCP headers, keeping status, headers and body', async () => {
    const response = new Response('{"ok":true}', {
      status: 202,
      statusText: 'Accepted',
      headers: { 'content-type': 'application/json', 'mcp-session-id': 's1', vary: 'Accept-Encoding' },
    });

    const withCors = withCorsHeaders(response, ORIGIN);

    assert.equal(withCors.status, 202);
    assert.equal(withCors.statusText, 'Accepted');
    assert.equal(withCors.headers.get('content-type'), 'application/json');
    assert.equal(withCors.headers.get('mcp-session-id'), 's1');
    assert.equal(withCors.headers.get('access-control-allow-origin'), ORIGIN);
    assert.deepEqual(withCors.headers.get('access-control-expose-headers')?.split(', '), [
      'mcp-session-id',
      'mcp-protocol-version',
      'www-authenticate',
    ]);
    assert.equal(withCors.headers.get('vary'), 'Accept-Encoding, Origin');
    assert.equal(await withCors.text(), '{"ok":true}');
  });
});
