// The `telemetry` section of Config: whether traces and metrics go to Application Insights (only
// with APPLICATIONINSIGHTS_CONNECTION_STRING; otherwise nothing of telemetry is even loaded), how
// the exporter signs in (Entra ID in Azure or with AZURE_CLIENT_ID, since the infra turns the
// resource's local auth off) and which share of successful traces is kept. See docs/operations.md.
import type { TelemetryConfig } from './config.js';
import type { RawSettings } from './settings-schema.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TelemetryConfigInput {
  settings: RawSettings;
  inAzure: boolean;
}

/**
 * The problem with an Application Insights connection string (`Key=Value;…`), or undefined when it
 * is usable: an InstrumentationKey GUID, and an https IngestionEndpoint when one is named. Never
 * quotes the value.
 */
export function connectionStringProblem(value: string): string | undefined {
  const fields = new Map<string, string>();
  for (const part of value.split(';')) {
    if (part.trim() === '') continue;
    const at = part.indexOf('=');
    if (at <= 0) return 'expected Key=Value pairs separated by ";" (copy it from the Application Insights resource)';
    fields.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  if (!GUID.test(fields.get('instrumentationkey') ?? '')) return 'expected an InstrumentationKey=<GUID> pair';
  const ingestion = fields.get('ingestionendpoint');
  if (ingestion !== undefined && !(URL.canParse(ingestion) && new URL(ingestion).protocol === 'https:')) {
    return 'expected IngestionEndpoint to be an https URL (the exporter speaks https only)';
  }
  return undefined;
}

/** Builds the telemetry section, or returns one line per problem (ConfigError lines). */
export function buildTelemetryConfig({ settings: s, inAzure }: TelemetryConfigInput): { telemetry: TelemetryConfig } | { problems: string[] } {
  const connectionString = s.APPLICATIONINSIGHTS_CONNECTION_STRING;
  const problem = connectionString === undefined ? undefined : connectionStringProblem(connectionString);
  if (problem !== undefined) return { problems: [`APPLICATIONINSIGHTS_CONNECTION_STRING: ${problem}`] };
  const entra = inAzure || s.AZURE_CLIENT_ID !== undefined;
  return {
    telemetry: {
      connectionString,
      credential: entra ? { kind: 'entra', managedIdentityClientId: s.AZURE_CLIENT_ID } : { kind: 'instrumentation-key' },
      samplingRatio: s.TELEMETRY_SAMPLING_RATIO,
    },
  };
}
