// The expert tools when things go wrong or are missing: the turn's time budget (a model that
// never answers), the model endpoint failing until the azure_openai policy's breaker opens (the
// real policy, at millisecond pauses), throttling with Retry-After, refused credentials, an
// unreachable endpoint, and an app without an Azure OpenAI endpoint (no experts listed, readiness
// says why).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { developmentPrincipal } from '../../../shared/identity/principal.js';
import { NOT_CONFIGURED_DETAIL } from '../../../shared/azure-openai/azure-openai.js';
import { FAKE_OPENAI_KEY, reply, startFakeAzureOpenAi, type FakeAzureOpenAi } from '../../support/fake-azure-openai.js';
import { startInProcessMcp, type InProcessMcp } from '../../support/in-process-mcp.js';

describe('expert tools: time budget', () => {
  let fake: FakeAzureOpenAi;
  let mcp: InProcessMcp;
  before(async () => {
    fake = await startFakeAzureOpenAi();
    mcp = await startInProcessMcp({ customerCount: 3, env: fake.env(), app: { expertTimeBudgetMs: 1000 } });
  });
  after(async () => {
    await mcp?.close();
    await fake?.close();
  });

  it('stops a turn whose model does not answer within the budget with TIMEOUT, storing nothing', async () => {
    // A first turn loads the openai package, so the timed turn spends its budget on the model call.
    fake.queue(reply.text('warm'));
    const warm = await mcp.call('ask_product_expert', { question: 'Warm up' });
    assert.equal(warm.isError, false);
    const { conversation_id } = warm.structured as { conversation_id: string };
    fake.reset();
    fake.queue(reply.hold());
    const result = await mcp.call('ask_product_expert', { question: 'Which plans exist?', conversation_id });
    assert.equal(result.isError, true);
    assert.equal(result.error?.code, 'TIMEOUT');
    assert.match(result.text, /ask_product_expert did not answer within its 1 s time budget \(0 tool calls made\)/);
    assert.equal(fake.chatRequests().length, 1, 'the held model call was cut');
    assert.equal((await mcp.ctx.conversations.get(conversation_id))?.entries.length, 2, 'only the warm-up turn is stored');
  });
});

describe('expert tools: model endpoint down (the azure_openai resilience policy)', () => {
  let fake: FakeAzureOpenAi;
  let mcp: InProcessMcp;
  before(async () => {
    fake = await startFakeAzureOpenAi();
    // Two attempts per call, the breaker opening after four failed attempts and staying open for the test.
    mcp = await startInProcessMcp({ customerCount: 3, env: fake.env({ AZURE_OPENAI_RETRY_MAX_ATTEMPTS: '2', AZURE_OPENAI_BREAKER_FAILURES: '4', AZURE_OPENAI_BREAKER_HALF_OPEN_MS: '600000' }) });
  });
  after(async () => {
    await mcp?.close();
    await fake?.close();
  });

  it('retries a failing endpoint, answers UNAVAILABLE, then the breaker opens and no call reaches it; readiness lists it down', async () => {
    const ready = async () => (await mcp.ready()).body.dependencies?.find((check) => check.name === 'azure_openai');
    assert.deepEqual(await ready(), { name: 'azure_openai', status: 'ok', breaker: 'closed', detail: `chat deployment "chat-test" at ${new URL(fake.endpoint).host} (API key)` });
    fake.queue(reply.status(503), reply.status(503), reply.status(503), reply.status(503));
    for (let i = 0; i < 2; i += 1) {
      const failed = await mcp.call('ask_billing_expert', { question: 'What is owed?' });
      assert.equal(failed.error?.code, 'UNAVAILABLE');
      assert.match(failed.text, /^UNAVAILABLE: Azure OpenAI failed \(HTTP 503, chat deployment "chat-test"\)\. The azure_openai dependency failed \(http_503\) after 2 attempt\(s\)/);
    }
    assert.equal(fake.chatRequests().length, 4, 'each call was tried twice');
    const open = await mcp.call('ask_billing_expert', { question: 'What is owed?' });
    assert.equal(open.error?.code, 'UNAVAILABLE');
    assert.match(open.text, /^UNAVAILABLE: Azure OpenAI \(chat deployment "chat-test"\) was not called\. The azure_openai dependency is unavailable: its circuit breaker is open .*\(last: http_503\); retry in 600 s/);
    assert.equal(fake.chatRequests().length, 4, 'the open breaker kept the call from the endpoint');
    assert.deepEqual([open.error?.dependency, open.error?.retry_after_seconds], ['azure_openai', 600], 'the tool error tells an agent what is down and when to retry');
    assert.ok(
      mcp.logs.some((line) => line.msg === 'circuit breaker opened: calls fail fast until the pause ends' && line.dependency === 'azure_openai' && line.errorClass === 'http_503'),
      'the app\'s policy observer logged the breaker opening',
    );
    assert.deepEqual(await ready(), {
      name: 'azure_openai',
      status: 'down',
      breaker: 'open',
      detail: `chat deployment "chat-test" at ${new URL(fake.endpoint).host} (API key); circuit breaker open (last failure: http_503); next probe in 600 s`,
    });
  });
});

