// The 2026-07-28 per-request envelope (`_meta` with io.modelcontextprotocol/* keys) and its
// Mcp-Method / Mcp-Name / MCP-Protocol-Version headers, malformed one piece at a time.
import { ANY, FAILS, post, type Expectation, type FuzzCase } from './fuzz-case.js';
import { ENVELOPE, json, modernCall, modernHeaders, rpc, type Json, type JsonObject } from './requests.js';

const VERSION = 'io.modelcontextprotocol/protocolVersion';
const CAPABILITIES = 'io.modelcontextprotocol/clientCapabilities';
const INFO = 'io.modelcontextprotocol/clientInfo';
const REMOVE = Symbol('remove');

function envelopeWith(key: string, value: Json | typeof REMOVE): JsonObject {
  const meta = structuredClone(ENVELOPE);
  if (value === REMOVE) delete meta[key];
  else meta[key] = value;
  return meta;
}

export function envelopeCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const call = (name: string, meta: Json, expect: Expectation, headers: Record<string, string | null> = modernHeaders('tools/call', 'get_customer_detail')) =>
    cases.push(post('envelope-2026', name, json(modernCall('get_customer_detail', { customer_id: 251 }, meta)), expect, { headers }));

  call('valid envelope (control)', ENVELOPE, { allow: ['result'] });
  for (const [label, meta] of [['null', null], ['an array', [ENVELOPE]], ['a string', 'envelope'], ['a number', 2026], ['empty', {}]] as Array<[string, Json]>) {
    call(`_meta is ${label}`, meta, FAILS);
  }
  const versions: Array<[string, Json | typeof REMOVE]> = [
    ['missing', REMOVE],
    ['null', null],
    ['a number', 20260728],
    ['empty', ''],
    ['in the future', '2099-01-01'],
    ['a 2025 revision', '2025-11-25'],
    ['with a trailing space', '2026-07-28 '],
    ['an array', ['2026-07-28']],
    ['an object', { version: '2026-07-28' }],
    ['1 KB long', '2026-07-28'.repeat(100)],
  ];
  for (const [label, value] of versions) call(`protocolVersion ${label}`, envelopeWith(VERSION, value), FAILS);
  const capabilities: Array<[string, Json | typeof REMOVE, Expectation]> = [
    ['missing', REMOVE, FAILS],
    ['null', null, FAILS],
    ['a string', 'all', FAILS],
    ['an array', [], FAILS],
    ['a number', 1, FAILS],
    ['with tools as a string', { tools: 'yes' }, ANY],
    ['with sampling null', { sampling: null }, ANY],
    ['with an unknown capability', { teleport: {} }, ANY],
    ['with elicitation', { elicitation: {} }, ANY],
  ];
  for (const [label, value, expect] of capabilities) call(`clientCapabilities ${label}`, envelopeWith(CAPABILITIES, value), expect);
  const infos: Array<[string, Json | typeof REMOVE]> = [
    ['missing', REMOVE],
    ['null', null],
    ['a string', 'fuzz'],
    ['with a numeric name', { name: 1, version: '1' }],
    ['empty', {}],
  ];
  for (const [label, value] of infos) call(`clientInfo ${label}`, envelopeWith(INFO, value), ANY);
  call('logLevel not a level', envelopeWith('io.modelcontextprotocol/logLevel', 'verbose'), ANY);
  call('logLevel a number', envelopeWith('io.modelcontextprotocol/logLevel', 7), ANY);
  call('related-task malformed', envelopeWith('io.modelcontextprotocol/related-task', { taskId: 42 }), ANY);
  call('subscriptionId an object', envelopeWith('io.modelcontextprotocol/subscriptionId', { id: 1 }), ANY);
  call('unknown io.modelcontextprotocol key', envelopeWith('io.modelcontextprotocol/teleport', { to: 'mars' }), ANY);
  call('1,000 unknown io.modelcontextprotocol keys', { ...ENVELOPE, ...Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`io.modelcontextprotocol/x${i}`, i])) }, ANY);
  call('keys in other case', Object.fromEntries(Object.entries(ENVELOPE).map(([key, value]) => [key.toUpperCase(), value])), FAILS);
  call('progressToken an object', { ...ENVELOPE, progressToken: { a: 1 } }, ANY);
  call('progressToken with the envelope (streamed)', { ...ENVELOPE, progressToken: 'p-1' }, ANY);

  // The 2026-07-28 headers must agree with the body (the spec requires them), else no call runs.
  call('Mcp-Method names another method', ENVELOPE, FAILS, modernHeaders('tools/list', 'get_customer_detail'));
  call('Mcp-Name names another tool', ENVELOPE, FAILS, modernHeaders('tools/call', 'pay_invoice'));
  call('no Mcp-Method header', ENVELOPE, FAILS, { 'mcp-protocol-version': '2026-07-28', 'mcp-name': 'get_customer_detail' });
  call('no Mcp-Name header', ENVELOPE, FAILS, { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call' });
  call('Mcp-Name with different case', ENVELOPE, FAILS, modernHeaders('tools/call', 'GET_CUSTOMER_DETAIL'));
  call('no MCP-Protocol-Version header', ENVELOPE, FAILS, { 'mcp-protocol-version': null, 'mcp-method': 'tools/call', 'mcp-name': 'get_customer_detail' });
  call('header says 2025-11-25, envelope says 2026-07-28', ENVELOPE, FAILS, { ...modernHeaders('tools/call', 'get_customer_detail'), 'mcp-protocol-version': '2025-11-25' });
  call('header says 2026-07-28, envelope says 2025-06-18', envelopeWith(VERSION, '2025-06-18'), FAILS);
  call('Mcp-Method with 10 KB', ENVELOPE, FAILS, modernHeaders('x'.repeat(10_000), 'get_customer_detail'));

  const discover = (name: string, meta: Json, expect: Expectation) =>
    cases.push(post('envelope-2026', name, json(rpc('server/discover', { _meta: meta })), expect, { headers: modernHeaders('server/discover') }));
  discover('server/discover (control)', ENVELOPE, { allow: ['result'] });
  discover('server/discover without protocolVersion', envelopeWith(VERSION, REMOVE), FAILS);
  discover('server/discover with capabilities null', envelopeWith(CAPABILITIES, null), FAILS);
  discover('server/discover with an unsupported version', envelopeWith(VERSION, '2030-01-01'), FAILS);
  cases.push(post('envelope-2026', 'server/discover with params null', json(rpc('server/discover', undefined)), FAILS, { headers: modernHeaders('server/discover') }));
  return cases;
}
