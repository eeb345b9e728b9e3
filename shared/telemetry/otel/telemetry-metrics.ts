// The app's metrics, created once on a Meter: tool calls (count, duration, errors) by tool and
// outcome, refused requests by reason, JWKS fetches and failures, circuit breaker changes and
// states. Metrics are never sampled, so counts and error rates stay exact at any sampling ratio.
// Attributes are fixed names only (tool names, codes, reasons), never ids or caller data.
import type { Meter, ObservableResult } from '@opentelemetry/api';
import type { JwksFetchEvent } from '../../auth/remote-jwks.js';
import type { BreakerState } from '../telemetry.js';
import { ATTR, METRIC } from './telemetry-names.js';

export interface TelemetryInstruments {
  toolCall(tool: string, outcome: string, durationMs: number): void;
  refusal(reason: string): void;
  jwksFetch(event: JwksFetchEvent): void;
  breakerState(dependency: string, state: BreakerState): void;
}

const BREAKER_LEVEL: Readonly<Record<BreakerState, number>> = { closed: 0, half_open: 1, open: 2 };

export function createTelemetryInstruments(meter: Meter): TelemetryInstruments {
  const toolCalls = meter.createCounter(METRIC.TOOL_CALLS, { description: 'MCP tool calls, by tool and outcome' });
  const toolErrors = meter.createCounter(METRIC.TOOL_ERRORS, { description: 'MCP tool calls whose outcome is not ok, by tool and outcome' });
  const toolDuration = meter.createHistogram(METRIC.TOOL_DURATION, { description: 'MCP tool call duration, by tool and outcome', unit: 'ms' });
  const refusals = meter.createCounter(METRIC.REFUSALS, { description: 'Refused MCP requests, by reason' });
  const jwksFetches = meter.createCounter(METRIC.JWKS_FETCHES, { description: 'Fetches of the token signing keys, by outcome' });
  const jwksFailures = meter.createCounter(METRIC.JWKS_FAILURES, { description: 'Failed fetches of the token signing keys, by failure class' });
  const breakerTransitions = meter.createCounter(METRIC.BREAKER_TRANSITIONS, { description: 'Circuit breaker state changes, by dependency and new state' });
  const breakers = new Map<string, BreakerState>();
  meter
    .createObservableGauge(METRIC.BREAKER_STATE, { description: 'Circuit breaker state per dependency: 0 closed, 1 half open, 2 open' })
    .addCallback(function observeBreakers(result: ObservableResult) {
      for (const [dependency, state] of breakers) result.observe(BREAKER_LEVEL[state], { [ATTR.DEPENDENCY]: dependency });
    });

  return {
    toolCall(tool, outcome, durationMs) {
      const attributes = { [ATTR.TOOL_NAME]: tool, [ATTR.TOOL_OUTCOME]: outcome };
      toolCalls.add(1, attributes);
      toolDuration.record(durationMs, attributes);
      if (outcome !== 'ok') toolErrors.add(1, attributes);
    },
    refusal(reason) {
      refusals.add(1, { [ATTR.REFUSAL_REASON]: reason });
    },
    jwksFetch(event) {
      jwksFetches.add(1, { [ATTR.JWKS_OUTCOME]: event.outcome === 'ok' ? 'ok' : event.errorType });
      if (event.outcome === 'failed') jwksFailures.add(1, { [ATTR.ERROR_TYPE]: event.errorType });
    },
    breakerState(dependency, state) {
      breakers.set(dependency, state);
      breakerTransitions.add(1, { [ATTR.DEPENDENCY]: dependency, [ATTR.BREAKER_STATE]: state });
    },
  };
}
