// search_knowledge_base: policies and how-tos ranked by relevance to a free-text question.
// Operator characters in the query are plain text. Lexical ranking, blended with embeddings when an
// embedding deployment is configured (shared/knowledge/). Reports progress when asked.
import * as z from 'zod';
import { ROLES } from '../../identity/principal.js';
import { defineTool } from '../../mcp/define-tool.js';
import { READ_ONLY } from '../common/schemas.js';

export const searchKnowledgeBase = defineTool({
  name: 'search_knowledge_base',
  title: 'Search the knowledge base',
  description:
    'Finds Contoso policies and troubleshooting guides relevant to a question, best match first, with relevance scores and the full text. Use it before telling a customer what a policy allows.',
  input: z.object({
    query: z.string().min(1).max(1000).describe('The question or keywords, in plain words'),
    topk: z.number().int().min(1).max(10).default(3).describe('How many documents, 1-10 (default 3)'),
  }),
  output: z.object({
    query: z.string(),
    results: z.array(
      z.object({
        document_id: z.number().int(),
        slug: z.string(),
        title: z.string(),
        category: z.string(),
        score: z.number().describe('Relevance, higher is better (BM25, or a rank fusion with semantic similarity when embeddings are configured)'),
        content: z.string(),
      }),
    ),
  }),
  roles: [ROLES.read],
  annotations: READ_ONLY,
  async handler(input, ctx) {
    await ctx.progress(0, 2, 'searching');
    const hits = await ctx.knowledgeSearch.search(input.query, input.topk, ctx.signal);
    await ctx.progress(2, 2, `${hits.length} documents ranked`);
    return {
      query: input.query,
      results: hits.map((hit) => ({
        document_id: hit.document.documentId,
        slug: hit.document.slug,
        title: hit.document.title,
        category: hit.document.category,
        score: hit.score,
        content: hit.document.content,
      })),
    };
  },
  summarize: (r) =>
    r.results.length === 0
      ? 'No knowledge-base document matches that query; try other words.'
      : r.results.map((d, i) => `${i + 1}. ${d.title} (${d.slug}, score ${d.score})\n${d.content}`).join('\n\n'),
});
