// Unicode edge cases as JSON text (lone surrogates, BOM, zero-width and bidi controls, NUL,
// noncharacters) at every string position, and as raw bytes that are not UTF-8 at all
// (overlong forms, encoded surrogates, stray continuation bytes, UTF-16 bodies).
import { ANY, FAILS, post, refusedWith, type FuzzCase } from './fuzz-case.js';
import type { FuzzRandom } from './fuzz-random.js';
import { expectFromBody } from './oracle.js';
import { json, rpc, toolCall } from './requests.js';

/** Strange but valid JS strings; JSON.stringify escapes lone surrogates, so the JSON stays valid. */
export const UNICODE_SAMPLES: ReadonlyArray<[string, string]> = [
  ['lone high surrogate', '\uD800'],
  ['lone low surrogate', '\uDC00'],
  ['reversed surrogate pair', '\uDC00\uD800'],
  ['BOM', '\uFEFF'],
  ['zero-width space and joiners', '\u200B\u200C\u200D\u2060'],
  ['RTL override', '\u202Eroaming\u202C'],
  ['bidi isolates', '\u2066\u2067\u2068\u2069'],
  ['NUL', '\u0000'],
  ['C0 controls', '\u0001\u0008\u000B\u001B\u001F'],
  ['DEL and C1', '\u007F\u0085\u009F'],
  ['line and paragraph separators', '\u2028\u2029'],
  ['noncharacters', '\uFFFE\uFFFF\uFDD0'],
  ['replacement character', '\uFFFD'],
  ['max code point', '\u{10FFFF}'],
  ['combining marks pile', `r${'\u0301\u0308\u0327'.repeat(200)}`],
  ['full-width letters', 'ｒｏａｍｉｎｇ'],
  ['Cyrillic homoglyphs', 'rоаming'],
  ['emoji ZWJ sequence', '👩🏽‍💻🏳️‍🌈'],
  ['decomposed accents (NFD)', 'Lisboa Rom\u0061\u0301nia'],
  ['dotless and dotted i', 'ıİ'],
];

export function unicodeTextCases(random: FuzzRandom): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const [label, sample] of UNICODE_SAMPLES) {
    const places: Array<[string, unknown]> = [
      ['query', toolCall('search_knowledge_base', { query: `roaming ${sample} fees` })],
      ['query alone', toolCall('search_knowledge_base', { query: sample })],
      ['tool name', toolCall(`get_products${sample}`, {})],
      ['method', rpc(`tools/list${sample}`)],
      ['id', rpc('tools/list', undefined, sample)],
      ['cursor', toolCall('get_all_customers', { cursor: sample })],
      ['category', toolCall('get_products', { category: `mobile${sample}` })],
      ['ticket subject', toolCall('create_support_ticket', { customer_id: 257, subscription_id: 2571, category: 'network', priority: sample, subject: sample, description: sample })],
      ['argument key', toolCall('get_customer_detail', { [`customer_id${sample}`]: 1 })],
    ];
    // Every sample in the search query and one other seeded place, to keep the corpus small.
    const chosen = [places[0]!, places[1]!, random.pick(places.slice(2)), random.pick(places.slice(2))];
    for (const [place, message] of new Set(chosen)) {
      const body = json(message);
      cases.push(post('unicode', `${label} in ${place}`, body, place === 'id' ? ANY : expectFromBody(body, FAILS)));
    }
  }
  const bom = json(rpc('tools/list'));
  cases.push(post('unicode', 'BOM before the body (decoders strip it)', `\uFEFF${bom}`, ANY));
  cases.push(post('unicode', 'two BOMs before the body', `\uFEFF\uFEFF${bom}`, refusedWith(400)));
  cases.push(post('unicode', 'BOM inside the body between tokens', bom.replace(',', ',\uFEFF'), refusedWith(400)));
  cases.push(post('unicode', 'zero-width space between tokens', bom.replace(',', ',\u200B'), refusedWith(400)));
  cases.push(post('unicode', 'NBSP as whitespace', bom.replace(',', ',\u00A0'), refusedWith(400)));
  cases.push(post('unicode', 'raw control character in a string', bom.replace('tools/list', 'tools/\u0001list'), refusedWith(400)));
  return cases;
}

/** Byte sequences that are not valid UTF-8. */
export const INVALID_UTF8: ReadonlyArray<[string, number[]]> = [
  ['overlong slash C0 AF', [0xc0, 0xaf]],
  ['overlong NUL C0 80', [0xc0, 0x80]],
  ['overlong 3-byte slash E0 80 AF', [0xe0, 0x80, 0xaf]],
  ['overlong 4-byte slash F0 80 80 AF', [0xf0, 0x80, 0x80, 0xaf]],
  ['encoded surrogate ED A0 80', [0xed, 0xa0, 0x80]],
  ['encoded surrogate pair', [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]],
  ['byte FF', [0xff]],
  ['byte FE', [0xfe]],
  ['stray continuation 80', [0x80]],
  ['truncated sequence E2 82', [0xe2, 0x82]],
  ['above U+10FFFF F4 90 80 80', [0xf4, 0x90, 0x80, 0x80]],
  ['5-byte form F8 88 80 80 80', [0xf8, 0x88, 0x80, 0x80, 0x80]],
  ['Latin-1 é E9', [0xe9]],
  ['CESU-8 emoji', [0xed, 0xa0, 0xbd, 0xed, 0xba, 0x80]],
];

function concat(...parts: Array<string | number[] | Uint8Array>): Uint8Array {
  const chunks = parts.map((part) => (typeof part === 'string' ? new TextEncoder().encode(part) : Uint8Array.from(part)));
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export function rawByteCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const [label, bytes] of INVALID_UTF8) {
    const inQuery = concat('{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_knowledge_base","arguments":{"query":"roaming', bytes, '"}}}');
    cases.push(post('unicode', `raw ${label} in a string`, inQuery, refusedWith(400)));
    const inName = concat('{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"pay_invoice', bytes, '","arguments":{"invoice_id":258106,"amount":-1}}}');
    cases.push(post('unicode', `raw ${label} in a tool name`, inName, refusedWith(400)));
    cases.push(post('unicode', `raw ${label} as a key`, concat('{"jsonrpc":"2.0","id":1,"method":"tools/list","', bytes, '":1}'), refusedWith(400)));
  }
  const list = json(rpc('tools/list'));
  cases.push(post('unicode', 'UTF-8 BOM bytes before the body', concat([0xef, 0xbb, 0xbf], list), ANY));
  cases.push(post('unicode', 'UTF-16LE body with BOM', concat([0xff, 0xfe], new Uint8Array(Buffer.from(list, 'utf16le'))), refusedWith(400)));
  cases.push(post('unicode', 'UTF-16BE body with BOM', concat([0xfe, 0xff], new Uint8Array(Buffer.from(list, 'utf16le').swap16())), refusedWith(400)));
  cases.push(post('unicode', 'UTF-32 body', concat(new Uint8Array([...list].flatMap((c) => [c.charCodeAt(0), 0, 0, 0]))), refusedWith(400)));
  cases.push(post('unicode', 'raw NUL byte before the body', concat([0], list), refusedWith(400)));
  cases.push(post('unicode', 'raw NUL byte after the body', concat(list, [0]), refusedWith(400)));
  return cases;
}
