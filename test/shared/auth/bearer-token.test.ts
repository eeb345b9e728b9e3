// Tests of reading the bearer token: only from the Authorization header, exactly one token after
// a case-insensitive Bearer scheme; a token in the query string is detected for refusal.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasQueryToken, readBearerToken } from '../../../shared/auth/bearer-token.js';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl';

describe('readBearerToken', () => {
  it('reports none without an Authorization header', () => {
    assert.deepEqual(readBearerToken(null), { kind: 'none' });
    assert.deepEqual(readBearerToken(undefined), { kind: 'none' });
  });

  it('reads the token after a case-insensitive Bearer scheme', () => {
    for (const header of [`Bearer ${JWT}`, `bearer ${JWT}`, `BEARER ${JWT}`, `Bearer   ${JWT}`, ` Bearer ${JWT} `]) {
      assert.deepEqual(readBearerToken(header), { kind: 'token', token: JWT }, header);
    }
    assert.deepEqual(readBearerToken('Bearer abc+/~_-.=='), { kind: 'token', token: 'abc+/~_-.==' });
  });

  it('reports malformed for an empty header, another scheme, no token or more than one', () => {
    for (const header of ['', 'Bearer', 'Bearer ', `Basic ${JWT}`, JWT, `Bearer ${JWT} extra`, `Bearer ${JWT},other`, `Bearer "${JWT}"`, `Bearer\t${JWT}`, `Token ${JWT}`]) {
      assert.deepEqual(readBearerToken(header), { kind: 'malformed' }, JSON.stringify(header));
    }
  });

  it('answers a repeated header as the first time, and each new header on its own (the last one is kept)', () => {
    const other = `${JWT}x`;
    const sequence: [string, ReturnType<typeof readBearerToken>][] = [
      [`Bearer ${JWT}`, { kind: 'token', token: JWT }],
      [`Bearer ${JWT}`, { kind: 'token', token: JWT }],
      [`Bearer ${other}`, { kind: 'token', token: other }],
      [`Basic ${other}`, { kind: 'malformed' }],
      [`Basic ${other}`, { kind: 'malformed' }],
      [`Bearer ${JWT}`, { kind: 'token', token: JWT }],
    ];
    for (const [header, expected] of sequence) assert.deepEqual(readBearerToken(header), expected, header);
    assert.deepEqual(readBearerToken(null), { kind: 'none' });
    assert.deepEqual(readBearerToken(`Bearer ${other}`), { kind: 'token', token: other });
  });
});

describe('hasQueryToken', () => {
  it('detects access_token in the query string, in any case', () => {
    assert.equal(hasQueryToken('https://app/api/mcp?access_token=abc'), true);
    assert.equal(hasQueryToken('/api/mcp?x=1&ACCESS_TOKEN=abc'), true);
    assert.equal(hasQueryToken(new URL('http://localhost/api/mcp?access_token=')), true);
  });

  it('ignores other parameters', () => {
    assert.equal(hasQueryToken('https://app/api/mcp'), false);
    assert.equal(hasQueryToken('https://app/api/mcp?code=abc&token=x&access_token_hint=1'), false);
  });
});
