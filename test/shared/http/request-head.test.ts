// LazySignalHead: a request head whose signal is made only when read, once. The local host's
// direct lane and the Functions registration's direct face both hand handlers one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LazySignalHead } from '../../../shared/http/request-head.js';

describe('LazySignalHead', () => {
  it('gives the request as given, and makes its signal on first read, then keeps it', () => {
    let made = 0;
    const controller = new AbortController();
    const head = new LazySignalHead('POST', 'http://localhost/api/x', { get: () => null }, () => {
      made += 1;
      return controller.signal;
    });
    assert.deepEqual([head.method, head.url, head.headers.get('x'), made], ['POST', 'http://localhost/api/x', null, 0]);
    assert.equal(head.signal, controller.signal);
    assert.equal(head.signal, controller.signal);
    assert.equal(made, 1);
  });
});
