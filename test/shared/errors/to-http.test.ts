// Tests of the HTTP error mapping: a status per domain code, a JSON error body with the request
// id, and a bare 500 for anything unexpected.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { httpErrorResponse, toHttpError } from '../../../shared/errors/to-http.js';
import { DOMAIN_ERROR_CASES, LEAKY_ERROR } from './domain-errors.fixture.js';

const REQUEST_ID = 'req-19c0';

describe('toHttpError', () => {
  it('maps every domain error to its status with its code and message', () => {
    for (const { error, code, status } of DOMAIN_ERROR_CASES) {
      assert.deepEqual(toHttpError(error, REQUEST_ID), {
        status,
        body: { error: { code, message: error.message, request_id: REQUEST_ID } },
      });
    }
  });

  it('gives unknown errors a 500 with a generic message and the request id', () => {
    for (const thrown of [LEAKY_ERROR, 'password=hunter2', null]) {
      const view = toHttpError(thrown, REQUEST_ID);
      assert.deepEqual(view, {
        status: 500,
        body: { error: { code: 'INTERNAL', message: 'Internal error', request_id: REQUEST_ID } },
      });
      assert.doesNotMatch(JSON.stringify(view), /hunter2|SQLITE|contoso\.db/);
    }
  });
});

describe('httpErrorResponse', () => {
  it('answers with the mapped status and a JSON body', async () => {
    const [notFound] = DOMAIN_ERROR_CASES.filter((c) => c.code === 'NOT_FOUND');
    assert.ok(notFound);

    const response = httpErrorResponse(notFound.error, REQUEST_ID);

    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(await response.json(), {
      error: { code: 'NOT_FOUND', message: 'Customer 4242 was not found', request_id: REQUEST_ID },
    });
  });

  it('answers 500 without the original message for unknown errors', async () => {
    const response = httpErrorResponse(LEAKY_ERROR, REQUEST_ID);

    assert.equal(response.status, 500);
    const text = await response.text();
    assert.match(text, /req-19c0/);
    assert.doesNotMatch(text, /hunter2/);
  });
});
