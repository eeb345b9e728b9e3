// The Blob conversation store when Blob Storage fails: Azurite stopped under a running store, a
// server that accepts connections and never answers (bounded by the operation's deadline: the
// SDK's tryTimeoutInMs is only a server-side timeout), and one that answers 503 (the SDK's 3
// tries). Each must end in UNAVAILABLE naming the conversation store, within a bound, never a
// hang; readiness says "down" without secrets.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { openBlobConversationStore } from '../../../../shared/conversations/blob/blob-conversation-store.js';
import { operationDeadlineMs } from '../../../../shared/conversations/blob/blob-documents.js';
import { UnavailableError } from '../../../../shared/errors/domain-error.js';
import { silentLogger } from '../../../../shared/telemetry/logger.js';
import { AZURITE_ACCOUNT, AZURITE_KEY, startAzuriteBlob, type AzuriteBlob } from '../../../support/azurite.js';
import { manualClock } from '../../../support/manual-clock.js';
import { followUpEntry, newFollowUp } from '../conversation-store-contract.js';

const clock = manualClock('2026-06-01T09:00:00.000Z');

/** Asserts `work` fails with UNAVAILABLE naming the conversation store, within `withinMs`. */
async function assertUnavailableWithin(work: () => Promise<unknown>, withinMs: number): Promise<void> {
  const started = performance.now();
  await assert.rejects(work(), (error: Error) => {
    assert.ok(error instanceof UnavailableError, `${error.name}: ${error.message}`);
    assert.match(error.message, /^The conversation store \(Azure Blob Storage\) is unavailable or did not answer in time; try again shortly$/);
    assert.equal(error.details.dependency, 'conversations');
    return true;
  });
  const elapsed = performance.now() - started;
  assert.ok(elapsed < withinMs, `took ${Math.round(elapsed)} ms`);
}

/** A connection string for the development account at `endpoint` (Azurite's well-known key). */
const connectionStringFor = (port: number) =>
  `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:${port}/${AZURITE_ACCOUNT};`;

describe('Blob conversation store faults', () => {
  describe('Azurite stopped under a running store', () => {
    let azurite: AzuriteBlob;
    before(async () => {
      azurite = await startAzuriteBlob();
    });
    after(async () => azurite?.stop());

    it('answers UNAVAILABLE quickly for every operation, and readiness says down without secrets', async () => {
      const store = await openBlobConversationStore(azurite.config(), { clock, logger: silentLogger });
      await store.create(newFollowUp('conv-before'));
      await azurite.stop();
      await assertUnavailableWithin(() => store.get('conv-before'), 5_000);
      await assertUnavailableWithin(() => store.append('conv-before', [followUpEntry('e1')]), 5_000);
      await assertUnavailableWithin(() => store.create(newFollowUp('conv-after')), 5_000);
      await assertUnavailableWithin(() => store.prune(new Date()), 5_000);
      const check = await store.check();
      assert.equal(check.status, 'down');
      assert.match(check.detail ?? '', /unavailable or did not answer in time/);
      assert.doesNotMatch(JSON.stringify(check), /AccountKey|Eby8vd|127\.0\.0\.1|devstoreaccount1/);
    });
  });

  describe('a server that accepts connections and never answers', () => {
    let server: net.Server;
    const sockets = new Set<net.Socket>();
    let port: number;
    before(async () => {
      server = net.createServer((socket) => {
        sockets.add(socket);
        socket.on('error', () => {});
        socket.resume();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as net.AddressInfo).port;
    });
    after(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('abandons the operation at its deadline: UNAVAILABLE, not a hang', async () => {
      const config = {
        kind: 'blob' as const,
        account: { auth: 'connection-string' as const, connectionString: connectionStringFor(port), setting: 'CONVERSATIONS_CONNECTION_STRING' as const },
        containerName: 'conversations',
        createContainer: false,
        retentionDays: 30,
        requestTimeoutMs: 150,
      };
      const store = await openBlobConversationStore(config, { clock, logger: silentLogger });
      const deadline = operationDeadlineMs(config.requestTimeoutMs);
      assert.equal(deadline, 3 * 150 + 200);
      const started = performance.now();
      await assertUnavailableWithin(() => store.get('conv-hang'), deadline + 1_500);
      assert.ok(performance.now() - started >= deadline - 50, 'not before the deadline');
      const check = await store.check();
      assert.equal(check.status, 'down');
    });
  });

  describe('a server that answers 503', () => {
    let server: http.Server;
    let requests = 0;
    let port: number;
    before(async () => {
      server = http.createServer((req, res) => {
        requests += 1;
        req.resume();
        res.writeHead(503, { 'content-type': 'application/xml', 'x-ms-error-code': 'ServerBusy' });
        res.end('<?xml version="1.0" encoding="utf-8"?><Error><Code>ServerBusy</Code><Message>busy</Message></Error>');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as net.AddressInfo).port;
    });
    after(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('retries three times in all, then answers UNAVAILABLE', async () => {
      const config = {
        kind: 'blob' as const,
        account: { auth: 'connection-string' as const, connectionString: connectionStringFor(port), setting: 'CONVERSATIONS_CONNECTION_STRING' as const },
        containerName: 'conversations',
        createContainer: false,
        retentionDays: 30,
        requestTimeoutMs: 1_000,
      };
      const store = await openBlobConversationStore(config, { clock, logger: silentLogger });
      await assertUnavailableWithin(() => store.append('conv-busy', [followUpEntry('e1')]), 4_000);
      assert.equal(requests, 3);
    });
  });
});
