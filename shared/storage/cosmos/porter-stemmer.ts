// The Porter (1980) stemmer as SQLite's FTS5 `porter` tokenizer applies it, so the in-process
// knowledge index stems exactly as the embedded store's full-text index: tokens of fewer than 3
// or more than 64 characters pass unchanged, and within each step the first rule whose suffix
// matches decides (its condition failing means no change), rules grouped by the suffix's
// second-to-last letter. Written from the algorithm's published description.

const MAX_TOKEN = 64;

const isVowel = (c: string, yIsVowel: boolean) => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || (yIsVowel && c === 'y');

/** Length of the stem's first vowel-consonant run (V+C+), or 0 when it has none. */
function gobbleVC(stem: string, previousIsConsonant: boolean): number {
  let consonant = previousIsConsonant;
  let i = 0;
  for (; i < stem.length; i += 1) {
    consonant = !isVowel(stem[i] ?? '', consonant);
    if (!consonant) break;
  }
  for (i += 1; i < stem.length; i += 1) {
    consonant = !isVowel(stem[i] ?? '', consonant);
    if (consonant) return i + 1;
  }
  return 0;
}

const mGt0 = (stem: string) => gobbleVC(stem, false) > 0;
function mGt1(stem: string): boolean {
  const n = gobbleVC(stem, false);
  return n > 0 && gobbleVC(stem.slice(n), true) > 0;
}
function mEq1(stem: string): boolean {
  const n = gobbleVC(stem, false);
  return n > 0 && gobbleVC(stem.slice(n), true) === 0;
}
/** *o: ends consonant-vowel-consonant, the last not w, x or y. */
function oStar(stem: string): boolean {
  const last = stem.at(-1);
  if (last === 'w' || last === 'x' || last === 'y') return false;
  let mask = 0;
  let consonant = false;
  for (const c of stem) {
    consonant = !isVowel(c, consonant);
    mask = ((mask << 1) + (consonant ? 1 : 0)) & 0xff;
  }
  return (mask & 7) === 5;
}
const hasVowel = (stem: string) => [...stem].some((c, i) => isVowel(c, i > 0));
const mGt1AndSOrT = (stem: string) => (stem.endsWith('s') || stem.endsWith('t')) && mGt1(stem);

type Rule = readonly [suffix: string, condition: ((stem: string) => boolean) | null, replacement: string];

const STEP_1B: readonly Rule[] = [['eed', mGt0, 'ee'], ['ed', hasVowel, ''], ['ing', hasVowel, '']];
const STEP_1B2: readonly Rule[] = [['at', null, 'ate'], ['bl', null, 'ble'], ['iz', null, 'ize']];
const STEP_2: readonly Rule[] = [
  ['ational', mGt0, 'ate'], ['tional', mGt0, 'tion'], ['enci', mGt0, 'ence'], ['anci', mGt0, 'ance'], ['izer', mGt0, 'ize'],
  ['logi', mGt0, 'log'], ['bli', mGt0, 'ble'], ['alli', mGt0, 'al'], ['entli', mGt0, 'ent'], ['eli', mGt0, 'e'],
  ['ousli', mGt0, 'ous'], ['ization', mGt0, 'ize'], ['ation', mGt0, 'ate'], ['ator', mGt0, 'ate'], ['alism', mGt0, 'al'],
  ['iveness', mGt0, 'ive'], ['fulness', mGt0, 'ful'], ['ousness', mGt0, 'ous'], ['aliti', mGt0, 'al'], ['iviti', mGt0, 'ive'],
  ['biliti', mGt0, 'ble'],
];
const STEP_3: readonly Rule[] = [
  ['icate', mGt0, 'ic'], ['ative', mGt0, ''], ['alize', mGt0, 'al'], ['iciti', mGt0, 'ic'], ['ical', mGt0, 'ic'], ['ful', mGt0, ''], ['ness', mGt0, ''],
];
const STEP_4: readonly Rule[] = [
  ['al', mGt1, ''], ['ance', mGt1, ''], ['ence', mGt1, ''], ['er', mGt1, ''], ['ic', mGt1, ''], ['able', mGt1, ''], ['ible', mGt1, ''],
  ['ant', mGt1, ''], ['ement', mGt1, ''], ['ment', mGt1, ''], ['ent', mGt1, ''], ['ion', mGt1AndSOrT, ''], ['ou', mGt1, ''],
  ['ism', mGt1, ''], ['ate', mGt1, ''], ['iti', mGt1, ''], ['ous', mGt1, ''], ['ive', mGt1, ''], ['ize', mGt1, ''],
];

/**
 * Applies the first rule of the word's group (same second-to-last letter as the suffix) whose
 * suffix the word ends with and is longer than. Returns the new word and whether a rule fired.
 */
function applyStep(word: string, rules: readonly Rule[]): [string, boolean] {
  const key = word.at(-2);
  for (const [suffix, condition, replacement] of rules) {
    if (suffix.at(-2) !== key) continue;
    if (word.length <= suffix.length || !word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if (condition !== null && !condition(stem)) return [word, false];
    return [stem + replacement, true];
  }
  return [word, false];
}

function step1a(word: string): string {
  if (!word.endsWith('s')) return word;
  if (word.at(-2) === 'e') {
    if ((word.length > 4 && word.at(-4) === 's' && word.at(-3) === 's') || (word.length > 3 && word.at(-3) === 'i')) return word.slice(0, -2);
    return word.slice(0, -1);
  }
  return word.at(-2) === 's' ? word : word.slice(0, -1);
}

/** The stem of one lower-case token. */
export function porterStem(token: string): string {
  // FTS5 measures tokens in UTF-8 bytes.
  const bytes = Buffer.byteLength(token);
  if (bytes < 3 || bytes > MAX_TOKEN) return token;
  const [afterStep1b, fired] = applyStep(step1a(token), STEP_1B);
  let word = afterStep1b;
  if (fired) {
    const [extendedWord, extended] = applyStep(word, STEP_1B2);
    word = extendedWord;
    if (!extended) {
      const c = word.at(-1) ?? '';
      if (!isVowel(c, false) && c !== 'l' && c !== 's' && c !== 'z' && c === word.at(-2)) word = word.slice(0, -1);
      else if (mEq1(word) && oStar(word)) word += 'e';
    }
  }
  if (word.endsWith('y') && hasVowel(word.slice(0, -1))) word = `${word.slice(0, -1)}i`;
  [word] = applyStep(word, STEP_2);
  [word] = applyStep(word, STEP_3);
  [word] = applyStep(word, STEP_4);
  if (word.endsWith('e')) {
    const stem = word.slice(0, -1);
    if (mGt1(stem) || (mEq1(stem) && !oStar(stem))) word = stem;
  }
  if (word.length > 1 && word.endsWith('ll') && mGt1(word.slice(0, -1))) word = word.slice(0, -1);
  return word;
}
