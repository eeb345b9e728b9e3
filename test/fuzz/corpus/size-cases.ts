// Big inputs: 10,000 (and 100,000) levels of nested arrays and objects at every position of a
// request, and bodies just under, at and just over the 1 MiB limit (single- and multi-byte
// padding, in every place a string can go). The chunked variants are in socket-cases.ts.
import { MAX_BODY_BYTES } from '../../../shared/config/load-config.js';
import { ANY, FAILS, post, refusedWith, REFUSED, type Expectation, type FuzzCase } from './fuzz-case.js';
import { expectFromBody } from './oracle.js';
import { ENVELOPE, jsonWithLiteral, modernCall, modernHeaders, rpc, toolCall, type JsonObject } from './requests.js';

const MARK = '@@NEST@@';

export const nestedArrays = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
export const nestedObjects = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

interface Spot {
  label: string;
  message: JsonObject | JsonObject[];
  headers?: Record<string, string>;
  /** Undefined: decide from the tool's schema. */
  expect?: Expectation;
}

function spots(): Spot[] {
  return [
    { label: 'id', message: rpc('tools/list', undefined, MARK), expect: FAILS },
    { label: 'params', message: { jsonrpc: '2.0', id: 1, method: 'tools/list', params: MARK }, expect: ANY },
    { label: 'arguments', message: toolCall('get_customer_detail', MARK) },
    { label: 'customer_id', message: toolCall('get_customer_detail', { customer_id: MARK }) },
    { label: 'extra argument', message: toolCall('get_customer_detail', { customer_id: 251, extra: MARK }) },
    { label: 'query', message: toolCall('search_knowledge_base', { query: MARK }) },
    { label: 'update of update_subscription', message: toolCall('update_subscription', { subscription_id: 0, update: MARK }) },
    { label: '_meta', message: rpc('tools/call', { name: 'get_products', arguments: {}, _meta: MARK }), expect: ANY },
    { label: 'progressToken', message: rpc('tools/call', { name: 'get_products', arguments: {}, _meta: { progressToken: MARK } }), expect: ANY },
    {
      label: '2026 clientCapabilities',
      message: modernCall('get_products', {}, { ...ENVELOPE, 'io.modelcontextprotocol/clientCapabilities': MARK }),
      headers: modernHeaders('tools/call', 'get_products'),
      expect: ANY,
    },
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it: the placeholder string stands where an object would be, and is replaced by a nested literal
    { label: 'batch element', message: [rpc('tools/list', undefined, 1), MARK as unknown as JsonObject], expect: ANY },
  ];
}

export function deepNestingCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const [kind, nest] of [['arrays', nestedArrays], ['objects', nestedObjects]] as const) {
    cases.push(post('deep-nesting', `whole body: 10000 levels of ${kind}`, nest(10_000), FAILS));
    for (const spot of spots()) {
      const body = jsonWithLiteral(spot.message, MARK, nest(10_000));
      const expect = spot.expect ?? expectFromBody(body, FAILS);
      cases.push(post('deep-nesting', `${spot.label}: 10000 levels of ${kind}`, body, expect, spot.headers ? { headers: spot.headers } : {}));
    }
    for (const spot of spots().filter((s) => ['arguments', 'extra argument', '_meta'].includes(s.label))) {
      const body = jsonWithLiteral(spot.message, MARK, nest(100_000));
      cases.push(post('deep-nesting', `${spot.label}: 100000 levels of ${kind}`, body, spot.expect ?? expectFromBody(body, FAILS)));
    }
  }
  cases.push(post('deep-nesting', 'unbalanced: 10000 opening brackets only', '['.repeat(10_000), refusedWith(400)));
  return cases;
}

const PAD = '@@PAD@@';

/** Bodies whose size is set by one padded string, for each place a long string can go. */
function paddedTemplates(): Array<{ label: string; message: JsonObject; headers?: Record<string, string>; expect?: Expectation }> {
  return [
    { label: 'search query', message: toolCall('search_knowledge_base', { query: PAD }) },
    { label: 'unknown argument', message: toolCall('get_customer_detail', { customer_id: 251, note: PAD }) },
    { label: 'tool name', message: toolCall(PAD, {}) },
    { label: 'method', message: rpc(PAD) },
    { label: 'id', message: rpc('tools/list', undefined, PAD), expect: ANY },
    { label: '_meta value', message: rpc('tools/call', { name: 'get_products', arguments: {}, _meta: { note: PAD } }) },
    { label: 'subject of a ticket', message: toolCall('create_support_ticket', { customer_id: 0, subscription_id: 2571, category: 'network', priority: 'high', subject: PAD, description: 'x' }) },
    {
      label: '2026 clientInfo',
      message: modernCall('get_products', {}, { ...ENVELOPE, 'io.modelcontextprotocol/clientInfo': { name: PAD, version: '1' } }),
      headers: modernHeaders('tools/call', 'get_products'),
    },
  ];
}

/** `template` with PAD replaced by `unit` repeated so the body is exactly `target` bytes (or just over). */
function padTo(template: JsonObject, unit: string, target: number): string {
  const empty = Buffer.byteLength(JSON.stringify(template).replace(PAD, ''), 'utf8');
  const unitBytes = Buffer.byteLength(unit, 'utf8');
  const count = Math.ceil((target - empty) / unitBytes);
  return JSON.stringify(template).replace(PAD, unit.repeat(count));
}

export function bodySizeCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const sizes: Array<[string, number]> = [
    ['1 MiB - 1', MAX_BODY_BYTES - 1],
    ['1 MiB', MAX_BODY_BYTES],
    ['1 MiB + 1', MAX_BODY_BYTES + 1],
  ];
  for (const { label, message, headers, expect: given } of paddedTemplates()) {
    for (const [sizeLabel, target] of sizes) {
      const body = padTo(message, 'x', target);
      const expect = Buffer.byteLength(body) > MAX_BODY_BYTES ? refusedWith(413) : (given ?? expectFromBody(body, FAILS));
      cases.push(post('body-size', `${label}: ${sizeLabel} bytes`, body, expect, headers ? { headers } : {}));
    }
  }
  // Multi-byte padding: fewer characters than bytes, so a character count would let it through.
  for (const unit of ['é', '漫', '🚀']) {
    const body = padTo(toolCall('search_knowledge_base', { query: PAD }), unit, MAX_BODY_BYTES + 1);
    cases.push(post('body-size', `query of ${unit} just over 1 MiB in bytes (${body.length} UTF-16 units)`, body, refusedWith(413)));
  }
  // Whitespace around a valid message, and JSON escapes that shrink once parsed.
  const list = JSON.stringify(rpc('tools/list'));
  const spaced = (total: number) => `${list}${' '.repeat(total - Buffer.byteLength(list))}`;
  cases.push(post('body-size', 'tools/list padded with spaces to exactly 1 MiB', spaced(MAX_BODY_BYTES), ANY));
  cases.push(post('body-size', 'tools/list padded with spaces to 1 MiB + 1', spaced(MAX_BODY_BYTES + 1), refusedWith(413)));
  const escaped = padTo(toolCall('search_knowledge_base', { query: PAD }), '\\u0078', MAX_BODY_BYTES + 6);
  cases.push(post('body-size', 'query of \\u0078 escapes over 1 MiB on the wire', escaped, refusedWith(413)));
  cases.push(post('body-size', 'empty body', '', REFUSED));
  return cases;
}
