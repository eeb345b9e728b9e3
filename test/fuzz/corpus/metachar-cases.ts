// SQL and FTS5 metacharacters in every string argument of every tool: quotes, comments,
// LIKE wildcards, escapes, FTS operators and column filters. They are data: a search for them
// must still succeed (an FTS syntax error would surface as an INTERNAL tool error).
import { SUCCEEDS, type FuzzCase } from './fuzz-case.js';
import { allToolFields, argumentsWith, toolCase } from './tool-fields.js';

export const METACHARACTERS: readonly string[] = [
  "'",
  '"',
  ';--',
  "'; DROP TABLE customers; --",
  "1' OR '1'='1",
  '" OR ""="',
  '/*',
  '*/ SELECT 1 /*',
  '%',
  '_',
  '%_%',
  '\\',
  "\\'",
  '*',
  'roam*',
  '^roaming',
  'NEAR(',
  'NEAR(roaming fees, 2)',
  'AND OR NOT',
  'roaming AND NOT fees OR',
  'col:',
  'title:roaming',
  '{title body}: roaming',
  '(',
  ')',
  '((roaming)',
  '"unterminated',
  '- + ~',
  '$1 ? :name @p',
  'x\u0000y',
];

function roamingFirst(result: Record<string, unknown>): string | undefined {
  const [first] = Array.isArray(result.results) ? (result.results as Array<{ slug?: unknown }>) : [];
  return typeof first?.slug === 'string' && first.slug.startsWith('roaming') ? undefined : `first result ${String(first?.slug)}, not the roaming policy`;
}

export function metacharacterCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const stringFields = allToolFields().filter((field) => field.schema.type === 'string');
  for (const field of stringFields) {
    const where = `${field.tool.name}.${field.path.join('.')}`;
    const isQuery = field.tool.name === 'search_knowledge_base' && field.path.join('.') === 'query';
    for (const meta of METACHARACTERS) {
      const found = toolCase('metacharacters', `${where} = ${JSON.stringify(meta)}`, field.tool, argumentsWith(field.tool, field.path, meta), isQuery ? SUCCEEDS : undefined);
      if (found) cases.push(found);
      if (isQuery) {
        const mixed = `roaming ${meta} fees abroad`;
        const embedded = toolCase('metacharacters', `${where} = ${JSON.stringify(mixed)}`, field.tool, argumentsWith(field.tool, field.path, mixed), SUCCEEDS);
        // The words around the metacharacters still find the roaming policy first.
        if (embedded) cases.push({ ...embedded, resultCheck: roamingFirst });
      }
    }
  }
  return cases;
}
