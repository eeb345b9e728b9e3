// Turns free text into a safe FTS5 MATCH expression. Only words (Unicode letters and digits)
// survive, each quoted as a string and joined with OR, so quotes, `*`, `^`, `:`, `-`, `+`,
// parentheses and NEAR/AND/OR/NOT in the input are searched for as data, never parsed as syntax.

/** Most terms one query contributes; more only slows ranking down without changing it much. */
export const MAX_QUERY_TERMS = 32;

const WORD = /[\p{L}\p{N}]+/gu;

const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'can', 'do', 'does', 'for', 'from', 'has', 'have', 'how',
  'i', 'if', 'in', 'into', 'is', 'it', 'its', 'me', 'my', 'no', 'not', 'of', 'on', 'or', 'our', 'so', 'that', 'the',
  'their', 'there', 'these', 'they', 'this', 'to', 'was', 'we', 'what', 'when', 'where', 'which', 'who', 'why',
  'will', 'with', 'you', 'your',
]);

/** The distinct searchable words of `text`, lower-cased, stop words dropped, at most MAX_QUERY_TERMS. */
export function queryTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const [word] of text.normalize('NFC').matchAll(WORD)) {
    const term = word.toLowerCase();
    if (STOP_WORDS.has(term)) continue;
    terms.add(term);
    if (terms.size === MAX_QUERY_TERMS) break;
  }
  return [...terms];
}

/**
 * An FTS5 MATCH expression matching documents with any word of `text` (`"w1" OR "w2"`), or
 * null when `text` has no searchable word. Terms hold only letters and digits, so wrapping
 * them in double quotes needs no escaping.
 */
export function toFtsMatchExpression(text: string): string | null {
  const terms = queryTerms(text);
  return terms.length === 0 ? null : terms.map((term) => `"${term}"`).join(' OR ');
}
