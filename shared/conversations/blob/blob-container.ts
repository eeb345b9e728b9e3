// The Blob container of the conversation store, reached once per process: Entra ID through
// DefaultAzureCredential (the managed identity in Azure, AZURE_CLIENT_ID or
// AzureWebJobsStorage__clientId for a user-assigned one, the developer's sign-in locally), or a
// connection string outside Azure (Azurite). The SDK's own retries are off: the store's resilience
// policy (blob-documents.ts) times, retries and breaks every request.
import { BlobServiceClient, type ContainerClient, type StoragePipelineOptions } from '@azure/storage-blob';
import type { BlobConversationsConfig } from '../../config/config.js';

/**
 * The SDK's retry options: one try (the policy retries). `tryTimeoutInMs` becomes the service's
 * server-side `timeout` (whole seconds, so at least 1 s); the client-side bound is the policy's
 * timeout per attempt, whose signal aborts the request.
 */
export function blobRetryOptions(attemptTimeoutMs: number): NonNullable<StoragePipelineOptions['retryOptions']> {
  return { maxTries: 1, tryTimeoutInMs: Math.max(1_000, attemptTimeoutMs) };
}

export async function openConversationContainer(config: BlobConversationsConfig): Promise<ContainerClient> {
  const options: StoragePipelineOptions = {
    retryOptions: blobRetryOptions(config.policy.timeoutMs),
    userAgentOptions: { userAgentPrefix: 'contoso-mcp' },
  };
  const { account } = config;
  if (account.auth === 'connection-string') {
    return BlobServiceClient.fromConnectionString(account.connectionString, options).getContainerClient(config.containerName);
  }
  // Loaded only when used: an Azurite run needs no identity library.
  const { DefaultAzureCredential } = await import('@azure/identity');
  const credential = new DefaultAzureCredential(account.managedIdentityClientId ? { managedIdentityClientId: account.managedIdentityClientId } : {});
  return new BlobServiceClient(account.url, credential, options).getContainerClient(config.containerName);
}