describe('expert tools: throttled, refused and unreachable endpoints', () => {
  let fake: FakeAzureOpenAi;
  let mcp: InProcessMcp;
  before(async () => {
    fake = await startFakeAzureOpenAi();
    mcp = await startInProcessMcp({ customerCount: 3, env: fake.env({ AZURE_OPENAI_RETRY_MAX_ATTEMPTS: '2' }) });
  });
  after(async () => {
    await mcp?.close();
    await fake?.close();
  });

  it('retries throttling, then names it with its Retry-After; a refused credential is not retried; no secret is logged', async () => {
    const throttle = { kind: 'status', status: 429, headers: { 'retry-after': '7' } } as const;
    fake.queue(throttle, throttle, reply.status(401));
    const throttled = await mcp.call('ask_billing_expert', { question: 'What is owed?' });
    assert.match(throttled.text, /^UNAVAILABLE: Azure OpenAI is throttling requests \(HTTP 429, chat deployment "chat-test"\)\. .*after 2 attempt\(s\); retry in 7 s/);
    assert.equal(fake.chatRequests().length, 2, 'the 429 was retried once (its 7 s Retry-After capped by AZURE_OPENAI_RETRY_MAX_DELAY_MS)');
    assert.deepEqual([throttled.error?.dependency, throttled.error?.retry_after_seconds], ['azure_openai', 7]);
    const refused = await mcp.call('ask_billing_expert', { question: 'What is owed?' });
    assert.match(refused.text, /refused the app's credentials \(HTTP 401.*Cognitive Services OpenAI User/);
    assert.equal(fake.chatRequests().length, 3, 'a 401 is not retried');
    assert.ok(!mcp.logs.some((line) => JSON.stringify(line).includes(FAKE_OPENAI_KEY)), 'the API key never reaches the logs');
  });

  it('retries, then answers UNAVAILABLE when the endpoint cannot be reached at all', async () => {
    await fake.close();
    const result = await mcp.call('ask_account_expert', { question: 'Is the account locked?' });
    assert.equal(result.error?.code, 'UNAVAILABLE');
    assert.match(result.text, /^UNAVAILABLE: Azure OpenAI could not be reached \(chat deployment "chat-test"\)\. The azure_openai dependency failed \(network\) after 2 attempt\(s\)/);
  });
});

describe('expert tools: no Azure OpenAI endpoint', () => {
  let mcp: InProcessMcp;
  before(async () => {
    mcp = await startInProcessMcp({ customerCount: 3 });
  });
  after(async () => mcp?.close());

  it('lists no expert tool, refuses a call as an unknown tool, its check says why, and /api/ready leaves it out', async () => {
    const { tools } = await mcp.client.listTools();
    assert.ok(tools.length > 10);
    assert.ok(!tools.some((tool) => tool.name.startsWith('ask_')));
    const call = await mcp.callAs(developmentPrincipal(), 'ask_billing_expert', { question: 'hello?' });
    assert.match(call.text, /rpc -32602: Tool ask_billing_expert not found/);
    assert.deepEqual(await mcp.ctx.azureOpenAi.check(), { name: 'azure_openai', status: 'ok', detail: NOT_CONFIGURED_DETAIL });
    const ready = await mcp.ready();
    assert.equal(ready.status, 200);
    assert.ok(!ready.body.dependencies?.some((check) => check.name === 'azure_openai'), 'readiness lists Azure OpenAI only when it is configured');
  });
});
