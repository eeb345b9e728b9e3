// search_knowledge_base through MCP: ranked results with scores, topk bounds, hostile queries
// answered calmly, and progress over SSE only when asked.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HOSTILE_QUERIES } from '../../storage/fixtures/hostile-queries.js';
import { startInProcessMcp, type InProcessMcp } from '../../../support/in-process-mcp.js';

describe('search_knowledge_base', () => {
  let mcp: InProcessMcp;
  before(async () => {
    mcp = await startInProcessMcp({ customerCount: 0 });
  });
  after(async () => mcp?.close());

  it('returns documents best first with positive, descending scores, 3 by default', async () => {
    const result = await mcp.call('search_knowledge_base', { query: 'refund for a returned phone' });
    const results = result.structured.results as Array<{ slug: string; score: number; content: string }>;
    assert.equal(results.length, 3);
    const scores = results.map((r) => r.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    assert.ok(scores.every((s) => s > 0));
    assert.ok(results[0]!.content.length > 100);
    const more = await mcp.call('search_knowledge_base', { query: 'refund for a returned phone', topk: 10 });
    assert.ok((more.structured.results as unknown[]).length > 3);
  });

  it('names topk and query when they are out of bounds', async () => {
    assert.match((await mcp.call('search_knowledge_base', { query: 'roaming', topk: 11 })).text, /topk/);
    assert.match((await mcp.call('search_knowledge_base', { query: 'roaming', topk: 0 })).text, /topk/);
    assert.match((await mcp.call('search_knowledge_base', { query: '' })).text, /query/);
  });

  it('treats FTS and SQL syntax as text and never fails on hostile input', async () => {
    for (const query of HOSTILE_QUERIES.filter((q) => q.length >= 1 && q.length <= 1000)) {
      const result = await mcp.call('search_knowledge_base', { query });
      assert.equal(result.isError, false, `${JSON.stringify(query.slice(0, 40))}: ${result.text.slice(0, 200)}`);
      assert.ok(Array.isArray(result.structured.results));
    }
    const punctuation = await mcp.call('search_knowledge_base', { query: '"*^:()-+ NEAR(' });
    assert.ok(Array.isArray(punctuation.structured.results));
    const words = await mcp.call('search_knowledge_base', { query: 'roaming" OR "refund' });
    assert.ok((words.structured.results as unknown[]).length >= 1);
  });

  it('reports progress over SSE only when a progress token is sent', async () => {
    const seen: number[] = [];
    await mcp.call('search_knowledge_base', { query: 'roaming abroad' }, { onprogress: (p) => seen.push(p) });
    assert.deepEqual(seen, [0, 2]);
    assert.match(mcp.contentTypes.at(-1) ?? '', /^text\/event-stream/);
    await mcp.call('search_knowledge_base', { query: 'roaming abroad' });
    assert.match(mcp.contentTypes.at(-1) ?? '', /^application\/json/);
  });
});
