// The development scheduler over real HTTP: it checks the API key, validates schedule_conversation
// with the contract, and at the job's time (or after DEV_SCHEDULER_DELIVER_AFTER_MS) POSTs the
// callback with the headers `sign` made over the exact body, retrying 503s and giving up on a 4xx.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { startDevScheduler } from '../../../dev/scheduler/dev-scheduler.js';

interface Received {
  body: string;
  headers: http.IncomingHttpHeaders;
  /** performance.now() on arrival. */
  at: number;
}

/** Polls `condition` every 5 ms for up to 3 s. */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    assert.ok(waited < 3_000, 'timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A callback receiver answering from `statuses` in turn (200 once they run out). */
async function startReceiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers, at: performance.now() });
      res.writeHead(statuses.shift() ?? 200, { 'content-type': 'application/json' });
      res.end('{"success":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/callback`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A test signer: deterministic headers derived from the body, counting calls. */
function testSigner() {
  const signed: string[] = [];
  const sign = (body: string) => {
    signed.push(body);
    return { 'x-test-signature': `sig-${body.length}-${signed.length}`, 'x-test-timestamp': String(1_700_000_000 + signed.length) };
  };
  return { sign, signed };
}

async function connect(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'dev-scheduler-test', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

function args(callbackUrl: string, overrides: Record<string, unknown> = {}) {
  return {
    conversation_id: 'conv-dev-001',
    customer_id: 251,
    when: new Date(Date.now() + 3_600_000).toISOString(),
    message: 'Is the new router working?',
    callback_url: callbackUrl,
    idempotency_key: `key-${Math.random().toString(36).slice(2)}`,
    ...overrides,
  };
}

const FAST_DELIVERY = { maxAttempts: 3, initialDelayMs: 2, maxDelayMs: 10, timeoutMs: 2_000 };

describe('development scheduler', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  before(async () => {
    receiver = await startReceiver();
  });
  after(async () => {
    await receiver?.close();
  });

  it('delivers the signed callback when the time comes (compressed)', async () => {
    const { sign, signed } = testSigner();
    const scheduler = await startDevScheduler({ port: 0, sign, deliverAfterMs: 5, delivery: FAST_DELIVERY });
    try {
      const client = await connect(scheduler.url);
      const result = await client.callTool({ name: 'schedule_conversation', arguments: args(receiver.url) });
      assert.equal(result.isError, undefined);
      const { schedule_id } = result.structuredContent as { schedule_id: string };
      await scheduler.settled();
      const [record] = scheduler.deliveries();
      assert.equal(record?.outcome, 'delivered');
      assert.equal(record?.attempts, 1);
      const arrived = receiver.received.at(-1);
      assert.ok(arrived);
      assert.deepEqual(JSON.parse(arrived.body), { conversationId: 'conv-dev-001', status: 'completed', content: 'Is the new router working?', eventId: `${schedule_id}:completed` });
      assert.equal(signed.at(-1), arrived.body, 'the signer saw exactly the bytes sent');
      assert.equal(arrived.headers['x-test-signature'], `sig-${arrived.body.length}-1`);
      assert.equal(arrived.headers['content-type'], 'application/json');
      await client.close();
    } finally {
      await scheduler.close();
    }
  });

  it('delivers at `when` (by its clock) without compression', async () => {
    const now = new Date('2026-11-02T10:00:00.000Z');
    let scheduledAt = 0;
    const scheduler = await startDevScheduler({
      port: 0,
      sign: testSigner().sign,
      clock: { now: () => new Date(now) },
      delivery: FAST_DELIVERY,
      log: (line) => {
        if (line.startsWith('scheduled')) scheduledAt = performance.now();
      },
    });
    try {
      const client = await connect(scheduler.url);
      await client.callTool({ name: 'schedule_conversation', arguments: args(receiver.url, { when: new Date(now.getTime() + 120).toISOString() }) });
      await until(() => scheduler.deliveries().length > 0);
      const waited = (receiver.received.at(-1)?.at ?? 0) - scheduledAt;
      assert.ok(waited >= 110, `delivered ${waited.toFixed(0)} ms after scheduling, at its time`);
      assert.equal(scheduler.deliveries()[0]?.outcome, 'delivered');
      await client.close();
    } finally {
      await scheduler.close();
    }
  });

  it('retries a delivery answered 503, signing each attempt afresh', async () => {
    const flaky = await startReceiver([503, 503]);
    const { sign, signed } = testSigner();
    const scheduler = await startDevScheduler({ port: 0, sign, deliverAfterMs: 0, delivery: FAST_DELIVERY });
    try {
      const client = await connect(scheduler.url);
      await client.callTool({ name: 'schedule_conversation', arguments: args(flaky.url) });
      await scheduler.settled();
      const [record] = scheduler.deliveries();
      assert.equal(record?.outcome, 'delivered');
      assert.equal(record?.attempts, 3);
      assert.equal(flaky.received.length, 3);
      assert.equal(signed.length, 3);
      assert.deepEqual(flaky.received.map((r) => r.headers['x-test-signature']), flaky.received.map((r, i) => `sig-${r.body.length}-${i + 1}`));
      await client.close();
    } finally {
      await scheduler.close();
      await flaky.close();
    }
  });

  it('gives up after the attempts on 5xx, and at once on a 4xx', async () => {
    const failing = await startReceiver([500, 500, 500, 400]);
    const scheduler = await startDevScheduler({ port: 0, sign: testSigner().sign, deliverAfterMs: 0, delivery: FAST_DELIVERY });
    try {
      const client = await connect(scheduler.url);
      await client.callTool({ name: 'schedule_conversation', arguments: args(failing.url) });
      await scheduler.settled();
      await client.callTool({ name: 'schedule_conversation', arguments: args(failing.url) });
      await scheduler.settled();
      const [exhausted, refused] = scheduler.deliveries();
      assert.deepEqual([exhausted?.outcome, exhausted?.attempts, exhausted?.last_status, exhausted?.failure], ['gave_up', 3, 500, 'http_500']);
      assert.deepEqual([refused?.outcome, refused?.attempts, refused?.last_status], ['gave_up', 1, 400]);
      await client.close();
    } finally {
      await scheduler.close();
      await failing.close();
    }
  });

  it('validates the arguments with the contract and refuses a past time', async () => {
    const scheduler = await startDevScheduler({ port: 0, sign: testSigner().sign });
    try {
      const client = await connect(scheduler.url);
      for (const bad of [{ conversation_id: '../../etc/passwd' }, { when: 'tomorrow' }, { callback_url: 'ftp://x/y' }, { customer_id: 0 }, { message: '' }, { extra: 1 }]) {
        const result = await client.callTool({ name: 'schedule_conversation', arguments: args(receiver.url, bad) });
        assert.equal(result.isError, true, JSON.stringify(bad));
      }
      const past = await client.callTool({ name: 'schedule_conversation', arguments: args(receiver.url, { when: '2020-01-01T00:00:00Z' }) });
      assert.equal(past.isError, true);
      assert.match(JSON.stringify(past.content), /in the past/);
      assert.equal(scheduler.jobs().length, 0);
      await client.close();
    } finally {
      await scheduler.close();
    }
  });

  it('requires the API key when configured', async () => {
    const scheduler = await startDevScheduler({ port: 0, sign: testSigner().sign, apiKey: 'the-dev-scheduler-key' });
    try {
      for (const headers of [{}, { 'x-api-key': 'wrong' }] as Record<string, string>[]) {
        const res = await fetch(scheduler.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body: '{}' });
        assert.equal(res.status, 401);
        assert.deepEqual(await res.json(), { error: 'invalid_api_key' });
      }
      const client = await connect(scheduler.url, { 'x-api-key': 'the-dev-scheduler-key', 'x-client-id': 'contoso' });
      const { tools } = await client.listTools();
      assert.deepEqual(tools.map((t) => t.name), ['schedule_conversation']);
      await client.close();
      assert.equal((await fetch(new URL('/elsewhere', scheduler.url), { headers: { 'x-api-key': 'the-dev-scheduler-key' } })).status, 404);
    } finally {
      await scheduler.close();
    }
  });

  it('stops pending deliveries on close', async () => {
    const scheduler = await startDevScheduler({ port: 0, sign: testSigner().sign, deliverAfterMs: 60_000 });
    const client = await connect(scheduler.url);
    await client.callTool({ name: 'schedule_conversation', arguments: args(receiver.url) });
    await client.close();
    const before = receiver.received.length;
    await scheduler.close();
    assert.equal(scheduler.jobs().length, 1);
    assert.equal(receiver.received.length, before);
  });
});
