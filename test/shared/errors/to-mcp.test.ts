// Tests of the MCP error mapping: domain errors keep code and message; anything else becomes a
// generic message carrying the request id and nothing of the original error.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnavailableError } from '../../../shared/errors/domain-error.js';
import { describeToolError, toToolErrorResult } from '../../../shared/errors/to-mcp.js';
import { DOMAIN_ERROR_CASES, LEAKY_ERROR } from './domain-errors.fixture.js';

const REQUEST_ID = 'req-7f3a';

describe('describeToolError', () => {
  it('keeps the code and message of every domain error and marks it expected', () => {
    for (const { error, code } of DOMAIN_ERROR_CASES) {
      assert.deepEqual(describeToolError(error, REQUEST_ID), { code, message: error.message, expected: true });
    }
  });

  it('gives unknown errors a generic message with the request id and none of the original', () => {
    for (const thrown of [LEAKY_ERROR, 'a thrown string with password=hunter2', { message: 'password=hunter2' }, undefined]) {
      const view = describeToolError(thrown, REQUEST_ID);
      assert.equal(view.code, 'INTERNAL');
      assert.equal(view.expected, false);
      assert.match(view.message, new RegExp(REQUEST_ID));
      assert.doesNotMatch(view.message, /hunter2|SQLITE|contoso\.db/);
    }
  });
});

describe('toToolErrorResult', () => {
  it('returns an error tool result with the code, message and request id', () => {
    for (const { error, code } of DOMAIN_ERROR_CASES) {
      assert.deepEqual(toToolErrorResult(error, REQUEST_ID), {
        isError: true,
        content: [{ type: 'text', text: `${code}: ${error.message}` }],
        _meta: { 'contoso/error': { code, request_id: REQUEST_ID } },
      });
    }
  });

  it('says which dependency is unavailable and when to retry, and nothing else of the details', () => {
    const error = new UnavailableError('The cosmos dependency is unavailable', { dependency: 'cosmos', retry_after_seconds: 12, error_class: 'http_503', status: 503, endpoint: 'https://secret.example' });
    assert.deepEqual(toToolErrorResult(error, REQUEST_ID)._meta, { 'contoso/error': { code: 'UNAVAILABLE', request_id: REQUEST_ID, dependency: 'cosmos', retry_after_seconds: 12 } });
    const odd = new UnavailableError('odd details', { dependency: 'jwks', retry_after_seconds: '12' });
    assert.deepEqual(toToolErrorResult(odd, REQUEST_ID)._meta, { 'contoso/error': { code: 'UNAVAILABLE', request_id: REQUEST_ID, dependency: 'jwks' } });
  });

  it('keeps an unknown error out of the result entirely', () => {
    const result = toToolErrorResult(LEAKY_ERROR, REQUEST_ID);
    const wire = JSON.stringify(result);

    assert.equal(result.isError, true);
    assert.match(wire, /INTERNAL: The tool failed unexpectedly \(request id req-7f3a\)\./);
    assert.doesNotMatch(wire, /hunter2|SQLITE|contoso\.db/);
    assert.deepEqual(result._meta, { 'contoso/error': { code: 'INTERNAL', request_id: REQUEST_ID } });
  });
});
