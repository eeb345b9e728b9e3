// Telemetry to Application Insights through the Azure Monitor OpenTelemetry distro, loaded only
// when APPLICATIONINSIGHTS_CONNECTION_STRING is set (start-telemetry.ts imports this module on
// demand). The distro registers the global providers, the AsyncLocalStorage context manager and
// the Azure SDKs' own instrumentation; traces go out through the keep-errors processor and its own
// exporter, metrics through the distro's. In Azure (or with AZURE_CLIENT_ID) the exporters sign in
// with DefaultAzureCredential, since the infra turns the resource's local auth off.
import type { TokenCredential } from '@azure/identity';
import { shutdownAzureMonitor, useAzureMonitor, type AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';
import { AzureMonitorTraceExporter, type AzureMonitorExporterOptions } from '@azure/monitor-opentelemetry-exporter';
import { metrics, trace } from '@opentelemetry/api';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { TelemetryConfig } from '../../config/config.js';
import type { Telemetry } from '../telemetry.js';
import { createKeepErrorsProcessor } from './keep-errors-processor.js';
import { createOtelTelemetry } from './otel-telemetry.js';
import { INSTRUMENTATION_SCOPE } from './telemetry-names.js';

export type AzureMonitorTelemetryConfig = TelemetryConfig & { readonly connectionString: string };

/** What the distro is told. Only the Azure SDK instrumentation is on; nothing patches http or logs. */
export function azureMonitorOptions(exporter: AzureMonitorExporterOptions, spanProcessors: SpanProcessor[]): AzureMonitorOpenTelemetryOptions {
  const off = { enabled: false };
  return {
    azureMonitorExporterOptions: exporter,
    // Every span is recorded but none is marked sampled, so the distro's own trace exporter sends
    // nothing: the keep-errors processor decides per trace and sends through its exporter. (The
    // distro's default would be a rate limit of 5 traces per second.)
    samplingRatio: 0,
    tracesPerSecond: 0,
    // Standard metrics count every request and dependency before sampling (the portal's charts).
    enableStandardMetrics: true,
    enablePerformanceCounters: true,
    enableLiveMetrics: false,
    instrumentationOptions: {
      azureSdk: { enabled: true },
      // The host already records the HTTP request; the app's fetches are traced where they are made.
      http: off,
      mongoDb: off,
      mySql: off,
      postgreSql: off,
      redis: off,
      redis4: off,
      // Log lines go to stdout, which the Functions host already sends as traces.
      bunyan: off,
      winston: off,
      console: off,
    },
    spanProcessors,
  };
}

/** DefaultAzureCredential (a managed identity in Azure; AZURE_CLIENT_ID names a user-assigned one). */
async function entraCredential(managedIdentityClientId: string | undefined): Promise<TokenCredential> {
  const { DefaultAzureCredential } = await import('@azure/identity');
  return new DefaultAzureCredential(managedIdentityClientId === undefined ? {} : { managedIdentityClientId });
}

export async function startAzureMonitorTelemetry(config: AzureMonitorTelemetryConfig): Promise<Telemetry> {
  const credential = config.credential.kind === 'entra' ? await entraCredential(config.credential.managedIdentityClientId) : undefined;
  const exporter: AzureMonitorExporterOptions = { connectionString: config.connectionString, ...(credential ? { credential } : {}) };
  const keepErrors = createKeepErrorsProcessor({ ratio: config.samplingRatio, next: new BatchSpanProcessor(new AzureMonitorTraceExporter(exporter)) });
  useAzureMonitor(azureMonitorOptions(exporter, [keepErrors]));
  return createOtelTelemetry({
    tracer: trace.getTracer(INSTRUMENTATION_SCOPE),
    meter: metrics.getMeter(INSTRUMENTATION_SCOPE),
    shutdown: shutdownAzureMonitor,
  });
}
