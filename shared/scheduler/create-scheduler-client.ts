// Builds the configured scheduler client: none without SCHEDULER_URL, otherwise the remote MCP
// adapter, imported only then (with cockatiel), while the MCP client SDK and @azure/identity wait
// for the first call. The one place that turns SchedulerConfig into a SchedulerClient.
import type { SchedulerConfig } from '../config/config.js';
import type { PolicyObserver } from '../resilience/policy-observer.js';
import type { SecretsProvider } from '../secrets/secrets-provider.js';
import type { Clock } from '../time/clock.js';
import type { SchedulerClient } from './scheduler-client.js';
import type { TokenSource } from './scheduler-credentials.js';

export interface CreateSchedulerOptions {
  /** Where SCHEDULER-API-KEY and SCHEDULER-CLIENT-ID come from (required with SCHEDULER_AUTH=api-key). */
  secrets?: SecretsProvider;
  clock?: Clock;
  /** fetch for the scheduler's MCP requests (tests). */
  fetch?: typeof fetch;
  /** Replaces DefaultAzureCredential for managed-identity tokens (tests). */
  tokenSource?: TokenSource;
  /** Told of the scheduler's resilience policy (breaker metrics and logs). */
  observePolicy?: PolicyObserver;
}

export async function createSchedulerClient(config: SchedulerConfig | undefined, options: CreateSchedulerOptions = {}): Promise<SchedulerClient | undefined> {
  if (config === undefined) return undefined;
  const [{ createRemoteSchedulerClient }, { schedulerCredentials }] = await Promise.all([
    import('./remote-scheduler-client.js'),
    import('./scheduler-credentials.js'),
  ]);
  const credentials = schedulerCredentials(config.auth, {
    ...(options.secrets ? { secrets: options.secrets } : {}),
    ...(options.tokenSource ? { tokenSource: options.tokenSource } : {}),
  });
  const client = createRemoteSchedulerClient({
    config,
    credentials,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  options.observePolicy?.(client.policy);
  return client;
}
