// The app's services hold the configured conversation store (or the one a test passes), give it
// to the tools, and close it with the app.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../../shared/config/load-config.js';
import { createApp } from '../../../shared/context/create-app.js';
import { openEmbeddedConversationStore } from '../../../shared/conversations/embedded/embedded-conversation-store.js';
import { silentLogger } from '../../../shared/telemetry/logger.js';
import { fixedClock } from '../../../shared/time/clock.js';
import { startAzuriteBlob, type AzuriteBlob } from '../../support/azurite.js';

const BASE = { SQLITE_PATH: ':memory:', AUTH_MODE: 'disabled', SEED_CUSTOMER_COUNT: '0', SEED_ANCHOR_DATE: '2026-06-01' };
const clock = fixedClock('2026-06-01T09:00:00.000Z');

describe('app services: conversations', () => {
  it('hold the configured store, share it with the tools, and close it with the app', async () => {
    const app = await createApp(loadConfig(BASE), { logSink: () => {}, clock });
    const { conversations } = app.services;
    assert.equal(conversations.kind, 'embedded');
    assert.equal(app.services.toolServices.conversations, conversations);
    assert.equal((await conversations.create({ id: 'conv-app', kind: 'follow_up', owner: { tenant_id: 't', caller_id: 'c' }, customer_id: null, topic: null })).conversation.created_at, '2026-06-01T09:00:00.000Z');
    assert.equal((await conversations.check()).status, 'ok');
    await app.close();
    assert.equal((await conversations.check()).status, 'down', 'closed with the app');
  });

  it('use a store passed in by a test instead, and close it too', async () => {
    const given = openEmbeddedConversationStore(':memory:', { retentionDays: 30, clock, logger: silentLogger });
    const app = await createApp(loadConfig(BASE), { logSink: () => {}, conversations: given });
    assert.equal(app.services.conversations, given);
    assert.equal(app.services.toolServices.conversations, given);
    await app.close();
    assert.equal((await given.check()).status, 'down');
  });

  describe('on Blob Storage (Azurite)', () => {
    let azurite: AzuriteBlob;
    before(async () => {
      azurite = await startAzuriteBlob();
    });
    after(async () => azurite?.stop());

    it('open the Blob store when the settings name an account', async () => {
      const app = await createApp(loadConfig({ ...BASE, ...azurite.env() }), { logSink: () => {}, clock });
      assert.equal(app.services.conversations.kind, 'blob');
      assert.equal((await app.services.conversations.check()).status, 'ok');
      await app.close();
    });
  });
});
