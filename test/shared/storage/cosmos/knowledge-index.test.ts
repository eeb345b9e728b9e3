// The in-process knowledge index ranks exactly as the embedded store's FTS5 index: the same
// documents in the same order with the same scores, for the scenario questions, every word of
// the knowledge base, word combinations and hostile input. Plus the Porter stemmer on the
// algorithm's classic examples and the Cosmos full-text query it stands in for.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateDataset } from '../../../../shared/seed/generate-dataset.js';
import { SCENARIO_QUESTIONS } from '../../../../shared/seed/scenarios/scenario-list.js';
import type { ContosoStore } from '../../../../shared/storage/contoso-store.js';
import { fullTextQuery, rankScore } from '../../../../shared/storage/cosmos/full-text-query.js';
import { buildKnowledgeIndex } from '../../../../shared/storage/cosmos/knowledge-index.js';
import { porterStem } from '../../../../shared/storage/cosmos/porter-stemmer.js';
import { createSqliteStore } from '../../../../shared/storage/sqlite/sqlite-store.js';
import { HOSTILE_QUERIES } from '../fixtures/hostile-queries.js';
import { SMALL_SEED_STATE, smallDataset } from '../fixtures/small-dataset.js';

const render = (hits: ReadonlyArray<{ document: { slug: string }; score: number }>) => hits.map((h) => `${h.document.slug}:${h.score}`).join(', ');

for (const [name, dataset] of [
  ['the seeded knowledge base', generateDataset({ customerCount: 0, anchorDate: '2026-06-15' })],
  ['the small test dataset', smallDataset()],
] as const) {
  describe(`in-process knowledge index against SQLite FTS5: ${name}`, () => {
    let sqlite: ContosoStore;
    const index = buildKnowledgeIndex(dataset.knowledge);
    const words = [...new Set(dataset.knowledge.flatMap((d) => `${d.title} ${d.content} ${d.tags.join(' ')}`.split(/[^\p{L}\p{N}]+/u)))].filter(Boolean);

    before(async () => {
      sqlite = createSqliteStore({ path: ':memory:' });
      await sqlite.replaceAll(dataset, SMALL_SEED_STATE);
    });
    after(async () => sqlite?.close());

    const same = async (queries: readonly string[], topK = 10) => {
      for (const query of queries) assert.equal(render(index.search(query, topK)), render(await sqlite.knowledge.search(query, topK)), JSON.stringify(query.slice(0, 80)));
    };

    it('ranks the scenario questions alike', async () => {
      await same(SCENARIO_QUESTIONS.map((q) => q.question));
      await same(SCENARIO_QUESTIONS.map((q) => q.question), 3);
    });
    it('ranks every word of the knowledge base alike', () => same(words));
    it('ranks combinations of words alike', () => same(Array.from({ length: 200 }, (_, i) => Array.from({ length: 1 + (i % 6) }, (__, j) => words[(i * 7919 + j * 104_729) % words.length]).join(' '))));
    it('handles hostile input alike', () => same(HOSTILE_QUERIES));
  });
}

describe('porterStem', () => {
  it('stems as the Porter algorithm does', () => {
    const cases: Record<string, string> = {
      caresses: 'caress', ponies: 'poni', ties: 'ti', cats: 'cat', feed: 'feed', agreed: 'agre', plastered: 'plaster', motoring: 'motor',
      sing: 'sing', conflated: 'conflat', troubled: 'troubl', sized: 'size', hopping: 'hop', falling: 'fall', filing: 'file', happy: 'happi',
      relational: 'relat', conditional: 'condit', rational: 'ration', valenci: 'valenc', digitizer: 'digit', operator: 'oper', feudalism: 'feudal',
      decisiveness: 'decis', hopefulness: 'hope', formaliti: 'formal', triplicate: 'triplic', formative: 'form', electrical: 'electr',
      revival: 'reviv', allowance: 'allow', adjustment: 'adjust', adoption: 'adopt', controll: 'control', roll: 'roll', refunds: 'refund',
      roaming: 'roam', is: 'is', go: 'go',
    };
    for (const [word, stem] of Object.entries(cases)) assert.equal(porterStem(word), stem, word);
  });
});

describe('Cosmos full-text query', () => {
  it('ranks by FullTextScore over the search text, words as literals, at most topK', () => {
    const spec = fullTextQuery('Roaming in "France"? -(NEAR', 3);
    assert.equal(
      spec?.query,
      'SELECT TOP @top c.data FROM c WHERE c.kind = \'knowledge\' AND FullTextContainsAny(c.searchText, "roaming", "france", "near") ORDER BY RANK FullTextScore(c.searchText, "roaming", "france", "near")',
    );
    assert.deepEqual(spec?.parameters, [{ name: '@top', value: 3 }]);
    assert.equal(fullTextQuery('?!', 3), null);
    assert.equal(fullTextQuery('roaming', 0), null);
  });

  it('reports scores that restate the rank, best first', () => {
    assert.deepEqual([0, 1, 2].map(rankScore), [1, 0.5, 0.3333]);
  });
});
