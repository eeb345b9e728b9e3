// The factory opens the adapter the configuration names, without a request to Blob Storage at
// open (an identity-based account builds its DefaultAzureCredential, which signs in on first use).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createConversationStore } from '../../../shared/conversations/create-conversation-store.js';
import { silentLogger } from '../../../shared/telemetry/logger.js';
import { fixedClock } from '../../../shared/time/clock.js';
import { newFollowUp } from './conversation-store-contract.js';
import { TEST_BLOB_POLICY } from '../../support/azurite.js';

describe('createConversationStore', () => {
  it('opens the embedded store, stamping times with the given clock', async () => {
    const store = await createConversationStore({ kind: 'embedded', sqlitePath: ':memory:', retentionDays: 30 }, { logger: silentLogger, clock: fixedClock('2026-06-01T09:00:00.000Z') });
    assert.equal(store.kind, 'embedded');
    assert.equal((await store.create(newFollowUp('conv-factory'))).conversation.created_at, '2026-06-01T09:00:00.000Z');
    await store.close();
  });

  it('opens the Blob store on a connection string or an identity, making no request yet', async () => {
    const common = { kind: 'blob' as const, containerName: 'conversations', createContainer: false, retentionDays: 30, policy: TEST_BLOB_POLICY };
    const local = await createConversationStore(
      { ...common, account: { auth: 'connection-string', connectionString: 'UseDevelopmentStorage=true', setting: 'AzureWebJobsStorage' } },
      { logger: silentLogger },
    );
    assert.equal(local.kind, 'blob');
    const azure = await createConversationStore(
      { ...common, account: { auth: 'identity', url: 'https://contosoconv.blob.core.windows.net', managedIdentityClientId: '22222222-2222-4222-8222-222222222222', setting: 'CONVERSATIONS_ACCOUNT_URL' } },
      { logger: silentLogger },
    );
    assert.equal(azure.kind, 'blob');
    await local.close();
    await azure.close();
  });
});
