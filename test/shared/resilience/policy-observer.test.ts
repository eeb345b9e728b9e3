// The policy observer: a breaker that opens, half-opens and closes again shows up as the
// telemetry port's breaker metrics (real OpenTelemetry instruments, in memory) and as one log
// line per change, warn when it opens; retries are logged at debug with their class and delay.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { createDependencyPolicy } from '../../../shared/resilience/dependency-policy.js';
import { HttpStatusError } from '../../../shared/resilience/http-status-error.js';
import { createPolicyObserver } from '../../../shared/resilience/policy-observer.js';
import { createLogger } from '../../../shared/telemetry/logger.js';
import { createInMemoryTelemetry } from '../../support/in-memory-telemetry.js';

describe('policy observer', () => {
  it('records breaker changes as metrics and log lines, and retries at debug', async () => {
    const memory = createInMemoryTelemetry();
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger({ level: 'debug', sink: (_level, line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    const policy = createDependencyPolicy({ name: 'key_vault', timeoutMs: 50, retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 2 }, breaker: { failureThreshold: 2, halfOpenAfterMs: 30 } });
    createPolicyObserver({ telemetry: memory.telemetry, logger })(policy);

    const busy = () => Promise.reject(new HttpStatusError(503, new Headers(), 'key vault'));
    await assert.rejects(policy.execute(busy));
    assert.equal(policy.state, 'open');
    await sleep(40);
    assert.equal(await policy.execute(async () => 'ok'), 'ok');
    assert.equal(policy.state, 'closed');

    const changes = lines.filter((line) => String(line.msg).startsWith('circuit breaker'));
    assert.deepEqual(changes.map((line) => [line.level, line.breaker, line.dependency]), [
      ['warn', 'open', 'key_vault'],
      ['info', 'half_open', 'key_vault'],
      ['info', 'closed', 'key_vault'],
    ]);
    assert.equal(changes[0]?.errorClass, 'http_503');
    const retries = lines.filter((line) => line.msg === 'retrying a dependency call');
    assert.deepEqual(retries.map((line) => [line.level, line.dependency, line.attempt, line.errorClass]), [['debug', 'key_vault', 1, 'http_503']]);

    const metrics = await memory.metrics();
    const transitions = metrics.filter((point) => point.name === 'contoso.breaker.transitions');
    assert.deepEqual(transitions.map((point) => [point.attributes['contoso.dependency'], point.attributes['contoso.breaker.state'], point.value]).sort(), [
      ['key_vault', 'closed', 1],
      ['key_vault', 'half_open', 1],
      ['key_vault', 'open', 1],
    ]);
    await memory.telemetry.shutdown();
  });
});
