// Tests of reading the invocation's W3C traceparent: valid values become a remote parent, and
// anything malformed, all-zero, of version ff or too long is ignored.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { parseTraceParent, withRemoteParent } from '../../../../shared/telemetry/otel/trace-parent.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';

describe('traceparent', () => {
  it('reads version 00 and later versions with extra fields, keeping only the sampled flag', () => {
    assert.deepEqual(parseTraceParent(`00-${TRACE}-${SPAN}-01`), { traceId: TRACE, spanId: SPAN, traceFlags: 1, isRemote: true });
    assert.deepEqual(parseTraceParent(` 00-${TRACE}-${SPAN}-00 `), { traceId: TRACE, spanId: SPAN, traceFlags: 0, isRemote: true });
    assert.equal(parseTraceParent(`01-${TRACE}-${SPAN}-03-future`)?.traceFlags, 1);
  });

  it('ignores absent, malformed, all-zero, version ff and oversized values', () => {
    for (const value of [
      undefined,
      null,
      '',
      `00-${TRACE}-${SPAN}`,
      `00-${TRACE.toUpperCase()}-${SPAN}-01`,
      `00-${'0'.repeat(32)}-${SPAN}-01`,
      `00-${TRACE}-${'0'.repeat(16)}-01`,
      `ff-${TRACE}-${SPAN}-01`,
      `00-${TRACE}-${SPAN}-01-extra`,
      `01-${TRACE}-${SPAN}-01-${'x'.repeat(600)}`,
    ]) {
      assert.equal(parseTraceParent(value), undefined, String(value));
    }
  });

  it('sets the parent on a context, or leaves the context as it is', () => {
    const context = withRemoteParent(ROOT_CONTEXT, `00-${TRACE}-${SPAN}-01`);
    assert.equal(trace.getSpanContext(context)?.spanId, SPAN);
    assert.equal(withRemoteParent(ROOT_CONTEXT, 'garbage'), ROOT_CONTEXT);
  });
});
