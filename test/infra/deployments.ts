// The two deployments the infra tests look at, as snapshots of main.bicep: the defaults `azd up`
// gives (Azure Storage durable backend, no gateway, public endpoints, no experts), and every
// option switched on (API Management with a second tenant group, private networking, Azure OpenAI,
// the Durable Task Scheduler, a scheduler). Secret parameters get throwaway values here; Bicep
// never writes them into a snapshot.
import { resolveArmValue } from './arm-values.js';
import { infraArtifacts, loadInfraArtifacts, type InfraArtifacts, type PredictedResource, type Snapshot } from './bicep-runner.js';

export const APP_REGISTRATION_CLIENT_ID = '11111111-2222-4333-8444-555555555555';
export const HOME_TENANT = '00000000-0000-0000-0000-0000000000aa';
export const OTHER_ALLOWED_TENANT = '00000000-0000-0000-0000-0000000000bb';
export const PARTNER_TENANT = '00000000-0000-0000-0000-0000000000cc';

/** What the preprovision hook puts in the azd environment. */
const FROM_PREPROVISION = {
  environmentName: 'contoso-test',
  location: 'swedencentral',
  authAudience: `api://${APP_REGISTRATION_CLIENT_ID},${APP_REGISTRATION_CLIENT_ID}`,
  // environment() is only known when deploying; main.parameters.json leaves this empty.
  entraAuthorityHost: 'https://login.microsoftonline.com',
  schedulerCallbackSecret: 'test-callback-secret-0123456789abcdef0123456789',
  mcpRequestStateKey: 'test-request-state-key-0123456789abcdef0123456789',
  gatewayMarker: '99999999-8888-4777-8666-555555555555',
};

export const DEFAULT_PARAMS: Readonly<Record<string, unknown>> = FROM_PREPROVISION;

export const EVERYTHING_PARAMS: Readonly<Record<string, unknown>> = {
  ...FROM_PREPROVISION,
  allowedTenants: `${HOME_TENANT},${OTHER_ALLOWED_TENANT}`,
  deployApim: true,
  vnetEnabled: true,
  expertsEnabled: true,
  durableBackend: 'DurableTaskScheduler',
  schedulerUrl: 'https://scheduler.contoso.example/mcp',
  schedulerAudience: 'api://contoso-scheduler',
  schedulerApiKey: 'test-scheduler-api-key-0123456789',
  telemetrySamplingRatio: '0.25',
  alertEmail: 'operations@contoso.example',
  tenantBackends: { partners: { tenants: [PARTNER_TENANT], url: 'https://func-partners.azurewebsites.net' } },
};

/** Builds, lints and snapshots both deployments (once per run); call it in a `before` hook. */
export const loadDeployments = (): Promise<InfraArtifacts> => loadInfraArtifacts({ default: DEFAULT_PARAMS, everything: EVERYTHING_PARAMS });

const snapshotNamed = (name: string): Snapshot => {
  const snapshot = infraArtifacts().snapshots[name];
  if (!snapshot) throw new Error(`no snapshot ${name}`);
  return snapshot;
};
export const defaultDeployment = (): Snapshot => snapshotNamed('default');
export const everythingDeployment = (): Snapshot => snapshotNamed('everything');

export function resourcesOfType(snapshot: Snapshot, type: string): PredictedResource[] {
  return snapshot.predictedResources.filter((resource) => resource.type.toLowerCase() === type.toLowerCase());
}

export function onlyResourceOfType(snapshot: Snapshot, type: string): PredictedResource {
  const found = resourcesOfType(snapshot, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0] as PredictedResource;
}

/** The Function App's app settings as written by the `appsettings` config resource, unevaluated. */
export function rawAppSettings(snapshot: Snapshot): Record<string, string> {
  const config = resourcesOfType(snapshot, 'Microsoft.Web/sites/config').find((resource) => resource.name.endsWith('/appsettings'));
  if (!config?.properties) throw new Error('no appsettings resource in the snapshot');
  return config.properties as Record<string, string>;
}

/** The app settings as the app would read them: runtime values by placeholder. */
export function resolvedAppSettings(snapshot: Snapshot): Record<string, string> {
  return Object.fromEntries(Object.entries(rawAppSettings(snapshot)).map(([name, value]) => [name, resolveArmValue(value)]));
}

/** The Function App's host name, as WEBSITE_HOSTNAME would carry it. */
export function functionAppHostName(snapshot: Snapshot): string {
  const site = onlyResourceOfType(snapshot, 'Microsoft.Web/sites');
  return resolveArmValue(`[reference('${site.id}', '${site.apiVersion}').defaultHostName]`);
}
