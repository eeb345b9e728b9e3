// The transient-failure classifier and the Retry-After reader, over the error shapes the app's
// clients throw: fetch/undici, the MCP client's SdkHttpError, Azure's RestError, our own errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SdkError, SdkErrorCode, SdkHttpError, ProtocolError } from '@modelcontextprotocol/client';
import { TaskCancelledError } from 'cockatiel';
import * as z from 'zod';
import { BusinessRuleError, InvalidArgumentError, TimeoutError, UnavailableError } from '../../../shared/errors/domain-error.js';
import { HttpStatusError } from '../../../shared/resilience/http-status-error.js';
import { parseRetryAfter, retryAfterFromHeaders } from '../../../shared/resilience/retry-after.js';
import { classifyFailure } from '../../../shared/resilience/transient-failure.js';

const NOW = new Date('2026-11-02T10:00:00Z');

function httpError(status: number, headers: Record<string, string> = {}): HttpStatusError {
  return new HttpStatusError(status, new Headers(headers), 'the test server');
}

/** The shape @azure/core-rest-pipeline's RestError has: statusCode, code, response.headers.get(). */
function restError(statusCode: number | undefined, code?: string, headers: Record<string, string> = {}): Error {
  const error = new Error('rest failure') as Error & Record<string, unknown>;
  error.name = 'RestError';
  error.statusCode = statusCode;
  error.code = code;
  error.response = { status: statusCode, headers: { get: (name: string) => headers[name.toLowerCase()] } };
  return error;
}

