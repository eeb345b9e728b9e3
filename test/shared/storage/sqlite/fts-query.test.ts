// The free-text to FTS5 MATCH translation on its own: which words survive, how they are
// quoted, and that every hostile input yields an expression FTS5 parses (or none at all).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { MAX_QUERY_TERMS, queryTerms } from '../../../../shared/storage/search-terms.js';
import { toFtsMatchExpression } from '../../../../shared/storage/sqlite/fts-query.js';
import { HOSTILE_QUERIES } from '../fixtures/hostile-queries.js';

describe('toFtsMatchExpression', () => {
  it('quotes each word and joins them with OR', () => {
    assert.equal(toFtsMatchExpression('roaming data'), '"roaming" OR "data"');
  });

  it('lower-cases, drops stop words and repeats, keeping first-seen order', () => {
    assert.deepEqual(queryTerms('What is THE Roaming fee for roaming in France?'), ['roaming', 'fee', 'france']);
  });

  it('keeps letters and digits of every script and splits on everything else', () => {
    assert.deepEqual(queryTerms('5G-router/ÉCOLE_漫游 İstanbul'), ['5g', 'router', 'école', '漫游', 'i̇stanbul']);
  });

  it('turns operators into plain words or drops them', () => {
    assert.equal(toFtsMatchExpression('NEAR(roaming* ^data) title:fee -x +y'), '"near" OR "roaming" OR "data" OR "title" OR "fee" OR "x" OR "y"');
    assert.equal(toFtsMatchExpression('AND OR NOT'), null);
  });

  it('keeps at most MAX_QUERY_TERMS terms', () => {
    const text = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
    assert.equal(queryTerms(text).length, MAX_QUERY_TERMS);
    assert.deepEqual(queryTerms(text).slice(0, 2), ['w0', 'w1']);
  });

  it('returns null when nothing searchable is left', () => {
    for (const text of ['', '   ', '!!!', '"()*^:', 'the of and', '\u0000', '\uD800', '🚀📶']) {
      assert.equal(toFtsMatchExpression(text), null, JSON.stringify(text));
    }
  });

  it('gives FTS5 a valid expression for every hostile input', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'porter unicode61');
      INSERT INTO t (body) VALUES ('roaming data abroad'), ('refund policy');`);
    const match = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM t WHERE t MATCH ?');
    try {
      for (const text of HOSTILE_QUERIES) {
        const expression = toFtsMatchExpression(text);
        if (expression === null) continue;
        assert.match(expression, /^"[^"]+"( OR "[^"]+")*$/u);
        assert.doesNotThrow(() => match.get(expression), JSON.stringify(text.slice(0, 40)));
      }
    } finally {
      db.close();
    }
  });
});
