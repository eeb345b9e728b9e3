// Tests of the request and tool spans over the real endpoint with in-memory telemetry: a
// tools/call gives a server span with the tool span as its child (and the store spans under that),
// outcomes and refusals are named, the invocation's traceparent is the parent, a request handed
// from the direct face to the web face keeps one span, a streamed answer ends its span at the
// stream's end, log lines carry the ids, and a face that throws ends its span failed.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { metrics, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { McpEndpoint } from '../../../../shared/mcp/mcp-endpoint.js';
import { traceMcpEndpoint } from '../../../../shared/telemetry/otel/request-span.js';
import { createTelemetryInstruments } from '../../../../shared/telemetry/otel/telemetry-metrics.js';
import { detachedScope } from '../../../../shared/request/request-scope.js';
import { UnavailableError } from '../../../../shared/errors/domain-error.js';
import { toolCall } from '../../../support/mcp-clients.js';
import { createInMemoryTelemetry } from '../../../support/in-memory-telemetry.js';
import { startTracedApp, type TracedApp } from '../../../support/traced-app.js';

const serverSpans = (spans: ReadableSpan[]) => spans.filter((span) => span.kind === SpanKind.SERVER);
const only = <T>(items: T[], what: string): T => {
  assert.equal(items.length, 1, `expected one ${what}, got ${items.length}`);
  return items[0] as T;
};
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const HOST_SPAN_ID = '00f067aa0ba902b7';

