// The kept answers behind the per-request header and URL checks: computed once per value, also
// when the answer is undefined; never kept for values over the length limit; dropped when full.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoizeByText } from '../../../shared/http/memoize-by-text.js';

describe('memoizeByText', () => {
  const counted = () => {
    const calls: string[] = [];
    const memo = memoizeByText((text) => {
      calls.push(text);
      return text.startsWith('u') ? undefined : text.length;
    }, { maxEntries: 3, maxLength: 5 });
    return { calls, memo };
  };

  it('computes a value once, undefined answers included', () => {
    const { calls, memo } = counted();
    assert.deepEqual([memo('ab'), memo('ab'), memo('u1'), memo('u1')], [2, 2, undefined, undefined]);
    assert.deepEqual(calls, ['ab', 'u1']);
  });

  it('computes values over the length limit every time', () => {
    const { calls, memo } = counted();
    assert.deepEqual([memo('abcdef'), memo('abcdef'), memo('abcde'), memo('abcde')], [6, 6, 5, 5]);
    assert.deepEqual(calls, ['abcdef', 'abcdef', 'abcde']);
  });

  it('drops what it kept when full, and still answers right', () => {
    const { calls, memo } = counted();
    for (const text of ['a', 'b', 'c', 'd', 'a']) memo(text);
    assert.deepEqual(calls, ['a', 'b', 'c', 'd', 'a']);
    assert.equal(memo('d'), 1);
    assert.deepEqual(calls, ['a', 'b', 'c', 'd', 'a']);
  });
});
