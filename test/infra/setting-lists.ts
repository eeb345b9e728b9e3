// The named lists of app settings that are not the app's own (shared/config/settings-schema.ts):
// the Functions host's settings, and the settings open issues plan whose schema entries have not
// landed yet. The infra tests allow these and nothing else.

/** Settings the Functions host reads itself (identity-based storage, telemetry sign-in, durable backend). */
export const HOST_SETTINGS: ReadonlySet<string> = new Set([
  'AzureWebJobsStorage__credential',
  'APPLICATIONINSIGHTS_AUTHENTICATION_STRING',
  'DURABLE_TASK_SCHEDULER_CONNECTION_STRING',
]);

/** Settings of local.settings.sample.json that only the local Functions host reads. */
export const LOCAL_HOST_SETTINGS: ReadonlySet<string> = new Set(['FUNCTIONS_WORKER_RUNTIME', 'AzureWebJobsStorage']);

/**
 * Settings planned by open issues that the infra already sets but settings-schema.ts does not list
 * yet (#14 conversations, scheduler and Key Vault, #15 telemetry and #16 experts have all landed).
 * Empty it as they land: a name still here once the schema has it fails settings-consistency.test.ts.
 */
export const SETTINGS_PLANNED_BY_OPEN_ISSUES: ReadonlySet<string> = new Set<string>([]);
