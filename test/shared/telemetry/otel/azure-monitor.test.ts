// Tests of what the Azure Monitor distro is told: no sampling of its own (the keep-errors
// processor decides and sends traces), no rate limit, only the Azure SDK instrumentation (no http,
// database or log patching), no live metrics, and the exporter options (connection string, and a
// credential only when Entra sign-in is configured) passed through as they are.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TokenCredential } from '@azure/identity';
import { azureMonitorOptions } from '../../../../shared/telemetry/otel/azure-monitor.js';

const CONNECTION = 'InstrumentationKey=00000000-0000-4000-8000-0000000000a1;IngestionEndpoint=https://127.0.0.1:1/';

describe('Azure Monitor distro options', () => {
  it('leave sampling to the keep-errors processor and switch off every instrumentation but the Azure SDKs\'', () => {
    const processor = { onStart() {}, onEnd() {}, forceFlush: async () => {}, shutdown: async () => {} };
    const options = azureMonitorOptions({ connectionString: CONNECTION }, [processor]);
    assert.equal(options.samplingRatio, 0);
    assert.equal(options.tracesPerSecond, 0);
    assert.equal(options.enableLiveMetrics, false);
    assert.deepEqual(options.spanProcessors, [processor]);
    const enabled = Object.entries(options.instrumentationOptions ?? {}).filter(([, value]) => (value as { enabled?: boolean }).enabled === true).map(([name]) => name);
    assert.deepEqual(enabled, ['azureSdk']);
    assert.deepEqual(options.azureMonitorExporterOptions, { connectionString: CONNECTION });
  });

  it('pass the Entra credential to the exporter when one is given', () => {
    const credential: TokenCredential = { getToken: async () => null };
    const options = azureMonitorOptions({ connectionString: CONNECTION, credential }, []);
    assert.equal(options.azureMonitorExporterOptions?.credential, credential);
  });
});
