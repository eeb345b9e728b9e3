// Extreme numbers written as raw JSON literals (which JSON.stringify cannot produce) at every
// numeric position: ids, limits, amounts, the JSON-RPC id, progress tokens, the jsonrpc field.
// What is acceptable follows from how the server parses the body and the tool's schema.
import { ANY, FAILS, post, refusedWith, type Expectation, type FuzzCase } from './fuzz-case.js';
import { expectFromBody } from './oracle.js';
import { jsonWithLiteral, rpc, toolCall, type JsonObject } from './requests.js';

const MARK = '@@NUMBER@@';

/** Valid JSON number literals (and numeric-looking strings) with their labels. */
export const NUMBER_LITERALS: ReadonlyArray<[string, string]> = [
  ['1e308', '1e308'],
  ['1e309 (Infinity)', '1e309'],
  ['-1e309', '-1e309'],
  ['-0', '-0'],
  ['-0.0', '-0.0'],
  ['2**53+1', '9007199254740993'],
  ['-(2**53+1)', '-9007199254740993'],
  ['2**31', '2147483648'],
  ['2**31-1', '2147483647'],
  ['-2**31', '-2147483648'],
  ['400 digits', '9'.repeat(400)],
  ['long fraction', `1.${'0'.repeat(300)}1`],
  ['underflow 1e-400', '1e-400'],
  ['denormal 5e-324', '5e-324'],
  ['1e0', '1e0'],
  ['1.0', '1.0'],
  ['100e-2', '100e-2'],
  ['exponent 1e99999999', '1e99999999'],
  ['0.30000000000000004', '0.30000000000000004'],
  ['"NaN"', '"NaN"'],
  ['"Infinity"', '"Infinity"'],
  ['"-Infinity"', '"-Infinity"'],
  ['"1"', '"1"'],
  ['"0x1"', '"0x1"'],
  ['"1e3"', '"1e3"'],
];

/** Number-like text that is not JSON: the whole body must be refused. */
export const INVALID_NUMBER_SYNTAX: readonly string[] = ['NaN', 'Infinity', '-Infinity', '0x10', '01', '+1', '.5', '1.', '1e', '--1', '1_000', '١٢٣'];

interface Position {
  label: string;
  message: JsonObject;
  /** Expectation when the body parses; undefined: decide from the tool's schema. */
  expect?: Expectation;
}

function positions(): Position[] {
  return [
    { label: 'id', message: rpc('tools/call', { name: 'get_customer_detail', arguments: { customer_id: 251 } }, MARK), expect: ANY },
    { label: 'customer_id', message: toolCall('get_customer_detail', { customer_id: MARK }) },
    { label: 'subscription_id', message: toolCall('get_subscription_detail', { subscription_id: MARK }) },
    { label: 'limit', message: toolCall('get_all_customers', { limit: MARK }) },
    { label: 'topk', message: toolCall('search_knowledge_base', { query: 'roaming', topk: MARK }) },
    // Mutating tools: another argument is always invalid, so no literal can make the call run.
    { label: 'pay_invoice amount', message: toolCall('pay_invoice', { invoice_id: 0, amount: MARK }) },
    { label: 'pay_invoice invoice_id', message: toolCall('pay_invoice', { invoice_id: MARK, amount: -1 }) },
    { label: 'data_cap_gb', message: toolCall('update_subscription', { subscription_id: 0, update: { data_cap_gb: MARK } }) },
    {
      label: 'progressToken',
      message: rpc('tools/call', { name: 'get_products', arguments: {}, _meta: { progressToken: MARK } }),
      expect: ANY,
    },
    { label: 'jsonrpc', message: { jsonrpc: MARK, id: 1, method: 'tools/list' }, expect: FAILS },
  ];
}

export function numberCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const position of positions()) {
    for (const [label, literal] of NUMBER_LITERALS) {
      const body = jsonWithLiteral(position.message, MARK, literal);
      const expect = position.expect ?? expectFromBody(body, FAILS);
      cases.push(post('numbers', `${position.label} = ${label}`, body, expect));
    }
  }
  const [first] = positions();
  for (const text of INVALID_NUMBER_SYNTAX) {
    cases.push(post('numbers', `id = ${text} (not JSON)`, jsonWithLiteral(first!.message, MARK, text), refusedWith(400)));
  }
  return cases;
}
