// Cosine similarity and reciprocal rank fusion: the arithmetic of blended knowledge search.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KnowledgeDocument } from '../../../shared/domain/knowledge/knowledge-document.js';
import { cosine, fuseRankings, RRF_K } from '../../../shared/knowledge/rank-fusion.js';

const doc = (documentId: number): KnowledgeDocument => ({ documentId, slug: `d${documentId}`, title: `D${documentId}`, category: 'c', content: 'x', tags: [] });

describe('rank fusion', () => {
  it('measures cosine similarity, 0 for empty, zero or mismatched vectors', () => {
    assert.equal(cosine([1, 0], [1, 0]), 1);
    assert.equal(cosine([1, 0], [0, 1]), 0);
    assert.ok(Math.abs(cosine([1, 1], [2, 2]) - 1) < 1e-12);
    assert.equal(cosine([], []), 0);
    assert.equal(cosine([0, 0], [1, 1]), 0);
    assert.equal(cosine([1, 2, 3], [1, 2]), 0);
  });

  it('ranks a document both rankings hold above one only either holds, with scores that fall', () => {
    const hits = fuseRankings([
      [doc(1), doc(2)],
      [doc(3), doc(2)],
    ]);
    assert.deepEqual(hits.map((h) => h.document.documentId), [2, 1, 3]);
    assert.equal(hits[0]?.score, Number((1 / (RRF_K + 2) + 1 / (RRF_K + 2)).toPrecision(4)));
    assert.equal(hits[1]?.score, hits[2]?.score, 'first in one ranking ties with first in the other; the id breaks the tie');
    assert.deepEqual(fuseRankings([[], []]), []);
  });
});
