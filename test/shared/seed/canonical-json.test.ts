// Tests of canonical JSON: key order never matters, array order always does.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson } from '../../../shared/seed/canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every level', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } }), '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('gives equal text for objects that differ only in key order', () => {
    assert.equal(canonicalJson({ x: 1, y: [1, 2] }), canonicalJson({ y: [1, 2], x: 1 }));
  });

  it('keeps array order significant', () => {
    assert.notEqual(canonicalJson([1, 2]), canonicalJson([2, 1]));
  });
});
