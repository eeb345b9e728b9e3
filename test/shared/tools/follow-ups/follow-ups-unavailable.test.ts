// The follow-up tools when Blob Storage fails under them (in-process app, conversations on Azurite
// behind a fault server): the tool answers UNAVAILABLE naming the dependency and when to retry
// (in the text and in _meta), the breaker then answers at once without a request, readiness shows
// it, and the tools work again once Blob Storage is back.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { AZURITE_ACCOUNT, AZURITE_KEY, startAzuriteBlob, type AzuriteBlob } from '../../../support/azurite.js';
import { startFaultServer, type FaultServer } from '../../../support/fault-server.js';
import { startInProcessMcp, type InProcessMcp } from '../../../support/in-process-mcp.js';

const BUSY = { kind: 'status' as const, status: 503, headers: { 'content-type': 'application/xml', 'x-ms-error-code': 'ServerBusy' }, body: '<Error><Code>ServerBusy</Code></Error>' };

describe('follow-up tools while Blob Storage is down', () => {
  let azurite: AzuriteBlob;
  let faults: FaultServer;
  let mcp: InProcessMcp;
  before(async () => {
    azurite = await startAzuriteBlob();
    faults = await startFaultServer({ upstream: new URL(azurite.blobEndpoint).origin });
    mcp = await startInProcessMcp({
      customerCount: 5,
      env: {
        CONVERSATIONS_CONNECTION_STRING: `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:${faults.port}/${AZURITE_ACCOUNT};`,
        CONVERSATIONS_CONTAINER: 'tool-faults',
        CONVERSATIONS_TIMEOUT_MS: '2000',
        CONVERSATIONS_RETRY_MAX_ATTEMPTS: '2',
        CONVERSATIONS_RETRY_INITIAL_DELAY_MS: '2',
        CONVERSATIONS_RETRY_MAX_DELAY_MS: '10',
        CONVERSATIONS_BREAKER_FAILURES: '2',
        CONVERSATIONS_BREAKER_HALF_OPEN_MS: '50',
      },
    });
  });
  after(async () => {
    await mcp?.close();
    await faults?.stop();
    await azurite?.stop();
  });

  it('answer UNAVAILABLE with the dependency and a retry time, then fail fast, then recover', async () => {
    assert.equal(mcp.ctx.conversations.kind, 'blob');
    const scheduled = await mcp.call('schedule_follow_up', { customer_id: 1, when: '2026-06-16T09:00:00Z', message: 'Is the line stable now?' });
    assert.equal(scheduled.isError, false, scheduled.text);
    const id = String(scheduled.structured.conversation_id);

    faults.setMode(BUSY);
    const down = await mcp.call('get_conversation', { conversation_id: id });
    assert.equal(down.isError, true);
    assert.match(down.text, /^UNAVAILABLE: The conversation store \(Azure Blob Storage\) is unavailable or did not answer in time.*; retry in \d+ s$/);
    const meta: { code?: string; dependency?: string; retry_after_seconds?: number } | undefined = down.error;
    assert.equal(meta?.code, 'UNAVAILABLE');
    assert.equal(meta?.dependency, 'conversations');
    assert.ok((meta?.retry_after_seconds ?? 0) >= 1);
    assert.equal(faults.requests > 0, true);

    faults.resetCount();
    const started = performance.now();
    const fast = await mcp.call('get_conversation', { conversation_id: id });
    assert.match(fast.text, /circuit breaker is open/);
    assert.ok(performance.now() - started < 500, 'answered at once');
    assert.equal(faults.requests, 0, 'no request while the breaker is open');
    const check = await mcp.ctx.conversations.check();
    assert.deepEqual([check.status, check.breaker], ['down', 'open']);

    faults.setMode({ kind: 'forward' });
    await sleep(80);
    const back = await mcp.call('get_conversation', { conversation_id: id });
    assert.equal(back.isError, false, back.text);
    assert.equal((await mcp.ctx.conversations.check()).breaker, 'closed');
  });
});
