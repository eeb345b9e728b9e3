// Scheduled follow-ups end to end: the real local host with its development scheduler (API key
// required, time compressed), conversations in Blob Storage on Azurite. An agent schedules a
// follow-up over MCP; the scheduler calls /api/callback with a signed request; the event lands in
// the caller's conversation in Blob Storage, which get_conversation reads back to its owner (and
// the security role) only. A retry with the same key schedules once; forged callbacks are refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BlobServiceClient } from '@azure/storage-blob';
import { signCallback } from '../../shared/callback/sign-callback.js';
import { startAzuriteBlob, type AzuriteBlob } from '../support/azurite.js';
import { connectClient, postRaw, toolCall } from '../support/mcp-clients.js';
import { startLocalHost, type LocalHostProcess } from '../support/local-host-process.js';

type Row = Record<string, unknown>;
type Rpc = { result?: { isError?: boolean; structuredContent?: Row; content?: Array<{ text: string }> }; error?: { code: number; message: string } };

const CONTAINER = 'follow-up-e2e';
const CALLBACK_SECRET = 'e2e-callback-secret-0123456789abcdef';
const inAMinute = () => new Date(Date.now() + 60_000).toISOString();

describe('scheduled follow-ups: MCP → scheduler → signed callback → Blob conversation', () => {
  let azurite: AzuriteBlob;
  let host: LocalHostProcess;

  async function call(name: string, args: Row, as: { sub?: string; roles?: readonly string[] } = {}): Promise<Rpc> {
    const token = await host.mintToken({ ...(as.sub ? { sub: as.sub } : {}), ...(as.roles ? { roles: as.roles } : {}) });
    const res = await postRaw(host.mcpUrl, toolCall(1, name, args), { authorization: `Bearer ${token}` });
    assert.equal(res.status, 200, res.text);
    return res.messages[0] as Rpc;
  }

  async function conversationWhen(id: string, done: (entries: Row[]) => boolean): Promise<Row> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const answer = await call('get_conversation', { conversation_id: id });
      const conversation = answer.result?.structuredContent?.conversation as Row | undefined;
      if (conversation && done(conversation.entries as Row[])) return conversation;
      assert.ok(Date.now() < deadline, `conversation ${id} did not get there: ${JSON.stringify(answer)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  before(async () => {
    azurite = await startAzuriteBlob();
    host = await startLocalHost({
      ...azurite.env(CONTAINER),
      DEV_SCHEDULER_DELIVER_AFTER_MS: '0',
      DEV_SCHEDULER_API_KEY: 'e2e-scheduler-api-key',
      SCHEDULER_CALLBACK_SECRET: CALLBACK_SECRET,
    });
  });
  after(async () => {
    await host?.stop();
    await azurite?.stop();
  });

  it('prints the development scheduler and lists it as ready', async () => {
    assert.match(host.output(), /development scheduler: http:\/\/127\.0\.0\.1:\d+\/mcp/);
    const ready = (await (await fetch(`${host.baseUrl}/api/ready`)).json()) as { status: string; dependencies: Array<{ name: string; status: string }> };
    assert.equal(ready.status, 'ready', JSON.stringify(ready));
    const byName = Object.fromEntries(ready.dependencies.map((d) => [d.name, d.status]));
    assert.equal(byName.scheduler, 'ok', JSON.stringify(ready));
    assert.equal(byName.conversations, 'ok', JSON.stringify(ready));
  });

  it('delivers the follow-up into a Blob conversation that its owner reads back', async () => {
    const when = inAMinute();
    const answer = await call('schedule_follow_up', { customer_id: 1, when, message: 'Check the replacement router', idempotency_key: 'e2e-first' });
    const scheduled = answer.result?.structuredContent ?? {};
    assert.equal(answer.result?.isError, undefined, JSON.stringify(answer));
    assert.equal(scheduled.status, 'scheduled');
    assert.equal(scheduled.replayed, false);
    const id = String(scheduled.conversation_id);
    assert.match(id, /^fu-[0-9a-f]{32}$/);

    const conversation = await conversationWhen(id, (entries) => entries.some((e) => e.status === 'completed'));
    assert.equal(conversation.kind, 'follow_up');
    assert.equal(conversation.customer_id, 1);
    const entries = conversation.entries as Row[];
    assert.deepEqual(entries.map((e) => e.status).sort(), ['completed', 'scheduled']);
    assert.ok(entries.every((e) => e.content === 'Check the replacement router'));
    assert.equal(conversation.owner, undefined, 'the owner stays internal');

    // It is in Blob Storage, in the configured container.
    const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(CONTAINER);
    const names: string[] = [];
    for await (const blob of container.listBlobsFlat()) names.push(blob.name);
    assert.ok(names.some((name) => name.includes(id)), `blobs: ${names.join(', ')}`);

    // The same key again: the same conversation, nothing scheduled twice, one delivery.
    const retry = await call('schedule_follow_up', { customer_id: 1, when, message: 'Check the replacement router', idempotency_key: 'e2e-first' });
    assert.equal(retry.result?.structuredContent?.conversation_id, id);
    assert.equal(retry.result?.structuredContent?.schedule_id, scheduled.schedule_id);
    assert.equal(retry.result?.structuredContent?.replayed, true);
    // The same key for another time is not a retry: the scheduler refuses it, nothing is added.
    const reused = await call('schedule_follow_up', { customer_id: 1, when: inAMinute(), message: 'Check the replacement router', idempotency_key: 'e2e-first' });
    assert.equal(reused.result?.isError, true, JSON.stringify(reused));
    assert.match(reused.result?.content?.[0]?.text ?? '', /^BUSINESS_RULE/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await conversationWhen(id, () => true);
    assert.equal((after.entries as Row[]).length, 2, JSON.stringify(after.entries));

    // Someone else is told it does not exist; the security role may read it.
    const stranger = await call('get_conversation', { conversation_id: id }, { sub: 'another-agent', roles: ['support.read'] });
    assert.equal(stranger.result?.isError, true);
    assert.match(stranger.result?.content?.[0]?.text ?? '', /NOT_FOUND|not found/i);
    const security = await call('get_conversation', { conversation_id: id }, { sub: 'security-officer', roles: ['security'] });
    assert.equal((security.result?.structuredContent?.conversation as Row | undefined)?.id, id);
  });

  it('works for a 2026-07-28 client through the SDK too, continuing a conversation', async () => {
    const client = await connectClient(host.mcpUrl, '2026-07-28', await host.authHeaders());
    try {
      const first = (await client.callTool({ name: 'schedule_follow_up', arguments: { customer_id: 2, when: inAMinute(), message: 'Billing dispute follow-up' } })) as { structuredContent?: Row };
      const id = String(first.structuredContent?.conversation_id);
      const second = (await client.callTool({ name: 'schedule_follow_up', arguments: { customer_id: 2, when: inAMinute(), message: 'Second check', conversation_id: id } })) as { structuredContent?: Row };
      assert.equal(second.structuredContent?.conversation_id, id);
      const conversation = await conversationWhen(id, (entries) => entries.filter((e) => e.status === 'completed').length === 2);
      assert.equal((conversation.entries as Row[]).length, 4);
    } finally {
      await client.close();
    }
  });

  it('hides schedule_follow_up from a read-only caller and refuses the call', async () => {
    const token = await host.mintToken({ roles: ['support.read'] });
    const list = await postRaw(host.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'tools/list' }, { authorization: `Bearer ${token}` });
    const names = ((list.messages[0] as { result: { tools: Array<{ name: string }> } }).result.tools).map((t) => t.name);
    assert.ok(names.includes('get_conversation'));
    assert.ok(!names.includes('schedule_follow_up'));
    const refused = await call('schedule_follow_up', { customer_id: 1, when: inAMinute(), message: 'not allowed' }, { roles: ['support.read'] });
    assert.ok(refused.error !== undefined || refused.result?.isError === true, JSON.stringify(refused));
  });

  it('answers bad arguments with the field named, not a 500', async () => {
    const past = await call('schedule_follow_up', { customer_id: 1, when: '2020-01-01T00:00:00Z', message: 'too late' });
    assert.equal(past.result?.isError, true);
    assert.match(past.result?.content?.[0]?.text ?? '', /when/);
    const unknown = await call('schedule_follow_up', { customer_id: 987_654, when: inAMinute(), message: 'nobody' });
    assert.equal(unknown.result?.isError, true);
    assert.match(unknown.result?.content?.[0]?.text ?? '', /987654|not found/i);
  });

  it('refuses forged callbacks: unsigned, signed with another secret, and a valid one for no conversation', async () => {
    const body = JSON.stringify({ conversationId: 'fu-00000000000000000000000000000000', status: 'completed', content: 'forged' });
    const post = (headers: Record<string, string>) => fetch(`${host.baseUrl}/api/callback`, { method: 'POST', headers, body });
    const unsigned = await post({ 'content-type': 'application/json' });
    assert.equal(unsigned.status, 401);
    assert.equal(((await unsigned.json()) as { error: { code: string } }).error.code, 'UNAUTHENTICATED');
    const wrong = await post(signCallback(body, { secrets: ['another-secret-0123456789abcdef'], now: new Date() }));
    assert.equal(wrong.status, 401);
    const unknown = await post(signCallback(body, { secrets: [CALLBACK_SECRET], now: new Date() }));
    assert.equal(unknown.status, 404);
    assert.ok(!host.output().includes(CALLBACK_SECRET), 'the secret never reaches the output');
  });
});
