// The searchable words of a free-text knowledge query, shared by every store's search: only
// words (Unicode letters and digits) survive, lower-cased, stop words dropped, so operator
// characters and query syntax in the input are never more than separators.

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
