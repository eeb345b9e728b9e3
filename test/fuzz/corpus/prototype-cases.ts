// Prototype-pollution keys (`__proto__`, `constructor`, `prototype`) as own JSON keys at every
// level: the message, params, arguments (also nested and of mutating tools), _meta, the 2026
// envelope and batch entries. A polluted key must never stand in for a real argument.
import { ANY, FAILS, post, SUCCEEDS, type Expectation, type FuzzCase } from './fuzz-case.js';
import { expectFromBody } from './oracle.js';
import { ENVELOPE, json, modernCall, modernHeaders, rpc, toolCall, withOwnKey, type Json, type JsonObject } from './requests.js';

export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Values a polluter would plant; `isError`/`customer_id` would be visible if they took hold. */
const POLLUTION_VALUES: ReadonlyArray<[string, () => Json]> = [
  ['isError and roles', () => ({ isError: true, polluted: 'yes', roles: ['admin'] })],
  ['customer_id', () => ({ customer_id: 252, invoice_id: 258106, amount: 1 })],
  ['nested prototype', () => withOwnKey({}, 'prototype', { polluted: 'yes', toString: 'x' })],
  ['null', () => null],
];

interface Level {
  label: string;
  /** The message with `key: value` planted at this level. */
  build(key: string, value: Json): Json;
  headers?: Record<string, string>;
  expect?: Expectation;
}

const planted = (key: string, value: Json, base: JsonObject = {}): JsonObject => withOwnKey(structuredClone(base), key, value);

function levels(): Level[] {
  return [
    { label: 'message', build: (k, v) => planted(k, v, toolCall('get_customer_detail', { customer_id: 251 })) },
    { label: 'params', build: (k, v) => rpc('tools/call', planted(k, v, { name: 'get_customer_detail', arguments: { customer_id: 251 } })) },
    { label: 'arguments beside customer_id', build: (k, v) => toolCall('get_customer_detail', planted(k, v, { customer_id: 251 })) },
    { label: 'arguments without customer_id', build: (k, v) => toolCall('get_customer_detail', planted(k, v)) },
    { label: 'nested in an argument value', build: (k, v) => toolCall('get_customer_detail', { customer_id: 251, extra: planted(k, v) }) },
    { label: 'arguments of pay_invoice', build: (k, v) => toolCall('pay_invoice', planted(k, v, { invoice_id: 258106, amount: -1 })) },
    { label: 'arguments of unlock_account without id', build: (k, v) => toolCall('unlock_account', planted(k, v)) },
    { label: 'update of update_subscription', build: (k, v) => toolCall('update_subscription', { subscription_id: 2531, update: planted(k, v) }) },
    { label: '_meta', build: (k, v) => rpc('tools/call', { name: 'get_products', arguments: {}, _meta: planted(k, v, { progressToken: 'p' }) }), expect: ANY },
    {
      label: '2026 envelope',
      build: (k, v) => modernCall('get_products', {}, planted(k, v, ENVELOPE)),
      headers: modernHeaders('tools/call', 'get_products'),
      expect: ANY,
    },
    {
      label: '2026 clientCapabilities',
      build: (k, v) => modernCall('get_products', {}, { ...ENVELOPE, 'io.modelcontextprotocol/clientCapabilities': planted(k, v) }),
      headers: modernHeaders('tools/call', 'get_products'),
      expect: ANY,
    },
    { label: 'batch entry', build: (k, v) => [planted(k, v, toolCall('get_products', {})), planted(k, v)], expect: ANY },
  ];
}

export function prototypeCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const level of levels()) {
    for (const key of POLLUTION_KEYS) {
      for (const [valueLabel, value] of POLLUTION_VALUES) {
        const body = json(level.build(key, value()));
        const expect = level.expect ?? expectFromBody(body, FAILS);
        const extra = level.headers ? { headers: level.headers } : {};
        cases.push(post('prototype-keys', `${key} (${valueLabel}) at ${level.label}`, body, expect, extra));
      }
    }
  }
  // The answer must come from the real argument, never from a planted prototype.
  const shadowed = toolCall('get_customer_detail', planted('__proto__', { customer_id: 252 }, { customer_id: 251 }));
  cases.push(post('prototype-keys', '__proto__.customer_id does not shadow customer_id', json(shadowed), SUCCEEDS, {
    resultCheck: (result) => (result.customer_id === 251 ? undefined : `customer_id ${String(result.customer_id)} instead of 251`),
  }));
  const topk = toolCall('search_knowledge_base', planted('__proto__', { topk: 10 }, { query: 'roaming' }));
  cases.push(post('prototype-keys', '__proto__.topk does not change the default topk', json(topk), SUCCEEDS, {
    resultCheck: (result) => (Array.isArray(result.results) && result.results.length <= 3 ? undefined : 'more results than the default topk'),
  }));
  return cases;
}