describe('classifyFailure', () => {
  it('retries 408, 429, 502, 503 and 504, and names the status', () => {
    for (const status of [408, 429, 502, 503, 504]) {
      assert.deepEqual(classifyFailure(httpError(status), NOW), { transient: true, errorClass: `http_${status}` }, String(status));
    }
  });

  it('never retries other 4xx, nor 500 or 501', () => {
    for (const status of [400, 401, 403, 404, 409, 413, 422, 500, 501]) {
      assert.deepEqual(classifyFailure(httpError(status), NOW), { transient: false, errorClass: `http_${status}` }, String(status));
    }
  });

  it('reads Retry-After from a transient answer (seconds, HTTP date, Azure retry-after-ms)', () => {
    assert.equal(classifyFailure(httpError(503, { 'retry-after': '7' }), NOW).retryAfterMs, 7000);
    assert.equal(classifyFailure(httpError(429, { 'retry-after': 'Mon, 02 Nov 2026 10:00:30 GMT' }), NOW).retryAfterMs, 30_000);
    assert.equal(classifyFailure(restError(429, undefined, { 'retry-after-ms': '250', 'retry-after': '9' }), NOW).retryAfterMs, 250);
    assert.equal(classifyFailure(httpError(400, { 'retry-after': '7' }), NOW).retryAfterMs, undefined, 'a permanent refusal carries no hint');
  });

  it('finds the status of the MCP client SdkHttpError, also when wrapped as a cause', () => {
    const sdk = new SdkHttpError(SdkErrorCode.ClientHttpNotImplemented, 'Error POSTing to endpoint', { status: 503, statusText: 'busy' });
    assert.deepEqual(classifyFailure(sdk, NOW), { transient: true, errorClass: 'http_503' });
    const wrapped = new SdkError(SdkErrorCode.EraNegotiationFailed, 'probe failed', undefined, { cause: httpError(429, { 'retry-after': '2' }) });
    assert.deepEqual(classifyFailure(wrapped, NOW), { transient: true, errorClass: 'http_429', retryAfterMs: 2000 });
    const unauthorized = new SdkHttpError(SdkErrorCode.ClientHttpAuthentication, 'Server returned 401', { status: 401 });
    assert.equal(classifyFailure(unauthorized, NOW).transient, false);
  });

  it('treats MCP client timeouts and closed connections as transient, JSON-RPC errors as final', () => {
    assert.deepEqual(classifyFailure(new SdkError(SdkErrorCode.RequestTimeout, 'timed out'), NOW), { transient: true, errorClass: 'timeout' });
    assert.deepEqual(classifyFailure(new SdkError(SdkErrorCode.ConnectionClosed, 'closed'), NOW), { transient: true, errorClass: 'network' });
    assert.deepEqual(classifyFailure(new ProtocolError(-32602, 'Invalid params'), NOW), { transient: false, errorClass: 'protocol_error' });
  });

  it('reads Azure RestError status codes and its REQUEST_SEND_ERROR', () => {
    assert.deepEqual(classifyFailure(restError(503, undefined, { 'retry-after': '3' }), NOW), { transient: true, errorClass: 'http_503', retryAfterMs: 3000 });
    assert.deepEqual(classifyFailure(restError(404, 'SecretNotFound'), NOW), { transient: false, errorClass: 'http_404' });
    assert.deepEqual(classifyFailure(restError(undefined, 'REQUEST_SEND_ERROR'), NOW), { transient: true, errorClass: 'network' });
  });

  it('reads the Cosmos DB SDK ErrorResponse: its status in a numeric code, x-ms-retry-after-ms in its header record', () => {
    const cosmosError = (code: number, headers: Record<string, string> = {}) => Object.assign(new Error('cosmos failure'), { code, headers, body: { code: 'Failure' } });
    assert.deepEqual(classifyFailure(cosmosError(429, { 'x-ms-retry-after-ms': '15' }), NOW), { transient: true, errorClass: 'http_429', retryAfterMs: 15 });
    assert.deepEqual(classifyFailure(cosmosError(503), NOW), { transient: true, errorClass: 'http_503' });
    assert.deepEqual(classifyFailure(cosmosError(412), NOW), { transient: false, errorClass: 'http_412' });
    assert.deepEqual(classifyFailure(Object.assign(new Error('no headers'), { code: 503 }), NOW), { transient: false, errorClass: 'unexpected' }, 'a bare numeric code is not taken for a status');
  });

  it('treats refused, reset and timed-out connections (fetch failed) as network failures', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'EAI_AGAIN']) {
      const fetchFailed = new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
      assert.deepEqual(classifyFailure(fetchFailed, NOW), { transient: true, errorClass: 'network' }, code);
    }
  });

  it('treats timeouts (cockatiel, AbortSignal.timeout, a DomainError TIMEOUT) as transient', () => {
    assert.deepEqual(classifyFailure(new TaskCancelledError('timed out'), NOW), { transient: true, errorClass: 'timeout' });
    assert.deepEqual(classifyFailure(new DOMException('The operation timed out.', 'TimeoutError'), NOW), { transient: true, errorClass: 'timeout' });
    assert.deepEqual(classifyFailure(new TimeoutError('slow'), NOW), { transient: true, errorClass: 'timeout' });
  });

  it('never retries our own decisions, validation errors or the unknown', () => {
    assert.deepEqual(classifyFailure(new InvalidArgumentError('bad'), NOW), { transient: false, errorClass: 'invalid_argument' });
    assert.deepEqual(classifyFailure(new BusinessRuleError('no'), NOW), { transient: false, errorClass: 'business_rule' });
    assert.deepEqual(classifyFailure(new UnavailableError('down'), NOW), { transient: false, errorClass: 'unavailable' });
    const zodError = z.object({ a: z.string() }).safeParse({}).error;
    assert.deepEqual(classifyFailure(zodError, NOW), { transient: false, errorClass: 'validation' });
    assert.deepEqual(classifyFailure(new SdkError(SdkErrorCode.EraNegotiationFailed, 'unusable reply', undefined, { cause: new SyntaxError('Unexpected token') }), NOW), {
      transient: false,
      errorClass: 'malformed_answer',
    });
    assert.deepEqual(classifyFailure(new Error('boom'), NOW), { transient: false, errorClass: 'unexpected' });
    assert.deepEqual(classifyFailure('a string', NOW), { transient: false, errorClass: 'unexpected' });
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, and ignores anything else', () => {
    assert.equal(parseRetryAfter('0', NOW), 0);
    assert.equal(parseRetryAfter(' 120 ', NOW), 120_000);
    assert.equal(parseRetryAfter('Mon, 02 Nov 2026 10:01:00 GMT', NOW), 60_000);
    assert.equal(parseRetryAfter('Mon, 02 Nov 2026 09:59:00 GMT', NOW), 0, 'a date in the past means now');
    for (const bad of ['1.5', '-3', 'soon', '2026-11-02T10:01:00Z', '']) assert.equal(parseRetryAfter(bad, NOW), undefined, bad);
    assert.equal(parseRetryAfter(undefined, NOW), undefined);
  });

  it('caps absurd hints at a day', () => {
    assert.equal(parseRetryAfter('999999999', NOW), 86_400_000);
  });

  it('reads plain header records case-insensitively', () => {
    assert.equal(retryAfterFromHeaders({ 'Retry-After': '4' }, NOW), 4000);
    assert.equal(retryAfterFromHeaders({ 'x-ms-retry-after-ms': '15' }, NOW), 15);
    assert.equal(retryAfterFromHeaders({}, NOW), undefined);
  });
});
