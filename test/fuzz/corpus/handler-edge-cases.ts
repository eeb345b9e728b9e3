// Arguments that pass a read-only tool's schema but sit at the edges its handler must cope
// with: the largest ids, boundary limits, year 0000 and 9999 dates, reversed and over-long
// ranges, forged paging cursors, and odd progress tokens on the tools that stream progress.
// None may end in an INTERNAL tool error (the judge treats that as a 500 in disguise).
import { ANY, post, SUCCEEDS, type FuzzCase } from './fuzz-case.js';
import { json, rpc, toolCall, validArguments, type Json, type JsonObject } from './requests.js';

const MAX_ID = 2_147_483_647;

const cursor = (payload: string): string => Buffer.from(payload).toString('base64url');

function edgeCalls(): Array<[string, string, JsonObject]> {
  const usage = (start: string, end: string): JsonObject => ({ ...validArguments('get_data_usage'), start_date: start, end_date: end });
  return [
    ['largest customer id', 'get_customer_detail', { customer_id: MAX_ID }],
    ['largest subscription id', 'get_subscription_detail', { subscription_id: MAX_ID }],
    ['largest invoice id', 'get_invoice_payments', { invoice_id: MAX_ID }],
    ['largest product id', 'get_product_detail', { product_id: MAX_ID }],
    ['billing of the largest customer id', 'get_billing_summary', { customer_id: MAX_ID }],
    ['limit 1', 'get_all_customers', { limit: 1 }],
    ['limit 100', 'get_all_customers', { limit: 100 }],
    ['topk 10', 'search_knowledge_base', { query: 'roaming', topk: 10 }],
    ['topk 1', 'search_knowledge_base', { query: 'x', topk: 1 }],
    ['query of 1000 characters', 'search_knowledge_base', { query: 'roaming '.repeat(125) }],
    ['query of 1000 distinct words', 'search_knowledge_base', { query: Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ').slice(0, 1000) }],
    ['year 0000', 'get_data_usage', usage('0000-01-01', '0000-12-31')],
    ['year 9999', 'get_data_usage', usage('9999-01-01', '9999-12-31')],
    ['leap day', 'get_data_usage', usage('2024-02-29', '2024-02-29')],
    ['366 days', 'get_data_usage', usage('2024-01-01', '2024-12-31')],
    ['367 days', 'get_data_usage', usage('2024-01-01', '2025-01-01')],
    ['reversed range', 'get_data_usage', usage('2026-05-31', '2026-05-01')],
    ['ten thousand years', 'get_data_usage', usage('0000-01-01', '9999-12-31')],
    ['usage of the largest subscription id', 'get_data_usage', { ...usage('2026-05-01', '2026-05-02'), subscription_id: MAX_ID }],
    ['support tickets of an unknown customer', 'get_support_tickets', { customer_id: 999_999, open_only: false }],
    ['security logs of an unknown customer', 'get_security_logs', { customer_id: 999_999 }],
    ['promotions of an unknown customer', 'get_eligible_promotions', { customer_id: 999_999 }],
  ];
}

/** Cursors a client could forge: our format with odd values, other JSON, other encodings. */
export const FORGED_CURSORS: ReadonlyArray<[string, string]> = [
  ['after 0', cursor('{"v":1,"after":0}')],
  ['after -1', cursor('{"v":1,"after":-1}')],
  ['after 1.5', cursor('{"v":1,"after":1.5}')],
  ['after 2**53-1', cursor('{"v":1,"after":9007199254740991}')],
  ['after 2**53+1', cursor('{"v":1,"after":9007199254740993}')],
  ['after 1e308', cursor('{"v":1,"after":1e308}')],
  ['after a string', cursor('{"v":1,"after":"1"}')],
  ['after null', cursor('{"v":1,"after":null}')],
  ['version 2', cursor('{"v":2,"after":1}')],
  ['__proto__ carrying the fields', cursor('{"__proto__":{"v":1,"after":5}}')],
  ['a JSON array', cursor('[1]')],
  ['JSON null', cursor('null')],
  ['not JSON', cursor('not json')],
  ['10,000 nested arrays', cursor(`${'['.repeat(10_000)}${']'.repeat(10_000)}`).slice(0, 512)],
  ['standard base64 with padding', Buffer.from('{"v":1,"after":5}').toString('base64')],
  ['characters outside base64url', '!!!$$$***'],
  ['a lone surrogate', '\uD800'],
];

export function handlerEdgeCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const [label, tool, args] of edgeCalls()) cases.push(post('handler-edges', `${tool}: ${label}`, json(toolCall(tool, args)), ANY));
  for (const [label, value] of FORGED_CURSORS) {
    cases.push(post('handler-edges', `get_all_customers: cursor ${label}`, json(toolCall('get_all_customers', { limit: 5, cursor: value })), ANY));
  }
  const tokens: Array<[string, Json]> = [['0', 0], ['-1', -1], ['empty string', ''], ['100 KB string', 't'.repeat(100_000)], ['unicode', '\u202E🚀\uD800'], ['2**53-1', 2 ** 53 - 1]];
  for (const [label, token] of tokens) {
    for (const [tool, args] of [['get_billing_summary', { customer_id: 258 }], ['search_knowledge_base', { query: 'overdue invoice' }]] as Array<[string, JsonObject]>) {
      const body = json(rpc('tools/call', { name: tool, arguments: args, _meta: { progressToken: token } }));
      cases.push(post('handler-edges', `${tool} streaming progress to token ${label}`, body, SUCCEEDS));
    }
  }
  return cases;
}
