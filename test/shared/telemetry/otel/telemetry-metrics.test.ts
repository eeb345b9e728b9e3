// Tests of the metrics, read through an in-memory reader: tool calls by tool and outcome (count,
// duration, errors only for outcomes other than ok), JWKS fetches and failures by class, circuit
// breaker transitions and the state gauge the resilience policies' hook feeds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createInMemoryTelemetry, type MetricPoint } from '../../../support/in-memory-telemetry.js';
import { createToolCallTracer } from '../../../../shared/telemetry/otel/tool-span.js';
import { createTelemetryInstruments } from '../../../../shared/telemetry/otel/telemetry-metrics.js';
import { metrics, trace } from '@opentelemetry/api';
import type { ToolCall } from '../../../../shared/mcp/run-tool.js';
import { developmentPrincipal, ALL_ROLES } from '../../../../shared/identity/principal.js';
import { detachedScope, withCaller } from '../../../../shared/request/request-scope.js';

const points = (all: MetricPoint[], name: string) => all.filter((point) => point.name === name);

describe('telemetry metrics', () => {
  it('count tool calls, their duration and their errors by tool and outcome', async () => {
    const memory = createInMemoryTelemetry();
    const traceToolCall = memory.telemetry.tracing!.toolCalls;
    const call = { tool: { name: 'get_products' }, scope: withCaller(detachedScope('r-1'), developmentPrincipal(ALL_ROLES)) } as unknown as ToolCall;
    const ok = { content: [] };
    const notFound = { isError: true, content: [], _meta: { 'contoso/error': { code: 'NOT_FOUND', request_id: 'r-1' } } };
    await traceToolCall(call, async () => ok);
    await traceToolCall(call, async () => ok);
    await traceToolCall(call, async () => notFound);
    const all = await memory.metrics();
    const calls = points(all, 'contoso.tool.calls').map((point) => [point.attributes['contoso.tool.outcome'], point.value]);
    assert.deepEqual(calls.sort(), [['NOT_FOUND', 1], ['ok', 2]]);
    assert.deepEqual(points(all, 'contoso.tool.errors').map((point) => [point.attributes['gen_ai.tool.name'], point.attributes['contoso.tool.outcome'], point.value]), [['get_products', 'NOT_FOUND', 1]]);
    const durations = points(all, 'contoso.tool.duration');
    assert.deepEqual(durations.map((point) => point.count).sort(), [1, 2]);
  });

  it('measure a call\'s duration on the injected clock, and call a result without a code INTERNAL', async () => {
    let now = 1000;
    const instruments = createTelemetryInstruments(metrics.getMeter('noop'));
    const recorded: Array<[string, string, number]> = [];
    const tracer = createToolCallTracer({ tracer: trace.getTracer('noop'), instruments: { ...instruments, toolCall: (...args) => void recorded.push(args) }, now: () => now });
    const call = { tool: { name: 'pay_invoice' }, scope: withCaller(detachedScope('r-2'), developmentPrincipal(ALL_ROLES)) } as unknown as ToolCall;
    await tracer(call, async () => {
      now += 42;
      return { isError: true, content: [] };
    });
    assert.deepEqual(recorded, [['pay_invoice', 'INTERNAL', 42]]);
  });

  it('count JWKS fetches by outcome and failures by class', async () => {
    const memory = createInMemoryTelemetry();
    memory.telemetry.recordJwksFetch({ outcome: 'ok', keyCount: 3, durationMs: 12 });
    memory.telemetry.recordJwksFetch({ outcome: 'failed', consecutiveFailures: 1, retryInMs: 2000, durationMs: 5000, error: 'TimeoutError: …', errorType: 'timeout' });
    memory.telemetry.recordJwksFetch({ outcome: 'failed', consecutiveFailures: 2, retryInMs: 4000, durationMs: 30, error: 'JwksStatusError: …', errorType: 'http_503' });
    const all = await memory.metrics();
    assert.deepEqual(points(all, 'contoso.jwks.fetches').map((point) => [point.attributes['contoso.jwks.outcome'], point.value]).sort(), [['http_503', 1], ['ok', 1], ['timeout', 1]]);
    assert.deepEqual(points(all, 'contoso.jwks.failures').map((point) => [point.attributes['error.type'], point.value]).sort(), [['http_503', 1], ['timeout', 1]]);
  });

  it('count breaker state changes and gauge each breaker\'s current state', async () => {
    const memory = createInMemoryTelemetry();
    memory.telemetry.recordBreakerState('cosmos', 'open');
    memory.telemetry.recordBreakerState('cosmos', 'half_open');
    memory.telemetry.recordBreakerState('jwks', 'open');
    memory.telemetry.recordBreakerState('cosmos', 'closed');
    const all = await memory.metrics();
    assert.deepEqual(
      points(all, 'contoso.breaker.transitions').map((point) => [point.attributes['contoso.dependency'], point.attributes['contoso.breaker.state'], point.value]).sort(),
      [['cosmos', 'closed', 1], ['cosmos', 'half_open', 1], ['cosmos', 'open', 1], ['jwks', 'open', 1]],
    );
    assert.deepEqual(points(all, 'contoso.breaker.state').map((point) => [point.attributes['contoso.dependency'], point.value]).sort(), [['cosmos', 0], ['jwks', 2]]);
  });
});
