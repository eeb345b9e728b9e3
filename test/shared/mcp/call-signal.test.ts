// A call's signal is made on first read and then follows the request's: aborted with the
// request's reason, or with the reason the call was stopped for (its time budget), whichever
// comes first, read before or after. The request's signal is asked for only when the call's is
// read, and once the call is released no listener stays on it.
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { describe, it } from 'node:test';
import { CallSignal } from '../../../shared/mcp/call-signal.js';

/** A request signal that counts how often it was asked for. */
function requestSignal(): { controller: AbortController; asked: () => number; get: () => AbortSignal } {
  const controller = new AbortController();
  let asked = 0;
  return {
    controller,
    asked: () => asked,
    get: () => {
      asked += 1;
      return controller.signal;
    },
  };
}

describe('CallSignal', () => {
  it("does not ask for the request's signal until the call's is read, and then once", () => {
    const request = requestSignal();
    const call = new CallSignal(request.get);
    call.release();
    assert.equal(request.asked(), 0);
    const again = new CallSignal(request.get);
    assert.equal(again.signal, again.signal);
    assert.equal(request.asked(), 1);
    again.release();
  });

  it("follows the request's abort with its reason, and stops listening when released", () => {
    const request = requestSignal();
    const call = new CallSignal(request.get);
    const signal = call.signal;
    assert.equal(getEventListeners(request.controller.signal, 'abort').length, 1);
    const reason = new Error('client cancelled');
    request.controller.abort(reason);
    assert.equal(signal.aborted, true);
    assert.equal(signal.reason, reason);
    call.release();

    const other = requestSignal();
    const released = new CallSignal(other.get);
    void released.signal;
    released.release();
    assert.equal(getEventListeners(other.controller.signal, 'abort').length, 0, 'no listener outlives the call');
  });

  it('is aborted already when read after the request was aborted', () => {
    const request = requestSignal();
    request.controller.abort(new Error('gone'));
    const call = new CallSignal(request.get);
    assert.equal(call.signal.aborted, true);
    assert.equal((call.signal.reason as Error).message, 'gone');
    assert.equal(getEventListeners(request.controller.signal, 'abort').length, 0);
  });

  it('carries the stop reason, read before or after the stop, without asking for the request signal after it', () => {
    const request = requestSignal();
    const before = new CallSignal(request.get);
    const early = before.signal;
    const timeout = new Error('time budget');
    before.stop(timeout);
    assert.equal(early.aborted, true);
    assert.equal(early.reason, timeout);

    const after = new CallSignal(request.get);
    after.stop(timeout);
    after.stop(new Error('later stops do not replace the first reason'));
    const asked = request.asked();
    assert.equal(after.signal.aborted, true);
    assert.equal(after.signal.reason, timeout);
    assert.equal(request.asked(), asked, 'a stopped call needs nothing from the request');
  });

  it('read after release, is neither linked to the request nor aborted by it', () => {
    const request = requestSignal();
    const call = new CallSignal(request.get);
    call.release();
    const late = call.signal;
    request.controller.abort();
    assert.equal(late.aborted, false);
    assert.equal(request.asked(), 0);
  });
});
