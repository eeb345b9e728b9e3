// The durable backend the package is built for. host.json names no storage provider, so the
// Durable extension keeps its task hub in the app's storage account (AzureWebJobsStorage); with
// DURABLE_BACKEND=DurableTaskScheduler (an output of infra/main.bicep that azd passes to
// `npm run package`), the packaged host.json points it at the Durable Task Scheduler instead.
// Development tooling: used by package-app.ts.

export const DURABLE_BACKENDS = ['AzureStorage', 'DurableTaskScheduler'] as const;
export type DurableBackend = (typeof DURABLE_BACKENDS)[number];

/** The app setting the infra writes the scheduler's connection string (endpoint + identity) to. */
export const SCHEDULER_CONNECTION_SETTING = 'DURABLE_TASK_SCHEDULER_CONNECTION_STRING';

/** DURABLE_BACKEND from the environment; absent or empty means AzureStorage. */
export function durableBackendFrom(env: Readonly<Record<string, string | undefined>>): DurableBackend {
  const value = env.DURABLE_BACKEND?.trim() ?? '';
  if (value === '') return 'AzureStorage';
  const backend = DURABLE_BACKENDS.find((name) => name === value);
  if (!backend) throw new Error(`DURABLE_BACKEND: expected ${DURABLE_BACKENDS.join(' or ')} (got "${value}")`);
  return backend;
}

/** host.json's text for the backend: unchanged for AzureStorage, with the scheduler's provider otherwise. */
export function hostJsonFor(hostJson: string, backend: DurableBackend): string {
  if (backend === 'AzureStorage') return hostJson;
  const parsed = JSON.parse(hostJson) as { extensions?: { durableTask?: Record<string, unknown> } };
  const durableTask = parsed.extensions?.durableTask;
  if (!durableTask) throw new Error('host.json has no extensions.durableTask section to point at the Durable Task Scheduler');
  durableTask.storageProvider = { type: 'azureManaged', connectionStringName: SCHEDULER_CONNECTION_SETTING };
  return `${JSON.stringify(parsed, null, 2)}\n`;
}
