// Without a connection string, telemetry is off: the app gets TELEMETRY_OFF (nothing to wrap, hooks
// that do nothing) without loading any telemetry module. (The module graph of a whole process is
// checked by test/dev/build/bundle-loading.test.ts.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../../shared/config/load-config.js';
import { startTelemetry } from '../../../shared/telemetry/start-telemetry.js';
import { TELEMETRY_OFF } from '../../../shared/telemetry/telemetry.js';

describe('startTelemetry', () => {
  it('is off without a connection string, and its hooks do nothing', async () => {
    const telemetry = await startTelemetry(loadConfig({}).telemetry);
    assert.equal(telemetry, TELEMETRY_OFF);
    assert.equal(telemetry.tracing, undefined);
    telemetry.recordBreakerState('cosmos', 'open');
    telemetry.recordJwksFetch({ outcome: 'ok', keyCount: 1, durationMs: 1 });
    await telemetry.shutdown();
    assert.ok(Object.isFrozen(TELEMETRY_OFF));
  });
});
