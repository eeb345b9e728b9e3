// Tests of log redaction: tokens, JWTs and key query parameters in text, secret-named keys in
// objects, and safe handling of errors, cycles and deep values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redact, redactText } from '../../../shared/telemetry/redact.js';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVz';

describe('redactText', () => {
  it('masks bearer tokens whatever their case', () => {
    assert.equal(redactText('Authorization: Bearer abc.def-123'), 'Authorization: Bearer [redacted]');
    assert.equal(redactText('header was "bearer xyz", retrying'), 'header was "Bearer [redacted]", retrying');
  });

  it('masks JWT-looking strings anywhere in the text', () => {
    const text = redactText(`token ${JWT} expired`);

    assert.equal(text, 'token [redacted] expired');
    assert.doesNotMatch(text, /eyJ/);
  });

  it('masks code, sig, token and key query values and keeps the rest of the URL', () => {
    assert.equal(
      redactText('GET https://app.azurewebsites.net/api/mcp?code=abc123==&tenant=contoso'),
      'GET https://app.azurewebsites.net/api/mcp?code=[redacted]&tenant=contoso',
    );
    assert.equal(
      redactText('https://acct.blob.core.windows.net/c/b?sv=2024-01-01&sig=Zm9vYmFy%2B&se=2026'),
      'https://acct.blob.core.windows.net/c/b?sv=2024-01-01&sig=[redacted]&se=2026',
    );
    assert.equal(redactText('/cb?TOKEN=t1&Key=k1'), '/cb?TOKEN=[redacted]&Key=[redacted]');
  });

  it('leaves ordinary text alone', () => {
    const text = 'customer 101 has 3 subscriptions; see ?page=2&limit=10';
    assert.equal(redactText(text), text);
  });
});

describe('redact', () => {
  it('masks values under secret-looking keys, in any case and nested', () => {
    const out = redact({
      authorization: 'Bearer abc',
      accessToken: 'at',
      password: 'hunter2',
      'x-functions-key': 'fk',
      headers: { Authorization: 'Basic Zm9v', 'content-type': 'application/json', 'x-contoso-signature': 'v1=abc' },
      storage: { connectionString: 'DefaultEndpointsProtocol=https;AccountKey=xyz', accountKey: 'xyz', container: 'c' },
      clientSecret: 's',
      apiKey: 'k',
      SCHEDULER_CALLBACK_SECRET_PREVIOUS: 'p',
      MCP_REQUEST_STATE_KEY: 'r',
      customerId: 101,
    });

    assert.deepEqual(out, {
      authorization: '[redacted]',
      accessToken: '[redacted]',
      password: '[redacted]',
      'x-functions-key': '[redacted]',
      headers: { Authorization: '[redacted]', 'content-type': 'application/json', 'x-contoso-signature': '[redacted]' },
      storage: { connectionString: '[redacted]', accountKey: '[redacted]', container: 'c' },
      clientSecret: '[redacted]',
      apiKey: '[redacted]',
      SCHEDULER_CALLBACK_SECRET_PREVIOUS: '[redacted]',
      MCP_REQUEST_STATE_KEY: '[redacted]',
      customerId: 101,
    });
  });

  it('masks tokens inside string values under ordinary keys and in arrays', () => {
    const out = redact({ url: '/api/mcp?code=abc', notes: [`jwt ${JWT}`, 'plain'] });

    assert.deepEqual(out, { url: '/api/mcp?code=[redacted]', notes: ['jwt [redacted]', 'plain'] });
  });

  it('turns errors into name, redacted message and code, without the stack', () => {
    const error = Object.assign(new TypeError(`bad header Bearer ${JWT}`), { code: 'E_BAD' });

    assert.deepEqual(redact(error), { name: 'TypeError', message: 'bad header Bearer [redacted]', code: 'E_BAD' });
    assert.deepEqual(redact(new Error('plain')), { name: 'Error', message: 'plain' });
  });

  it('marks cycles instead of recursing forever', () => {
    const node: Record<string, unknown> = { name: 'root' };
    node.self = node;

    assert.deepEqual(redact(node), { name: 'root', self: '[circular]' });
  });

  it('stops at a depth limit', () => {
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 10; i += 1) deep = { child: deep };

    assert.match(JSON.stringify(redact(deep)), /"\[depth\]"/);
  });

  it('keeps at most 50 items of an array', () => {
    const out = redact(Array.from({ length: 80 }, (_, i) => i));

    assert.deepEqual(out, Array.from({ length: 50 }, (_, i) => i));
  });

  it('passes numbers, booleans, null and undefined through', () => {
    for (const value of [0, 42, true, null, undefined]) assert.equal(redact(value), value);
  });

  it('does not change its input', () => {
    const input = { password: 'p', nested: { token: 't' } };

    redact(input);

    assert.deepEqual(input, { password: 'p', nested: { token: 't' } });
  });

  it('keeps fields that merely end in code or sig readable, but hides the bare names', () => {
    assert.deepEqual(redact({ errorCode: 'NOT_FOUND', statusCode: 404, code: 'k3y', sig: 's1g', accessToken: 't' }), {
      errorCode: 'NOT_FOUND',
      statusCode: 404,
      code: '[redacted]',
      sig: '[redacted]',
      accessToken: '[redacted]',
    });
  });
});
