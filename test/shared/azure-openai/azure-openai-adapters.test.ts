// The Azure OpenAI adapters' own rules: the chat request body (tools only when offered, tool
// choice on the last step), embeddings checked before use (never a zero vector), against the
// scripted stand-in with the real openai client where a request is involved.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAzureOpenAi } from '../../../shared/azure-openai/azure-openai.js';
import { requestBody } from '../../../shared/azure-openai/azure-openai-chat.js';
import { checkedVectors } from '../../../shared/azure-openai/azure-openai-embeddings.js';
import { UNGUARDED_POLICY } from '../../../shared/azure-openai/model-call-policy.js';
import { UnavailableError } from '../../../shared/errors/domain-error.js';
import { FAKE_OPENAI_KEY, letterVector, startFakeAzureOpenAi, type FakeAzureOpenAi } from '../../support/fake-azure-openai.js';

describe('Azure OpenAI adapters', () => {
  let fake: FakeAzureOpenAi;
  before(async () => {
    fake = await startFakeAzureOpenAi();
  });
  after(async () => fake?.close());

  const configured = () =>
    createAzureOpenAi(
      { endpoint: fake.endpoint, chatDeployment: 'chat-test', apiVersion: '2024-10-21', embeddingDeployment: 'embed-test', apiKey: FAKE_OPENAI_KEY, managedIdentityClientId: undefined },
      UNGUARDED_POLICY,
    );

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
    const none = createAzureOpenAi(undefined, UNGUARDED_POLICY);
    assert.equal(none.models, undefined);
    assert.match((await none.check()).detail ?? '', /AZURE_OPENAI_ENDPOINT is not set/);
  });
});
