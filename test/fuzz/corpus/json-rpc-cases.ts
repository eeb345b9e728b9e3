// Structural damage to JSON-RPC messages: valid requests cut at seeded random points (also in
// the middle of a multi-byte character), and a wrong value at every JSON-RPC field in both
// protocol eras.
import { ANY, FAILS, post, refusedWith, type Expectation, type FuzzCase } from './fuzz-case.js';
import type { FuzzRandom } from './fuzz-random.js';
import { poisonIfValid } from './mutation-guard.js';
import { json, modernCall, modernHeaders, rpc, toolCall, validArguments, type Json, type JsonObject } from './requests.js';

const REMOVE = Symbol('remove');
type Replacement = Json | typeof REMOVE;

/** Wrong values tried at every field; `remove` deletes the field. */
export const WRONG_VALUES: ReadonlyArray<[string, Replacement]> = [
  ['missing', REMOVE],
  ['null', null],
  ['true', true],
  ['false', false],
  ['zero', 0],
  ['negative', -1],
  ['fraction', 1.5],
  ['1e308', 1e308],
  ['empty string', ''],
  ['string', 'x'],
  ['empty array', []],
  ['array', [1, 'a']],
  ['empty object', {}],
  ['object', { a: 1 }],
];

/** `message` with `path` (dot-separated) replaced by `value`, or removed. */
export function replaceAt(message: JsonObject, path: readonly string[], value: Replacement): JsonObject {
  const copy = structuredClone(message);
  let node: JsonObject = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) throw new Error(`no object at ${path.join('.')}`);
    node = next;
  }
  const last = path[path.length - 1]!;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}

const isIdLike = (value: Replacement) => value === REMOVE || typeof value === 'string' || typeof value === 'number';

/** What a wrong value at `field` of a read-only call may get: ids and progress tokens are lenient. */
function expectationFor(field: string, value: Replacement): Expectation {
  if (field === 'id') return value === REMOVE ? FAILS : isIdLike(value) ? ANY : FAILS;
  // A request that keeps its valid arguments but whose _meta/progressToken is odd may be served
  // or refused: the spec leaves unknown _meta content to the receiver.
  if (field === 'params._meta' || field === 'params._meta.progressToken') return ANY;
  return FAILS;
}

const LEGACY_FIELDS = ['jsonrpc', 'id', 'method', 'params', 'params.name', 'params.arguments', 'params._meta', 'params._meta.progressToken'];
const MODERN_FIELDS = ['jsonrpc', 'id', 'method', 'params', 'params.name', 'params.arguments'];

export function jsonRpcTypeCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const legacy = rpc('tools/call', { name: 'get_customer_detail', arguments: { customer_id: 251 }, _meta: { progressToken: 'fuzz-progress' } });
  for (const field of LEGACY_FIELDS) {
    for (const [label, value] of WRONG_VALUES) {
      const body = json(replaceAt(legacy, field.split('.'), value));
      cases.push(post('json-rpc-types', `2025 ${field} = ${label}`, body, expectationFor(field, value)));
    }
  }
  const modern = modernCall('get_customer_detail', { customer_id: 251 });
  for (const field of MODERN_FIELDS) {
    for (const [label, value] of WRONG_VALUES) {
      const body = json(replaceAt(modern, field.split('.'), value));
      const headers = modernHeaders('tools/call', 'get_customer_detail');
      cases.push(post('json-rpc-types', `2026 ${field} = ${label}`, body, expectationFor(field, value), { headers }));
    }
  }
  // The same damage to a mutating call: whatever the field, nothing may succeed.
  const payment = toolCall('pay_invoice', poisonIfValid('pay_invoice', { ...validArguments('pay_invoice'), amount: -25 }) ?? {});
  for (const field of ['jsonrpc', 'id', 'method', 'params.name']) {
    for (const [label, value] of WRONG_VALUES.filter((_, index) => index % 3 === 0)) {
      cases.push(post('json-rpc-types', `pay_invoice ${field} = ${label}`, json(replaceAt(payment, field.split('.'), value)), FAILS));
    }
  }
  return cases;
}

/** Valid requests to cut short: every era, a batch, one with multi-byte text. */
function truncationSources(): Array<[string, string, Record<string, string>]> {
  return [
    ['tools/list', json(rpc('tools/list')), {}],
    ['initialize', json(rpc('initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'fuzz', version: '1' } })), {}],
    ['tools/call', json(toolCall('get_customer_detail', { customer_id: 251 })), {}],
    ['2026 tools/call', json(modernCall('get_billing_summary', { customer_id: 258 })), modernHeaders('tools/call', 'get_billing_summary')],
    ['batch', json([toolCall('get_products', {}, 1), rpc('tools/list', undefined, 2)]), {}],
    ['multi-byte text', json(toolCall('search_knowledge_base', { query: 'Roaming à Lisboa — 漫游费用 🚀📶' })), {}],
    ['invalid payment', json(toolCall('pay_invoice', { invoice_id: 258106, amount: -1 })), {}],
  ];
}

export function truncatedJsonCases(random: FuzzRandom): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const [label, text, headers] of truncationSources()) {
    const bytes = new TextEncoder().encode(text);
    const cuts = [0, 1, ...random.distinctInts(6, 2, bytes.length - 1)];
    for (const cut of cuts) {
      cases.push(post('truncated-json', `${label} cut at byte ${cut}/${bytes.length}`, bytes.slice(0, cut), refusedWith(400), { headers }));
    }
  }
  // Cut inside each multi-byte character of the text: invalid UTF-8 at the end of the body.
  const text = json(toolCall('search_knowledge_base', { query: 'à — 漫 🚀' }));
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    if (byte >= 0xc0) cases.push(post('truncated-json', `cut after lead byte 0x${byte.toString(16)} at ${i + 1}`, bytes.slice(0, i + 1), refusedWith(400)));
  }
  // A valid message followed by a second, cut one: trailing garbage after JSON.
  cases.push(post('truncated-json', 'valid message then a cut copy', `${json(rpc('tools/list'))}${json(rpc('tools/list')).slice(0, 9)}`, refusedWith(400)));
  return cases;
}
