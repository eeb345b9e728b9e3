// JSON-RPC batch arrays: empty, nested, huge (thousands of entries), mixed valid and invalid
// entries, only notifications, mixed protocol eras, and seeded random mixes. A batch may be
// refused whole or answered entry by entry; an entry that is invalid must never succeed.
import { ANY, FAILS, post, type FuzzCase } from './fuzz-case.js';
import type { FuzzRandom } from './fuzz-random.js';
import { json, modernCall, rpc, toolCall, type Json } from './requests.js';

interface Entry {
  label: string;
  value: Json;
  /** True when this entry alone is a request the server may serve. */
  valid: boolean;
}

function entryPool(): Entry[] {
  return [
    { label: 'tools/list', value: rpc('tools/list', undefined, 'l'), valid: true },
    { label: 'ping', value: rpc('ping', undefined, 'p'), valid: true },
    { label: 'read call', value: toolCall('get_product_detail', { product_id: 1 }, 'c'), valid: true },
    { label: 'notification', value: { jsonrpc: '2.0', method: 'notifications/initialized' }, valid: true },
    { label: 'number', value: 1, valid: false },
    { label: 'null', value: null, valid: false },
    { label: 'string', value: 'tools/list', valid: false },
    { label: 'empty object', value: {}, valid: false },
    { label: 'jsonrpc only', value: { jsonrpc: '2.0' }, valid: false },
    { label: 'unknown method', value: rpc('contoso/nope', undefined, 'u'), valid: false },
    { label: 'invalid payment', value: toolCall('pay_invoice', { invoice_id: 258106, amount: 0 }, 'x'), valid: false },
    { label: 'invalid unlock', value: toolCall('unlock_account', { customer_id: '4' }, 'y'), valid: false },
    { label: 'invalid read call', value: toolCall('get_customer_detail', { customer_id: -1 }, 'z'), valid: false },
    { label: 'response object', value: { jsonrpc: '2.0', id: 9, result: {} }, valid: false },
  ];
}

const byLabel = (label: string): Json => {
  const entry = entryPool().find((candidate) => candidate.label === label);
  if (!entry) throw new Error(label);
  return entry.value;
};

export function batchCases(random: FuzzRandom): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const add = (name: string, batch: Json, expect = ANY) => cases.push(post('batches', name, json(batch), expect));
  add('empty batch', [], FAILS);
  add('batch of one tools/list', [byLabel('tools/list')]);
  add('batch of two read calls with the same id', [toolCall('get_products', {}, 1), toolCall('get_product_detail', { product_id: 1 }, 1)]);
  add('nested batch', [[byLabel('tools/list')]], FAILS);
  add('batch of empty batches', [[], [], []], FAILS);
  add('only notifications', [byLabel('notification'), byLabel('notification')]);
  add('only invalid mutations', [byLabel('invalid payment'), byLabel('invalid unlock')], FAILS);
  add('every pool entry once', entryPool().map((entry) => entry.value));
  add('2000 pings', Array.from({ length: 2000 }, (_, i) => rpc('ping', undefined, i)));
  add('300 read calls', Array.from({ length: 300 }, (_, i) => toolCall('get_product_detail', { product_id: 1 + (i % 12) }, i)));
  add('5000 numbers', Array.from({ length: 5000 }, (_, i) => i), FAILS);
  add('2000 empty objects', Array.from({ length: 2000 }, () => ({})), FAILS);
  add('1000 invalid payments', Array.from({ length: 1000 }, (_, i) => toolCall('pay_invoice', { invoice_id: 258106, amount: -i - 1 }, i)), FAILS);
  add('2026 and 2025 messages mixed', [modernCall('get_products', {}), byLabel('tools/list')]);
  add('initialize inside a batch', [rpc('initialize', { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 'f', version: '1' } }), byLabel('tools/list')]);
  // Seeded random mixes: acceptable answers follow from whether any entry is valid.
  const pool = entryPool();
  for (let n = 0; n < 20; n += 1) {
    const length = random.pick([1, 2, 3, 5, 8, 13, 40]);
    const picked = Array.from({ length }, () => random.pick(pool));
    const expect = picked.some((entry) => entry.valid) ? ANY : FAILS;
    add(`random batch ${n}: ${picked.map((entry) => entry.label).join(', ')}`.slice(0, 160), picked.map((entry) => entry.value), expect);
  }
  return cases;
}
