// Tests of the CORS preflight answer and the headers added to answers and responses for browser origins.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { preflightAnswer, withCorsHeaders, withCorsHeadersOnResponse } from '../../../shared/http/cors.js';
import { jsonAnswer } from '../../../shared/http/http-answer.js';

const ORIGIN = 'http://localhost:6274';

describe('preflightAnswer', () => {
  it('answers 204 for the origin with the MCP methods and request headers', () => {
    const answer = preflightAnswer(ORIGIN);

    assert.equal(answer.status, 204);
    assert.equal(answer.body, '');
    assert.equal(answer.headers['access-control-allow-origin'], ORIGIN);
    assert.equal(answer.headers['access-control-allow-methods'], 'POST, OPTIONS');
    const allowedHeaders = (answer.headers['access-control-allow-headers'] ?? '').split(', ');
    for (const header of ['content-type', 'accept', 'authorization', 'mcp-protocol-version', 'mcp-session-id', 'last-event-id']) {
      assert.ok(allowedHeaders.includes(header), `${header} not allowed`);
    }
    assert.equal(answer.headers['access-control-max-age'], '600');
    assert.equal(answer.headers.vary, 'Origin');
  });
});

describe('withCorsHeaders', () => {
  it('returns the same answer untouched when there is no browser origin', () => {
    const answer = jsonAnswer(200, '{"ok":true}');
    assert.equal(withCorsHeaders(answer, null), answer);
  });

  it('adds the origin and exposes the MCP headers, keeping status, headers and body', () => {
    const answer = jsonAnswer(202, '{"ok":true}', { 'mcp-session-id': 's1', vary: 'Accept-Encoding' });

    const withCors = withCorsHeaders(answer, ORIGIN);

    assert.equal(withCors.status, 202);
    assert.equal(withCors.headers['content-type'], 'application/json');
    assert.equal(withCors.headers['mcp-session-id'], 's1');
    assert.equal(withCors.headers['access-control-allow-origin'], ORIGIN);
    assert.deepEqual(withCors.headers['access-control-expose-headers']?.split(', '), ['mcp-session-id', 'mcp-protocol-version', 'www-authenticate']);
    assert.equal(withCors.headers.vary, 'Accept-Encoding, Origin');
    assert.equal(withCors.body, '{"ok":true}');
  });
});

describe('withCorsHeadersOnResponse', () => {
  it('leaves a response without a browser origin as it is', () => {
    const response = new Response('ok');
    assert.equal(withCorsHeadersOnResponse(response, null), response);
  });

  it('adds the same headers to a response the SDK wrote, keeping status, text and body', async () => {
    const response = new Response('{"ok":true}', {
      status: 202,
      statusText: 'Accepted',
      headers: { 'content-type': 'application/json', 'mcp-session-id': 's1', vary: 'Accept-Encoding' },
    });
    const withCors = withCorsHeadersOnResponse(response, ORIGIN);
    assert.equal(withCors.status, 202);
    assert.equal(withCors.statusText, 'Accepted');
    assert.equal(withCors.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal(withCors.headers.get('vary'), 'Accept-Encoding, Origin');
    assert.equal(await withCors.text(), '{"ok":true}');
  });
});
