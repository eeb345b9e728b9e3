// The Cosmos DB client, created once per store (so once per process): Entra ID through
// DefaultAzureCredential (a managed identity in Azure, AZURE_CLIENT_ID for a user-assigned one,
// the developer's sign-in locally), or an account key for local emulators only. The store's
// resilience policy retries (cosmos-policy.ts), so the SDK's own retries of throttled (429)
// requests are off, or the attempts would multiply (by default it retries 429 up to 9 times
// within 30 s). The SDK still fails a read over to another region, and repeats a read after a
// dropped connection, on its own; the policy's per-attempt signal bounds those too.
import { CosmosClient, type CosmosClientOptions } from '@azure/cosmos';
import type { CosmosConfig } from '../../config/config.js';

/** The SDK's own retries of throttled (429) requests: none; the policy retries, honouring x-ms-retry-after-ms. */
export const COSMOS_SDK_RETRY_OPTIONS = { maxRetryAttemptCount: 0, maxWaitTimeInSeconds: 0 } as const;

export async function createCosmosClient(config: CosmosConfig): Promise<CosmosClient> {
  const options: CosmosClientOptions = {
    endpoint: config.endpoint,
    userAgentSuffix: 'contoso-mcp',
    connectionPolicy: {
      // Each HTTP request the SDK makes gives up when the policy's attempt does.
      requestTimeout: config.policy.timeoutMs,
      retryOptions: { ...COSMOS_SDK_RETRY_OPTIONS },
      // A local emulator over http advertises an https endpoint it does not serve: talk to the
      // given endpoint only. A real account keeps discovery (regional endpoints, failover).
      enableEndpointDiscovery: !config.emulator,
      ...(config.emulator ? { enableBackgroundEndpointRefreshing: false } : {}),
    },
  };
  if (config.key !== undefined) return new CosmosClient({ ...options, key: config.key });
  // Loaded only when used: an emulator run needs no identity library.
  const { DefaultAzureCredential } = await import('@azure/identity');
  const credential = new DefaultAzureCredential(config.managedIdentityClientId ? { managedIdentityClientId: config.managedIdentityClientId } : {});
  return new CosmosClient({ ...options, aadCredentials: credential });
}
