// The Azure OpenAI adapters' own rules: the chat request body (tools only when offered, tool
// choice on the last step), embeddings checked before use (never a zero vector), every call under
// the azure_openai resilience policy (retries, Retry-After, one breaker for both models, caller
// aborts left alone) and the errors it maps, against the scripted stand-in with the real openai client.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAzureOpenAi } from '../../../shared/azure-openai/azure-openai.js';
import { requestBody } from '../../../shared/azure-openai/azure-openai-chat.js';
import { checkedVectors } from '../../../shared/azure-openai/azure-openai-embeddings.js';
import { fromOpenAiError } from '../../../shared/azure-openai/openai-errors.js';
import { UnavailableError } from '../../../shared/errors/domain-error.js';
import { FAKE_OPENAI_KEY, letterVector, reply, startFakeAzureOpenAi, type FakeAzureOpenAi } from '../../support/fake-azure-openai.js';

describe('Azure OpenAI adapters', () => {
  let fake: FakeAzureOpenAi;
  before(async () => {
    fake = await startFakeAzureOpenAi();
  });
  after(async () => fake?.close());

  /** Three attempts, pauses of at most 20 ms (a Retry-After included), a breaker after five failed attempts. */
  const POLICY = { timeoutMs: 5_000, retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 20 }, breaker: { failureThreshold: 5, halfOpenAfterMs: 60_000 } };
  const configured = (options: Parameters<typeof createAzureOpenAi>[1] = {}) =>
    createAzureOpenAi(
      { endpoint: fake.endpoint, chatDeployment: 'chat-test', apiVersion: '2024-10-21', embeddingDeployment: 'embed-test', apiKey: FAKE_OPENAI_KEY, managedIdentityClientId: undefined, policy: POLICY },
      options,
    );
  const ask = { messages: [{ role: 'user', content: 'hello' }], tools: [], allowTools: false } as const;

  it('sends tools, tool_choice and parallel calls only when tools are offered', () => {
    const tools = [{ name: 't', description: 'd', parameters: { type: 'object' } }];
    assert.deepEqual(Object.keys(requestBody('chat', { messages: [], tools: [], allowTools: false })), ['model', 'messages']);
    const last = requestBody('chat', { messages: [], tools, allowTools: false });
    assert.equal(last.tool_choice, 'none');
    assert.equal(requestBody('chat', { messages: [], tools, allowTools: true }).tool_choice, 'auto');
  });

  it('embeds texts through the embeddings deployment, with the api-version and key', async () => {
    const models = configured().models;
    const vectors = await models!.embeddings!.embed(['late fees', 'roaming'], new AbortController().signal);
    assert.deepEqual(vectors, [letterVector('late fees'), letterVector('roaming')]);
    const request = fake.requests.at(-1)!;
    assert.equal(request.path, '/openai/deployments/embed-test/embeddings');
    assert.equal(request.apiVersion, '2024-10-21');
    assert.equal(request.apiKey, FAKE_OPENAI_KEY);
    assert.deepEqual(await models!.embeddings!.embed([], new AbortController().signal), []);
  });

  it('retries a throttled or overloaded call under the azure_openai policy (Retry-After capped), and reports each breaker change', async () => {
    fake.reset();
    const states: string[] = [];
    const models = configured({ observePolicy: (policy) => policy.onStateChange((state) => states.push(`${policy.name}:${state}`)) }).models!;
    fake.queue({ kind: 'status', status: 429, headers: { 'retry-after': '30' } }, reply.status(503), reply.text('fine'));
    const started = Date.now();
    const answer = await models.chat.complete(ask, new AbortController().signal);
    assert.equal(answer.content, 'fine');
    assert.equal(fake.chatRequests().length, 3);
    assert.ok(Date.now() - started < 5_000, 'the 30 s Retry-After was capped by the policy\'s longest pause');
    assert.deepEqual(states, [], 'the breaker stayed closed');
  });

  it('does not retry what another attempt cannot fix (401, 404, 500), and maps each to UNAVAILABLE saying what to check', async () => {
    fake.reset();
    const models = configured().models!;
    for (const [status, message] of [
      [401, /refused the app's credentials \(HTTP 401, chat deployment "chat-test"\): grant its identity the Cognitive Services OpenAI User role/],
      [404, /has no chat deployment "chat-test" \(HTTP 404\)/],
      [500, /^Azure OpenAI failed \(HTTP 500, chat deployment "chat-test"\)$/],
    ] as const) {
      fake.queue(reply.status(status));
      await assert.rejects(models.chat.complete(ask, new AbortController().signal), (error) => error instanceof UnavailableError && message.test(error.message) && error.details.dependency === 'azure_openai');
    }
    assert.equal(fake.chatRequests().length, 3, 'one request each');
  });

  it('opens the breaker after repeated failures: calls fail at once, readiness reads down, the policy observer hears it', async () => {
    fake.reset();
    const states: string[] = [];
    const openAi = configured({ observePolicy: (policy) => policy.onStateChange((state) => states.push(`${policy.name}:${state}`)) });
    assert.equal((await openAi.check()).breaker, 'closed', 'closed before any call (the policy is not even built yet)');
    fake.failEmbeddings(503);
    try {
      await assert.rejects(openAi.models!.embeddings!.embed(['a'], new AbortController().signal), /Azure OpenAI failed \(HTTP 503, embedding deployment "embed-test"\)\. The azure_openai dependency failed \(http_503\) after 3 attempt/);
      await assert.rejects(openAi.models!.embeddings!.embed(['a'], new AbortController().signal), /circuit breaker is open/);
      const requests = fake.requests.length;
      await assert.rejects(openAi.models!.chat.complete(ask, new AbortController().signal), (error) => error instanceof UnavailableError && error.details.retry_after_seconds === 60);
      assert.equal(fake.requests.length, requests, 'chat and embeddings share the breaker: nothing reached the endpoint');
      const check = await openAi.check();
      assert.equal(check.status, 'down');
      assert.equal(check.breaker, 'open');
      assert.match(check.detail ?? '', /circuit breaker open \(last failure: http_503\); next probe in 60 s/);
      assert.deepEqual(states, ['azure_openai:open']);
    } finally {
      fake.failEmbeddings(undefined);
    }
  });

  it('maps a credential that gives no Entra ID token to UNAVAILABLE saying where the token comes from', async () => {
    const sdk = await import('openai');
    const noToken = Object.assign(new Error('EnvironmentCredential is unavailable …'), { name: 'CredentialUnavailableError' });
    const wrapped = new sdk.OpenAIError(`Failed to get token from 'apiKey' function: ${noToken.message}`, { cause: noToken });
    const mapped = fromOpenAiError(wrapped, sdk, 'chat deployment "chat-test"');
    assert.ok(mapped instanceof UnavailableError);
    assert.match(mapped.message, /could not get an Entra ID token for Azure OpenAI \(DefaultAzureCredential/);
    assert.equal(mapped.details.dependency, 'azure_openai');
    const other = new sdk.OpenAIError('something else');
    assert.equal(fromOpenAiError(other, sdk, 'x'), other, 'any other client error is left as it is');
  });

  it('leaves an abort by the caller to the caller: no retry, its reason rethrown', async () => {
    fake.reset();
    fake.queue(reply.hold(), reply.text('never asked'));
    const caller = new AbortController();
    const pending = configured().models!.chat.complete(ask, caller.signal);
    setTimeout(() => caller.abort(new Error('turn over')), 50);
    await assert.rejects(pending, /turn over/);
    assert.equal(fake.chatRequests().length, 1);
  });

  it('refuses zero, ragged, non-finite or missing vectors', () => {
    assert.deepEqual(checkedVectors([[1, 0]], 1, 'x'), [[1, 0]]);
    for (const [vectors, problem] of [
      [[[0, 0]], /all-zero/],
      [[[1], [1, 2]], /different or zero length/],
      [[[1, Number.NaN]], /not a finite number/],
      [[[1, 2]], /1 vectors for 2 texts/],
    ] as const) {
      assert.throws(() => checkedVectors(vectors, problem.source.includes('2 texts') ? 2 : vectors.length, 'x'), (error) => error instanceof UnavailableError && problem.test(error.message));
    }
  });

  it('is absent without an endpoint, saying why', async () => {
    const none = createAzureOpenAi(undefined);
    assert.equal(none.models, undefined);
    assert.match((await none.check()).detail ?? '', /AZURE_OPENAI_ENDPOINT is not set/);
  });
});
