// The Cosmos DB client, created once per store (so once per process): Entra ID through
// DefaultAzureCredential (a managed identity in Azure, AZURE_CLIENT_ID for a user-assigned one,
// the developer's sign-in locally), or an account key for local emulators only. Its own retries
// are explicit and small, since a resilience layer goes on top; requests time out explicitly.
import { CosmosClient, type CosmosClientOptions } from '@azure/cosmos';
import type { CosmosConfig } from '../../config/config.js';

/** The SDK's own retries of throttled (429) requests: few and short. */
export const COSMOS_RETRY_OPTIONS = { maxRetryAttemptCount: 3, maxWaitTimeInSeconds: 5 } as const;

export async function createCosmosClient(config: CosmosConfig): Promise<CosmosClient> {
  const options: CosmosClientOptions = {
    endpoint: config.endpoint,
    userAgentSuffix: 'contoso-mcp',
    connectionPolicy: {
      requestTimeout: config.requestTimeoutMs,
      retryOptions: { ...COSMOS_RETRY_OPTIONS },
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
