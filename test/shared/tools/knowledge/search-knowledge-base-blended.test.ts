// search_knowledge_base with an embedding deployment (the scripted Azure OpenAI stand-in): the
// seeded documents get vectors at start-up, stored with them (never zero); searches blend
// lexical and semantic ranking, so a question sharing no word with a policy still finds it; when
// the embedding model fails or returns a zero vector, ranking falls back to lexical alone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildKnowledgeBase } from '../../../../shared/seed/knowledge/knowledge-base.js';
import { FAKE_OPENAI_KEY, startFakeAzureOpenAi, type FakeAzureOpenAi } from '../../../support/fake-azure-openai.js';
import { startInProcessMcp, type InProcessMcp } from '../../../support/in-process-mcp.js';

const DOCUMENTS = buildKnowledgeBase();
const ROAMING = DOCUMENTS.find((d) => d.slug.startsWith('roaming'))!;
/** Shares no word with the roaming policy; the stand-in embeds it next to that policy. */
const NO_SHARED_WORD = 'Barcelona vacation';

const PLAIN = 'how do I return my phone and get a refund';
const RETURNS = DOCUMENTS.find((d) => d.slug === 'returns-and-refunds')!;

/** One axis per document (by title); the two questions on the axis of the policy that answers them, as a real model would place them. */
function embedder(text: string): number[] {
  const answer = text === NO_SHARED_WORD ? ROAMING : text === PLAIN ? RETURNS : DOCUMENTS.find((d) => text.startsWith(`${d.title}\n`));
  const index = answer === undefined ? -1 : DOCUMENTS.indexOf(answer);
  return DOCUMENTS.map((_, i) => (i === index ? 1 : 0.01));
}

describe('search_knowledge_base blended with embeddings', () => {
  let fake: FakeAzureOpenAi;
  let mcp: InProcessMcp;
  const search = async (query: string, topk = 3) => {
    const result = await mcp.call('search_knowledge_base', { query, topk });
    assert.equal(result.isError, false, result.text);
    return result.structured.results as Array<{ slug: string; score: number }>;
  };

  before(async () => {
    fake = await startFakeAzureOpenAi();
    fake.embedWith(embedder);
    // A breaker that does not open here: the fallback is this test's subject (the breaker is the adapters' test's).
    mcp = await startInProcessMcp({ customerCount: 0, env: fake.env({ AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'embed-test', AZURE_OPENAI_BREAKER_FAILURES: '100' }) });
  });
  after(async () => {
    await mcp?.close();
    await fake?.close();
  });

  it('embeds every seeded document at start-up through the embeddings deployment and stores the vectors', async () => {
    const vectors = await mcp.ctx.store.knowledge.listVectors('embed-test');
    assert.deepEqual(vectors.map((v) => v.documentId), DOCUMENTS.map((d) => d.documentId));
    assert.ok(vectors.every((v) => v.vector.some((x) => x !== 0)), 'no zero vector is stored');
    const request = fake.requests.find((r) => r.path.endsWith('/embeddings'));
    assert.equal(request?.path, '/openai/deployments/embed-test/embeddings');
    assert.equal(request?.apiVersion, '2024-10-21');
    assert.equal(request?.apiKey, FAKE_OPENAI_KEY);
  });

  it('finds a policy that shares no word with the question, and ranks the answering policy first for a plain one', async () => {
    fake.reset();
    fake.embedWith(embedder);
    assert.equal((await search(NO_SHARED_WORD))[0]?.slug, ROAMING.slug);
    const plain = await search(PLAIN);
    assert.equal(plain[0]?.slug, RETURNS.slug);
    const scores = plain.map((r) => r.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    assert.ok(scores.every((s) => s > 0));
    assert.equal(fake.requests.filter((r) => r.path.endsWith('/embeddings')).length, 2, 'one embedding per query; the documents were embedded already');
  });

  it('ranks lexically when the embedding model fails or answers with a zero vector', async () => {
    fake.failEmbeddings(503);
    assert.deepEqual(await search(NO_SHARED_WORD), [], 'lexical alone finds nothing for it');
    assert.equal((await search('roaming in France'))[0]?.slug, ROAMING.slug);
    fake.failEmbeddings(undefined);
    fake.embedWith(() => DOCUMENTS.map(() => 0));
    assert.equal((await search('roaming in France'))[0]?.slug, ROAMING.slug);
    assert.ok(mcp.logs.some((line) => line.msg === 'knowledge search ranks lexically: the embedding model is unavailable' && String(line.reason).includes('all-zero')));
    fake.embedWith(embedder);
  });
});
