// Knowledge search over a fake repository and embedding model: lexical alone without embeddings;
// blended with them (semantic-only documents found, both rankings fused); vectors embedded once
// when missing or unusable and saved; lexical fallback when the model is unavailable; other
// faults not hidden; a query without letters or digits finds nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EmbeddingModel } from '../../../shared/azure-openai/embedding-model.js';
import type { DocumentVector, KnowledgeDocument, KnowledgeHit } from '../../../shared/domain/knowledge/knowledge-document.js';
import { UnavailableError } from '../../../shared/errors/domain-error.js';
import { createKnowledgeSearch, VECTOR_INDEX_TTL_MS } from '../../../shared/knowledge/knowledge-search.js';
import type { KnowledgeRepo } from '../../../shared/storage/contoso-store.js';
import { createLogger } from '../../../shared/telemetry/logger.js';

const doc = (documentId: number, title: string): KnowledgeDocument => ({ documentId, slug: title.toLowerCase().replace(/\s/g, '-'), title, category: 'policy', content: `${title} text`, tags: [] });
const DOCS = [doc(1, 'Roaming'), doc(2, 'Refunds'), doc(3, 'Router')];
const signal = new AbortController().signal;

function fakeRepo(lexical: (query: string) => KnowledgeDocument[]) {
  const vectors = new Map<string, DocumentVector[]>();
  const saved: DocumentVector[][] = [];
  const repo: KnowledgeRepo = {
    search: (query, topK) => Promise.resolve(lexical(query).slice(0, topK).map((document, i): KnowledgeHit => ({ document, score: 10 - i }))),
    list: () => Promise.resolve(DOCS),
    saveVectors: (model, items) => {
      saved.push([...items]);
      const kept = (vectors.get(model) ?? []).filter((v) => !items.some((i) => i.documentId === v.documentId));
      vectors.set(model, [...kept, ...items]);
      return Promise.resolve();
    },
    listVectors: (model) => Promise.resolve(vectors.get(model) ?? []),
  };
  return { repo, saved, vectors };
}

/** One-hot vectors: a document's text on its own axis; queries mapped by `queryAxis`. */
function fakeModel(queryAxis: (text: string) => number) {
  const calls: string[][] = [];
  let failure: Error | undefined;
  const model: EmbeddingModel & { calls: string[][]; fail(error: Error | undefined): void } = {
    name: 'embed-test',
    calls,
    fail: (error) => void (failure = error),
    embed: (texts) => {
      calls.push([...texts]);
      if (failure) return Promise.reject(failure);
      return Promise.resolve(
        texts.map((text) => {
          const byTitle = DOCS.findIndex((d) => text.startsWith(`${d.title}\n`));
          const axis = byTitle >= 0 ? byTitle : queryAxis(text);
          return [0, 1, 2].map((i) => (i === axis ? 1 : 0.01));
        }),
      );
    },
  };
  return model;
}

const quiet = createLogger({ level: 'error', sink: () => {} });
const clockAt = (ms: { now: number }) => ({ now: () => new Date(ms.now) });

describe('knowledge search', () => {
  it('ranks lexically alone without an embedding model', async () => {
    const { repo } = fakeRepo(() => [DOCS[0]!]);
    const search = createKnowledgeSearch({ knowledge: repo, embeddings: undefined, logger: quiet, clock: clockAt({ now: 0 }) });
    assert.equal(search.ranking, 'lexical');
    assert.deepEqual((await search.search('roaming', 3, signal)).map((h) => h.document.documentId), [1]);
    assert.equal(await search.prepare(signal), 0);
  });

  it('blends: a document only the embeddings find is returned, and one both find comes first', async () => {
    const { repo, saved } = fakeRepo((query) => (query.includes('charges') ? [DOCS[0]!, DOCS[2]!] : []));
    const model = fakeModel(() => 0); // every query is nearest to Roaming
    const search = createKnowledgeSearch({ knowledge: repo, embeddings: model, logger: quiet, clock: clockAt({ now: 0 }) });
    assert.equal(search.ranking, 'blended');
    const semanticOnly = await search.search('can I use my phone in Spain', 3, signal);
    assert.equal(semanticOnly[0]?.document.slug, 'roaming', 'found without a shared word');
    const both = await search.search('charges abroad', 2, signal);
    assert.deepEqual(both.map((h) => h.document.documentId), [1, 3]);
    assert.ok(both[0]!.score > both[1]!.score);
    assert.equal(saved.length, 1, 'the documents were embedded once and saved');
    assert.deepEqual(saved[0]!.map((v) => v.documentId), [1, 2, 3]);
  });

  it('embeds only documents without a usable stored vector, and reads the vectors again after the TTL', async () => {
    const { repo, saved, vectors } = fakeRepo(() => []);
    vectors.set('embed-test', [
      { documentId: 1, vector: [1, 0.01, 0.01] },
      { documentId: 2, vector: [0, 0, 0] },
    ]);
    const model = fakeModel(() => 1);
    const time = { now: 0 };
    const search = createKnowledgeSearch({ knowledge: repo, embeddings: model, logger: quiet, clock: clockAt(time) });
    await search.search('refund', 3, signal);
    assert.deepEqual(saved.flat().map((v) => v.documentId), [2, 3], 'the zero vector and the missing one are embedded again');
    await search.search('refund', 3, signal);
    assert.equal(saved.length, 1);
    const documentEmbeddings = () => model.calls.filter((texts) => texts.some((t) => t.includes('\n'))).length;
    assert.equal(documentEmbeddings(), 1);
    time.now = VECTOR_INDEX_TTL_MS + 1;
    await search.search('refund', 3, signal);
    assert.equal(saved.length, 1, 'after the TTL the stored vectors are read again, nothing is missing');
  });

  it('falls back to lexical ranking while the embedding model is unavailable, and does not hide other faults', async () => {
    const { repo } = fakeRepo(() => [DOCS[2]!]);
    const model = fakeModel(() => 0);
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', sink: (_level, line) => lines.push(line) });
    const search = createKnowledgeSearch({ knowledge: repo, embeddings: model, logger, clock: clockAt({ now: 0 }) });
    model.fail(new UnavailableError('Azure OpenAI failed (HTTP 503)'));
    assert.deepEqual((await search.search('router', 3, signal)).map((h) => h.document.documentId), [3]);
    assert.match(lines.join('\n'), /knowledge search ranks lexically: the embedding model is unavailable/);
    model.fail(new TypeError('bug'));
    await assert.rejects(search.search('router', 3, signal), TypeError);
    model.fail(undefined);
    assert.equal((await search.search('router', 3, signal))[0]?.document.documentId, 3);
  });

  it('finds nothing for a query without letters or digits, without asking the model', async () => {
    const { repo } = fakeRepo(() => DOCS);
    const model = fakeModel(() => 0);
    const search = createKnowledgeSearch({ knowledge: repo, embeddings: model, logger: quiet, clock: clockAt({ now: 0 }) });
    assert.deepEqual(await search.search('?!* ()', 3, signal), []);
    assert.equal(model.calls.length, 0);
  });
});
