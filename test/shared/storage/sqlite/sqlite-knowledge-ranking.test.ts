// How the embedded store ranks knowledge with FTS5 and BM25, beyond what the port promises:
// porter stemming, stop words, title weighted above body text, scores rounded to four
// significant digits, and topK values the tools never send.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ContosoStore } from '../../../../shared/storage/contoso-store.js';
import { createSqliteStore } from '../../../../shared/storage/sqlite/sqlite-store.js';
import { SMALL_SEED_STATE, smallDataset } from '../fixtures/small-dataset.js';

describe('sqlite knowledge ranking', () => {
  let store: ContosoStore;
  before(async () => {
    store = createSqliteStore({ path: ':memory:' });
    await store.replaceAll(smallDataset(), SMALL_SEED_STATE);
  });
  after(async () => {
    await store.close();
  });

  it('matches word forms through stemming', async () => {
    assert.equal((await store.knowledge.search('refunding returned phones', 5))[0]?.document.slug, 'returns-and-refunds');
  });

  it('returns nothing for a query of stop words only', async () => {
    assert.deepEqual(await store.knowledge.search('the and of OR not', 5), []);
  });

  it('weights a title match above the same word in the body', async () => {
    const [title] = await store.knowledge.search('policy', 1);
    const [body] = await store.knowledge.search('packaging', 1);
    assert.equal(title?.document.slug, 'returns-and-refunds');
    assert.equal(body?.document.slug, 'returns-and-refunds');
    assert.ok((title?.score ?? 0) > (body?.score ?? 0));
  });

  it('rounds scores to four significant digits', async () => {
    const hits = await store.knowledge.search('refunding returned phones', 5);
    assert.ok(hits.length > 0);
    for (const hit of hits) assert.equal(Number(hit.score.toPrecision(4)), hit.score);
  });

  it('treats a topK below one as none and takes the whole part of others', async () => {
    assert.deepEqual(await store.knowledge.search('roaming', 0), []);
    assert.deepEqual(await store.knowledge.search('roaming', -3), []);
    assert.deepEqual(await store.knowledge.search('roaming', Number.NaN), []);
    assert.equal((await store.knowledge.search('roaming', 1.9)).length, 1);
    assert.equal((await store.knowledge.search('roaming refund router', Number.POSITIVE_INFINITY)).length, 3);
  });
});
