// Turns free text into a safe FTS5 MATCH expression. Only words (search-terms.ts) survive, each
// quoted as a string and joined with OR, so quotes, `*`, `^`, `:`, `-`, `+`, parentheses and
// NEAR/AND/OR/NOT in the input are searched for as data, never parsed as syntax.
import { queryTerms } from '../search-terms.js';

/**
 * An FTS5 MATCH expression matching documents with any word of `text` (`"w1" OR "w2"`), or
 * null when `text` has no searchable word. Terms hold only letters and digits, so wrapping
 * them in double quotes needs no escaping.
 */
export function toFtsMatchExpression(text: string): string | null {
  const terms = queryTerms(text);
  return terms.length === 0 ? null : terms.map((term) => `"${term}"`).join(' OR ');
}
