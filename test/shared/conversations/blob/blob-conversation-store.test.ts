// The Blob conversation store against Azurite: the contract (a new container per test), then
// what only it does: ETag races between two instances resolved by retrying, a bounded number of
// tries when every write loses, the container created on first use outside Azure (and reported
// missing in Azure, where the infrastructure creates it), and the blob's shape.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ContainerClient, type BlockBlobClient } from '@azure/storage-blob';
import { BlobConversationStore, MAX_APPEND_ATTEMPTS, openBlobConversationStore } from '../../../../shared/conversations/blob/blob-conversation-store.js';
import { ConflictError, UnavailableError } from '../../../../shared/errors/domain-error.js';
import { createLogger, silentLogger } from '../../../../shared/telemetry/logger.js';
import type { Clock } from '../../../../shared/time/clock.js';
import { startAzuriteBlob, type AzuriteBlob } from '../../../support/azurite.js';
import { manualClock } from '../../../support/manual-clock.js';
import { followUpEntry, newFollowUp, runConversationStoreContract } from '../conversation-store-contract.js';

let azurite: AzuriteBlob;
before(async () => {
  azurite = await startAzuriteBlob();
});
after(async () => azurite?.stop());

/** A port nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

runConversationStoreContract('blob (Azurite)', async (clock: Clock) => {
  const config = azurite.config();
  const store = await openBlobConversationStore(config, { clock, logger: silentLogger });
  const raw = new ContainerClient(azurite.connectionString, config.containerName);
  return {
    store,
    writeRaw: async (id, text) => void (await raw.getBlockBlobClient(`${id}.json`).upload(text, Buffer.byteLength(text))),
    unreachable: async () => {
      const deadEndpoint = `http://127.0.0.1:${await closedPort()}/devstoreaccount1`;
      const connectionString = azurite.connectionString.replace(azurite.blobEndpoint, deadEndpoint);
      return openBlobConversationStore(azurite.config({ account: { auth: 'connection-string', connectionString, setting: 'CONVERSATIONS_CONNECTION_STRING' } }), { clock, logger: silentLogger });
    },
    close: () => store.close(),
  };
});

/** A container whose every conditional upload first lets "another instance" rewrite the blob, so the ETag never matches. */
class AlwaysOvertakenContainer extends ContainerClient {
  uploads = 0;
  override getBlockBlobClient(blobName: string): BlockBlobClient {
    const client = super.getBlockBlobClient(blobName);
    const upload = client.upload.bind(client);
    client.upload = async (body, length, options) => {
      if (options?.conditions?.ifMatch !== undefined) {
        this.uploads += 1;
        const current = await super.getBlobClient(blobName).downloadToBuffer();
        await upload(current, current.length);
      }
      return upload(body, length, options);
    };
    return client;
  }
}

describe('Blob conversation store', () => {
  const clock = manualClock('2026-06-01T09:00:00.000Z');

  it('stores one JSON blob <id>.json per conversation, stamped with its updated_at', async () => {
    const config = azurite.config();
    const store = await openBlobConversationStore(config, { clock, logger: silentLogger });
    const { conversation } = await store.create(newFollowUp('conv-shape'));
    const blob = new ContainerClient(azurite.connectionString, config.containerName).getBlobClient('conv-shape.json');
    const properties = await blob.getProperties();
    assert.equal(properties.contentType, 'application/json; charset=utf-8');
    assert.deepEqual(properties.metadata, { updated_at: conversation.updated_at });
    assert.deepEqual(JSON.parse((await blob.downloadToBuffer()).toString('utf8')), conversation);
  });

  it('loses no append when two instances race on one conversation (ETag conflicts retried)', async () => {
    const config = azurite.config();
    const one = await openBlobConversationStore(config, { clock, logger: silentLogger });
    const two = await openBlobConversationStore(config, { clock, logger: silentLogger });
    await one.create(newFollowUp('conv-two-instances'));
    const ids = Array.from({ length: 30 }, (_, i) => `event-${i}`);
    await Promise.all(ids.map((id, i) => (i % 2 === 0 ? one : two).append('conv-two-instances', [followUpEntry(id)])));
    const stored = await one.get('conv-two-instances');
    assert.deepEqual(stored?.entries.map((entry) => entry.event_id).sort(), [...ids].sort());
  });

  it(`gives up with CONFLICT after ${MAX_APPEND_ATTEMPTS} lost races, logging it, and writes nothing of its own`, async () => {
    const config = azurite.config();
    const setup = await openBlobConversationStore(config, { clock, logger: silentLogger });
    await setup.create(newFollowUp('conv-overtaken'));
    const container = new AlwaysOvertakenContainer(azurite.connectionString, config.containerName);
    const lines: string[] = [];
    const store = new BlobConversationStore(container, config, { clock, logger: createLogger({ level: 'warn', sink: (_level, line) => lines.push(line) }) });
    await assert.rejects(store.append('conv-overtaken', [followUpEntry('e1')]), (error: Error) => {
      assert.ok(error instanceof ConflictError);
      assert.match(error.message, /Too many concurrent changes to this conversation/);
      return true;
    });
    assert.equal(container.uploads, MAX_APPEND_ATTEMPTS);
    assert.deepEqual((await setup.get('conv-overtaken'))?.entries, []);
    assert.match(lines[0] ?? '', /conversation append gave up after concurrent changes/);
  });

  it('creates its container on first use outside Azure (a readiness check is a use)', async () => {
    for (const firstUse of [(store: BlobConversationStore) => store.get('conv-none'), (store: BlobConversationStore) => store.check()]) {
      const config = azurite.config();
      const container = new ContainerClient(azurite.connectionString, config.containerName);
      const store = await openBlobConversationStore(config, { clock, logger: silentLogger });
      assert.equal(await container.exists(), false, 'opening the store makes no request');
      await firstUse(store);
      assert.equal(await container.exists(), true);
      assert.deepEqual(await store.check(), { name: 'conversations', status: 'ok', breaker: 'closed', detail: `Blob container "${config.containerName}" is reachable` });
    }
  });

  it('in Azure (no container creation): a missing container is UNAVAILABLE, and not ready', async () => {
    const config = azurite.config({ createContainer: false });
    const store = await openBlobConversationStore(config, { clock, logger: silentLogger });
    for (const attempt of [() => store.get('conv-a'), () => store.create(newFollowUp('conv-a')), () => store.append('conv-a', [followUpEntry('e1')])]) {
      await assert.rejects(attempt(), (error: Error) => {
        assert.ok(error instanceof UnavailableError, `${error.name}: ${error.message}`);
        assert.match(error.message, /Blob container does not exist/);
        return true;
      });
    }
    assert.deepEqual(await store.check(), { name: 'conversations', status: 'down', breaker: 'closed', detail: `Blob container "${config.containerName}" does not exist` });
    assert.equal(await new ContainerClient(azurite.connectionString, config.containerName).exists(), false);
  });
});
