// Starts the telemetry the configuration asks for. Without a connection string it returns
// TELEMETRY_OFF and imports nothing: OpenTelemetry and the Azure Monitor distro (about 0.65 s of
// start-up) are loaded only by a process that sends telemetry.
import type { TelemetryConfig } from '../config/config.js';
import { TELEMETRY_OFF, type Telemetry } from './telemetry.js';

export async function startTelemetry(config: TelemetryConfig): Promise<Telemetry> {
  const connectionString = config.connectionString;
  if (connectionString === undefined) return TELEMETRY_OFF;
  const { startAzureMonitorTelemetry } = await import('./otel/azure-monitor.js');
  return startAzureMonitorTelemetry({ ...config, connectionString });
}
