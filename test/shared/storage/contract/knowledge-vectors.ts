// What the port promises about knowledge-document embeddings: stored per model and document,
// replaced in place, listed by document id, kept apart from the dataset (not exported) and
// dropped by replaceAll. Each test uses a store of its own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SMALL_SEED_STATE, smallDataset } from '../fixtures/small-dataset.js';
import { type StoreFactory, withStore } from './store-fixtures.js';

export function registerKnowledgeVectors(makeStore: StoreFactory): void {
  describe('knowledge vectors (a store per test)', () => {
    it('stores vectors per model, replaces them in place, lists them by document id and keeps them out of the export', async () => {
      await withStore(makeStore, async (store) => {
        await store.replaceAll(smallDataset(), SMALL_SEED_STATE);
        const [first, second] = smallDataset().knowledge;
        assert.ok(first && second, 'the small dataset has two documents');
        await store.knowledge.saveVectors('embed-a', [
          { documentId: second.documentId, vector: [0.5, -0.25, 1e-7] },
          { documentId: first.documentId, vector: [1, 2, 3] },
        ]);
        await store.knowledge.saveVectors('embed-b', [{ documentId: first.documentId, vector: [9, 9] }]);
        await store.knowledge.saveVectors('embed-a', [{ documentId: first.documentId, vector: [3, 2, 1] }]);
        assert.deepEqual(await store.knowledge.listVectors('embed-a'), [
          { documentId: first.documentId, vector: [3, 2, 1] },
          { documentId: second.documentId, vector: [0.5, -0.25, 1e-7] },
        ]);
        assert.deepEqual(await store.knowledge.listVectors('embed-b'), [{ documentId: first.documentId, vector: [9, 9] }]);
        assert.deepEqual(await store.knowledge.listVectors('embed-c'), []);
        assert.deepEqual(await store.exportAll(), smallDataset());
        assert.deepEqual(await store.knowledge.list(), smallDataset().knowledge);
      });
    });

    it('drops every vector when replaceAll loads the data again', async () => {
      await withStore(makeStore, async (store) => {
        await store.replaceAll(smallDataset(), SMALL_SEED_STATE);
        const documentId = smallDataset().knowledge[0]!.documentId;
        await store.knowledge.saveVectors('embed-a', [{ documentId, vector: [1, 0] }]);
        await store.replaceAll(smallDataset(), SMALL_SEED_STATE);
        assert.deepEqual(await store.knowledge.listVectors('embed-a'), []);
      });
    });
  });
}
