// The expert tools when things go wrong or are missing: the turn's time budget (a model that
// never answers), the model endpoint failing until the breaker (the resilience policy's seam, a
// test double here) opens, throttling, and an app without an Azure OpenAI endpoint (no experts
// listed, readiness says why).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { developmentPrincipal } from '../../../shared/identity/principal.js';
import { NOT_CONFIGURED_DETAIL } from '../../../shared/azure-openai/azure-openai.js';
import { breakerPolicyDouble, type BreakerPolicyDouble } from '../../support/breaker-policy-double.js';
import { reply, startFakeAzureOpenAi, type FakeAzureOpenAi } from '../../support/fake-azure-openai.js';
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

describe('expert tools: model endpoint down', () => {
  let fake: FakeAzureOpenAi;
  let mcp: InProcessMcp;
  let policy: BreakerPolicyDouble;
  before(async () => {
    fake = await startFakeAzureOpenAi();
    policy = breakerPolicyDouble(2);
    mcp = await startInProcessMcp({ customerCount: 3, env: fake.env(), app: { modelPolicy: policy } });
  });
  after(async () => {
    await mcp?.close();
    await fake?.close();
  });

  it('answers UNAVAILABLE while the endpoint fails, then the breaker opens and no call reaches it', async () => {
    fake.queue(reply.status(503), reply.status(503));
    for (let i = 0; i < 2; i += 1) {
      const failed = await mcp.call('ask_billing_expert', { question: 'What is owed?' });
      assert.equal(failed.error?.code, 'UNAVAILABLE');
      assert.match(failed.text, /Azure OpenAI failed \(HTTP 503, chat deployment "chat-test"\)/);
    }
    assert.equal(fake.chatRequests().length, 2);
    const open = await mcp.call('ask_billing_expert', { question: 'What is owed?' });
    assert.equal(open.error?.code, 'UNAVAILABLE');
    assert.match(open.text, /circuit open .*retry after 30 s/);
    assert.equal(fake.chatRequests().length, 2, 'the open breaker kept the call from the endpoint');
    assert.deepEqual(await mcp.ctx.azureOpenAi.check(), {
      name: 'azure_openai',
      status: 'down',
      breaker: 'open',
      detail: `chat deployment "chat-test" at ${new URL(fake.endpoint).host} (API key); circuit open after repeated failures`,
    });
    assert.equal(policy.executed, 2);
  });

  it('names throttling and its Retry-After, and a refused credential, without secrets', async () => {
    policy.reset();
    fake.queue({ kind: 'status', status: 429, headers: { 'retry-after': '7' } }, reply.status(401));
    const throttled = await mcp.call('ask_billing_expert', { question: 'What is owed?' });
    assert.match(throttled.text, /^UNAVAILABLE: Azure OpenAI is throttling requests \(HTTP 429, chat deployment "chat-test"\); retry after 7 s/);
    policy.reset();
    const refused = await mcp.call('ask_billing_expert', { question: 'What is owed?' });
    assert.match(refused.text, /refused the app's credentials \(HTTP 401.*Cognitive Services OpenAI User/);
    assert.ok(!mcp.logs.some((line) => JSON.stringify(line).includes('test-key-0123456789abcdef')), 'the API key never reaches the logs');
  });

  it('answers UNAVAILABLE when the endpoint cannot be reached at all', async () => {
    policy.reset();
    await fake.close();
    const result = await mcp.call('ask_account_expert', { question: 'Is the account locked?' });
    assert.equal(result.error?.code, 'UNAVAILABLE');
    assert.match(result.text, /Azure OpenAI could not be reached/);
  });
});

describe('expert tools: no Azure OpenAI endpoint', () => {
  let mcp: InProcessMcp;
  before(async () => {
    mcp = await startInProcessMcp({ customerCount: 3 });
  });
  after(async () => mcp?.close());

  it('lists no expert tool, refuses a call as an unknown tool, and readiness says why', async () => {
    const { tools } = await mcp.client.listTools();
    assert.ok(tools.length > 10);
    assert.ok(!tools.some((tool) => tool.name.startsWith('ask_')));
    const call = await mcp.callAs(developmentPrincipal(), 'ask_billing_expert', { question: 'hello?' });
    assert.match(call.text, /rpc -32602: Tool ask_billing_expert not found/);
    assert.deepEqual(await mcp.ctx.azureOpenAi.check(), { name: 'azure_openai', status: 'ok', detail: NOT_CONFIGURED_DETAIL });
  });
});
