// Tests of function-key checks for `authLevel: 'function'` routes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateFunctionKey, hasValidFunctionKey } from '../../../dev/host/function-keys.js';

const KEY = 'local-key-0123456789abcdef';
const request = (query = '', headers: Record<string, string> = {}) =>
  new Request(`http://localhost:7071/api/seed${query}`, { headers });

describe('hasValidFunctionKey', () => {
  it('accepts the key in the x-functions-key header', () => {
    assert.equal(hasValidFunctionKey(request('', { 'x-functions-key': KEY }), KEY), true);
  });

  it('accepts the key in the code query parameter', () => {
    assert.equal(hasValidFunctionKey(request(`?code=${encodeURIComponent(KEY)}&x=1`), KEY), true);
  });

  it('refuses a missing key', () => {
    assert.equal(hasValidFunctionKey(request(), KEY), false);
  });

  it('refuses a wrong key, whether of the same length or not', () => {
    const sameLength = KEY.slice(0, -1) + (KEY.endsWith('f') ? 'e' : 'f');
    for (const wrong of [sameLength, 'short', `${KEY}x`, '']) {
      assert.equal(hasValidFunctionKey(request('', { 'x-functions-key': wrong }), KEY), false, wrong);
      assert.equal(hasValidFunctionKey(request(`?code=${encodeURIComponent(wrong)}`), KEY), false, wrong);
    }
  });

  it('judges the header when both are given, as the host does', () => {
    assert.equal(hasValidFunctionKey(request(`?code=${KEY}`, { 'x-functions-key': 'wrong' }), KEY), false);
    assert.equal(hasValidFunctionKey(request('?code=wrong', { 'x-functions-key': KEY }), KEY), true);
  });
});

describe('generateFunctionKey', () => {
  it('makes URL-safe keys of 32 characters that differ each time', () => {
    const keys = new Set(Array.from({ length: 20 }, () => generateFunctionKey()));

    assert.equal(keys.size, 20);
    for (const key of keys) assert.match(key, /^[A-Za-z0-9_-]{32}$/);
  });
});