describe('request and tool spans', () => {
  let traced: TracedApp;
  before(async () => {
    traced = await startTracedApp();
  });
  after(async () => traced?.close());
  beforeEach(() => traced.memory.resetSpans());

  it('gives a tools/call a server span with the tool span as its child and the store spans under that', async () => {
    const res = await traced.post(toolCall(1, 'get_customer_detail', { customer_id: 251 }));
    assert.equal(res.status, 200);
    await res.text();
    const spans = traced.memory.spans();
    const request = only(serverSpans(spans), 'server span');
    assert.equal(request.name, 'tools/call get_customer_detail');
    assert.deepEqual(
      { ...request.attributes },
      {
        'http.request.method': 'POST',
        'contoso.request_id': request.attributes['contoso.request_id'],
        'mcp.method.name': 'tools/call',
        'contoso.mcp.era': 'legacy',
        'mcp.protocol.version': '2025-11-25',
        'gen_ai.tool.name': 'get_customer_detail',
        'gen_ai.operation.name': 'execute_tool',
        'contoso.tenant_id': '00000000-0000-0000-0000-00000000c0de',
        'http.response.status_code': 200,
        'contoso.tool.outcome': 'ok',
        'contoso.mcp.outcome': 'ok',
      },
    );
    assert.match(String(request.attributes['contoso.request_id']), /^inv-\d+$/, 'the invocation id error answers quote');
    assert.equal(request.status.code, SpanStatusCode.UNSET);
    const tool = only(spans.filter((span) => span.kind === SpanKind.INTERNAL), 'tool span');
    assert.equal(tool.name, 'execute_tool get_customer_detail');
    assert.equal(parentOf(tool), request.spanContext().spanId);
    assert.equal(tool.spanContext().traceId, request.spanContext().traceId);
    assert.deepEqual({ ...tool.attributes }, {
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'get_customer_detail',
      'contoso.tenant_id': '00000000-0000-0000-0000-00000000c0de',
      'contoso.tool.outcome': 'ok',
    });
    const store = spans.filter((span) => span.kind === SpanKind.CLIENT);
    assert.ok(store.some((span) => span.name === 'customers.get'), store.map((span) => span.name).join());
    for (const span of store) {
      assert.equal(parentOf(span), tool.spanContext().spanId, `${span.name} is a child of the tool span`);
      assert.equal(span.attributes['db.system.name'], 'sqlite');
      assert.equal(span.attributes['db.operation.name'], span.name);
    }
  });

  it('gives the conversation store and the scheduler a client span each under the tool span (schedule_follow_up)', async () => {
    const res = await traced.post(toolCall(2, 'schedule_follow_up', { customer_id: 251, when: '2026-06-16T09:00:00Z', message: 'Check the router' }));
    assert.equal(res.status, 200);
    await res.text();
    const spans = traced.memory.spans();
    const tool = only(spans.filter((span) => span.kind === SpanKind.INTERNAL), 'tool span');
    assert.equal(tool.attributes['contoso.tool.outcome'], 'ok');
    const clients = spans.filter((span) => span.kind === SpanKind.CLIENT);
    assert.deepEqual(clients.map((span) => span.name).sort(), ['audit.append', 'conversations.append', 'conversations.create', 'customers.get', 'scheduler.schedule']);
    for (const span of clients.filter((client) => /^(conversations|scheduler)\./.test(client.name))) {
      assert.equal(parentOf(span), tool.spanContext().spanId, `${span.name} is a child of the tool span`);
      assert.equal(span.attributes['contoso.dependency'], span.name.split('.')[0]);
    }
  });

  it('names a tool error result: the tool span carries the code, the request is a tool_error', async () => {
    await (await traced.post(toolCall(2, 'get_customer_detail', { customer_id: 999_999 }))).text();
    const spans = traced.memory.spans();
    const tool = only(spans.filter((span) => span.kind === SpanKind.INTERNAL), 'tool span');
    assert.equal(tool.attributes['contoso.tool.outcome'], 'NOT_FOUND');
    assert.equal(tool.attributes['error.type'], 'NOT_FOUND');
    assert.equal(tool.status.code, SpanStatusCode.UNSET, 'a caller error is not the service failing');
    const request = only(serverSpans(spans), 'server span');
    assert.equal(request.attributes['contoso.mcp.outcome'], 'tool_error');
    assert.equal(request.attributes['error.type'], 'tool_error');
    assert.equal(request.attributes['contoso.tool.outcome'], 'NOT_FOUND');
  });

  it('names refusals: an unknown tool, a tool the caller lacks the role for, a bad media type, an empty Authorization header', async () => {
    await (await traced.post(toolCall(3, 'no_such_tool', {}))).text();
    await (await traced.post(toolCall(4, 'pay_invoice', { invoice_id: 1, amount: 1 }), { roles: [] })).text();
    await (await traced.post(toolCall(5, 'get_products', {}), { headers: { 'content-type': 'text/plain' } })).text();
    await (await traced.post(toolCall(6, 'get_products', {}), { headers: { authorization: '' } })).text();
    const requests = serverSpans(traced.memory.spans());
    assert.deepEqual(
      requests.map((span) => [span.name, span.attributes['contoso.refusal.reason'], span.attributes['error.type'], span.attributes['http.response.status_code'], span.attributes['rpc.response.status_code']]),
      [
        ['tools/call', 'unknown_tool', 'unknown_tool', 200, '-32602'],
        ['tools/call pay_invoice', 'missing_role', 'missing_role', 200, '-32602'],
        ['POST /api/mcp', 'unsupported_media_type', 'unsupported_media_type', 415, '-32000'],
        ['POST /api/mcp', 'malformed', 'malformed', 401, '-32000'],
      ],
    );
    assert.ok(requests.every((span) => span.attributes['contoso.mcp.outcome'] === 'refused' && span.status.code === SpanStatusCode.UNSET));
    assert.equal(requests[0]?.attributes['gen_ai.tool.name'], undefined, 'a caller-typed unknown name is not recorded');
    const refusals = (await traced.memory.metrics()).filter((point) => point.name === 'contoso.mcp.refusals');
    for (const reason of ['unknown_tool', 'missing_role', 'unsupported_media_type', 'malformed']) {
      assert.ok(refusals.some((point) => point.attributes['contoso.refusal.reason'] === reason && point.value >= 1), reason);
    }
  });

  it('joins the Functions host\'s trace: the invocation\'s traceparent is the parent of the request span', async () => {
    await (await traced.post(toolCall(7, 'get_products', {}), { traceParent: `00-${TRACE_ID}-${HOST_SPAN_ID}-01` })).text();
    await (await traced.post(toolCall(8, 'get_products', {}), { traceParent: '00-not-a-trace-parent-01' })).text();
    const [joined, own] = serverSpans(traced.memory.spans());
    assert.equal(joined?.spanContext().traceId, TRACE_ID);
    assert.equal(joined?.parentSpanContext?.spanId, HOST_SPAN_ID);
    assert.equal(joined?.parentSpanContext?.isRemote, true);
    assert.ok(traced.memory.spans().filter((span) => span !== joined && span !== own && span.spanContext().traceId === TRACE_ID).length >= 2, 'its children share the trace');
    assert.notEqual(own?.spanContext().traceId, TRACE_ID);
    assert.equal(own?.parentSpanContext, undefined, 'a malformed traceparent starts a trace of its own');
  });

  it('keeps one span for a request the direct face hands to the web face (initialize)', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } } });
    const headers = new Headers({ 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${await traced.token()}` });
    const scope = traced.scope();
    const handedBack = await traced.app.handlers.mcp.direct({ method: 'POST', url: 'http://localhost/api/mcp', headers, signal: new AbortController().signal }, new TextEncoder().encode(body), scope);
    assert.equal(handedBack, undefined, 'initialize needs the SDK path');
    assert.equal(serverSpans(traced.memory.spans()).length, 0, 'still open');
    const res = await traced.app.handlers.mcp.web(new Request('http://localhost/api/mcp', { method: 'POST', headers, body }), scope);
    assert.equal(res.status, 200);
    const request = only(serverSpans(traced.memory.spans()), 'server span');
    assert.equal(request.name, 'initialize');
    assert.equal(request.attributes['contoso.mcp.outcome'], 'ok');
    assert.match(await res.text(), /"protocolVersion":"2025-11-25"/, 'the answer is intact');
  });

  it('ends a streamed answer\'s span when the stream ends', async () => {
    const res = await traced.post(toolCall(10, 'get_billing_summary', { customer_id: 251 }, { progressToken: 'p-1' }));
    assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
    assert.equal(serverSpans(traced.memory.spans()).length, 0, 'open while the stream is');
    assert.match(await res.text(), /notifications\/progress/);
    const request = only(serverSpans(traced.memory.spans()), 'server span');
    assert.equal(request.attributes['contoso.mcp.outcome'], 'ok');
    assert.equal(request.attributes['gen_ai.tool.name'], 'get_billing_summary');
  });

  it('writes the trace and span ids into the log lines of a request', async () => {
    const before = traced.logs.length;
    await (await traced.post(toolCall(11, 'get_invoice_payments', { invoice_id: 987_654_321 }))).text();
    const tool = only(traced.memory.spans().filter((span) => span.kind === SpanKind.INTERNAL), 'tool span');
    const lines = traced.logs.slice(before);
    const refused = lines.find((line) => line.msg === 'tool refused');
    assert.ok(refused, JSON.stringify(lines));
    assert.equal(refused.traceId, tool.spanContext().traceId);
    assert.equal(refused.spanId, tool.spanContext().spanId);
  });
});

describe('request spans of failing requests', () => {
  it('marks a server fault of a tool (the store unavailable) as an error on the tool and the request', async () => {
    const traced = await startTracedApp({
      wrapStore: (store) => ({
        ...store,
        customers: {
          ...store.customers,
          get: async () => {
            throw new UnavailableError('The store is down');
          },
        },
      }),
    });
    try {
      await (await traced.post(toolCall(1, 'get_customer_detail', { customer_id: 251 }))).text();
      const spans = traced.memory.spans();
      const store = only(spans.filter((span) => span.name === 'customers.get'), 'store span');
      assert.equal(store.status.code, SpanStatusCode.ERROR);
      assert.equal(store.attributes['error.type'], 'UNAVAILABLE');
      const tool = only(spans.filter((span) => span.kind === SpanKind.INTERNAL), 'tool span');
      assert.equal(tool.attributes['contoso.tool.outcome'], 'UNAVAILABLE');
      assert.equal(tool.status.code, SpanStatusCode.ERROR);
      assert.equal(only(serverSpans(spans), 'server span').status.code, SpanStatusCode.ERROR);
    } finally {
      await traced.close();
    }
  });

  it('ends the span failed, with the error\'s class only, when a face throws', async () => {
    const memory = createInMemoryTelemetry();
    assert.ok(memory.telemetry.tracing);
    const throwing: McpEndpoint = {
      web: async () => {
        throw new TypeError('secret detail 0612345678');
      },
      direct: async () => {
        throw new RangeError('another detail');
      },
    };
    const endpoint = memory.telemetry.tracing.endpoint(throwing);
    const head = { method: 'POST', url: 'http://localhost/api/mcp', headers: new Headers(), signal: new AbortController().signal };
    await assert.rejects(endpoint.web(new Request('http://localhost/api/mcp', { method: 'POST', body: '{}' }), detachedScope('r-1')), TypeError);
    await assert.rejects(endpoint.direct(head, new Uint8Array(), detachedScope('r-2')), RangeError);
    const spans = serverSpans(memory.spans());
    assert.deepEqual(spans.map((span) => [span.attributes['contoso.mcp.outcome'], span.attributes['error.type'], span.status.code]), [
      ['failed', 'TypeError', SpanStatusCode.ERROR],
      ['failed', 'RangeError', SpanStatusCode.ERROR],
    ]);
    assert.ok(!JSON.stringify(spans.map((span) => span.attributes)).includes('secret detail'));
    // On the API's no-op tracer and meter (no SDK registered) the decorator still passes answers through.
    const answer = { status: 200, headers: {}, body: 'ok' };
    const instruments = createTelemetryInstruments(metrics.getMeter('noop'));
    const passthrough = traceMcpEndpoint({ web: async () => new Response('ok'), direct: async () => answer }, { tracer: trace.getTracer('noop'), instruments });
    assert.equal(await passthrough.direct(head, new Uint8Array(), detachedScope('r-3')), answer);
  });
});
