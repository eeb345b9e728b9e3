// What knowledge search promises through the port, whatever ranks it: each scenario's question
// finds its policy first, best first and at most topK, nothing for a query without words, and
// operator characters searched as data. Scores, ties and query syntax belong to the adapter.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HOSTILE_QUERIES } from '../fixtures/hostile-queries.js';
import type { SeededStore } from './store-fixtures.js';

/** The questions of the support scenarios and the policy each must find first. */
const SCENARIO_QUESTIONS: ReadonlyArray<[string, string]> = [
  ['I was charged for going over my data allowance', 'data-overage-policy'],
  ['Does roaming work in France?', 'eu-roaming'],
  ['how do I return my phone and get a refund', 'returns-and-refunds'],
  ['my wifi router keeps dropping', 'router-troubleshooting'],
  ['account locked after failed logins, need a password reset', 'account-lockout'],
];

/** Registers the knowledge section; `seeded` is shared and must not be written to. */
export function registerKnowledgeSearch(seeded: SeededStore): void {
  describe('knowledge', () => {
    it('lists every document by id', async () => {
      assert.deepEqual(await seeded.store.knowledge.list(), seeded.data.knowledge);
    });

    for (const [query, slug] of SCENARIO_QUESTIONS) {
      it(`ranks ${slug} first for "${query}", best first`, async () => {
        const hits = await seeded.store.knowledge.search(query, 5);
        assert.equal(hits[0]?.document.slug, slug);
        assert.deepEqual(hits[0]?.document, seeded.data.knowledge.find((d) => d.slug === slug));
        for (const hit of hits) assert.ok(Number.isFinite(hit.score) && hit.score > 0, `score ${hit.score}`);
        const scores = hits.map((h) => h.score);
        assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
      });
    }

    it('returns at most topK hits', async () => {
      const query = 'roaming refund router password overage';
      assert.equal((await seeded.store.knowledge.search(query, 10)).length, 5);
      assert.equal((await seeded.store.knowledge.search(query, 2)).length, 2);
      assert.equal((await seeded.store.knowledge.search(query, 1)).length, 1);
    });

    it('returns nothing for a query without searchable words', async () => {
      for (const query of ['', '   ', '!!!', '?!.,;', '\u0000']) {
        assert.deepEqual(await seeded.store.knowledge.search(query, 5), [], JSON.stringify(query));
      }
    });

    it('treats operator characters as data, not query syntax', async () => {
      const first = async (query: string) => (await seeded.store.knowledge.search(query, 5))[0]?.document.slug;
      assert.equal(await first('title:roaming'), 'eu-roaming');
      assert.equal(await first('"roaming'), 'eu-roaming');
      assert.equal(await first('NEAR(refund'), 'returns-and-refunds');
      assert.equal(await first('-router'), 'router-troubleshooting');
    });

    it('never throws on hostile input and leaves the documents alone', async () => {
      for (const query of HOSTILE_QUERIES) {
        const hits = await seeded.store.knowledge.search(query, 3);
        assert.ok(Array.isArray(hits) && hits.length <= 3, JSON.stringify(query.slice(0, 40)));
        for (const hit of hits) assert.ok(Number.isFinite(hit.score));
      }
      assert.deepEqual(await seeded.store.knowledge.list(), seeded.data.knowledge);
      assert.equal((await seeded.store.knowledge.search('roaming', 5))[0]?.document.slug, 'eu-roaming');
    });
  });
}
