// Well-formed starting points the generators mutate: JSON-RPC messages in both protocol eras,
// one valid argument set per tool, and helpers to write JSON the serializer cannot express
// (raw number literals, own `__proto__` keys).
import { CONTOSO_TOOLS } from '../../../shared/tools/registry.js';
import type { AnyTool } from '../../../shared/mcp/define-tool.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Tools that change data: the corpus only ever calls them with arguments their schema refuses. */
export const MUTATING_TOOLS: readonly AnyTool[] = CONTOSO_TOOLS.filter((tool) => tool.annotations.readOnlyHint !== true);
export const isMutating = (name: string): boolean => MUTATING_TOOLS.some((tool) => tool.name === name);

/**
 * Valid arguments for every tool (ids from the nine scenario customers). Read-only calls with
 * these succeed; the mutating ones are templates only: every case derived from them is made
 * invalid before it is sent (see mutation-guard.ts).
 */
export const VALID_ARGUMENTS: Readonly<Record<string, JsonObject>> = {
  get_all_customers: { limit: 5 },
  get_customer_detail: { customer_id: 251 },
  get_subscription_detail: { subscription_id: 2511 },
  get_products: { category: 'mobile' },
  get_product_detail: { product_id: 1 },
  get_invoice_payments: { invoice_id: 251106 },
  pay_invoice: { invoice_id: 258106, amount: 25, method: 'credit_card', idempotency_key: 'fuzz-pay' },
  get_billing_summary: { customer_id: 251 },
  get_data_usage: { subscription_id: 2511, start_date: '2026-05-01', end_date: '2026-05-31', aggregate: true },
  update_subscription: { subscription_id: 2531, update: { roaming_enabled: true } },
  get_promotions: {},
  get_eligible_promotions: { customer_id: 255 },
  get_customer_orders: { customer_id: 256 },
  get_support_tickets: { customer_id: 257, open_only: true },
  create_support_ticket: {
    customer_id: 257,
    subscription_id: 2571,
    category: 'network',
    priority: 'high',
    subject: 'Dropped calls',
    description: 'Calls drop in Overlake',
    idempotency_key: 'fuzz-ticket',
  },
  search_knowledge_base: { query: 'roaming charges abroad', topk: 3 },
  get_security_logs: { customer_id: 254 },
  unlock_account: { customer_id: 254 },
  trouble_shoot_device: { customer_id: 252, subscription_id: 2521, symptom: 'internet is slow' },
  get_troubleshoot_result: { job_id: 'ts-00000000-0000-4000-8000-000000000001' },
  cancel_troubleshoot: { job_id: 'ts-00000000-0000-4000-8000-000000000001' },
  schedule_follow_up: { customer_id: 251, when: '2026-06-16T09:00:00Z', message: 'Check the replacement router', idempotency_key: 'fuzz-follow-up' },
  get_conversation: { conversation_id: 'fu-00000000000000000000000000000001' },
};

export function validArguments(tool: string): JsonObject {
  const args = VALID_ARGUMENTS[tool];
  if (args === undefined) throw new Error(`no valid arguments for ${tool}`);
  return structuredClone(args);
}

export function rpc(method: string, params?: JsonObject, id: Json = 1): JsonObject {
  return { jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) };
}

export function toolCall(name: string, args: Json, id: Json = 1): JsonObject {
  return rpc('tools/call', { name, arguments: args }, id);
}

/** The per-request envelope of protocol revision 2026-07-28, as the v2 client sends it. */
export const ENVELOPE: JsonObject = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'fuzz', version: '1.0.0' },
  'io.modelcontextprotocol/clientCapabilities': {},
};

/** A 2026-07-28 tools/call with `meta` as its `_meta` (default: the envelope). */
export function modernCall(name: string, args: Json, meta: Json = ENVELOPE, id: Json = 1): JsonObject {
  return rpc('tools/call', { name, arguments: args, _meta: meta }, id);
}

/** The headers a 2026-07-28 client sends with a call. */
export function modernHeaders(method = 'tools/call', name?: string): Record<string, string> {
  return { 'mcp-protocol-version': '2026-07-28', 'mcp-method': method, ...(name === undefined ? {} : { 'mcp-name': name }) };
}

export const json = (value: unknown): string => JSON.stringify(value);

/**
 * JSON text of `value` with the string `"<marker>"` replaced by `literal` verbatim, for number
 * literals JSON.stringify cannot write (`1e309`, `-0`, 400 digits, `9007199254740993`).
 */
export function jsonWithLiteral(value: unknown, marker: string, literal: string): string {
  const text = JSON.stringify(value);
  const quoted = JSON.stringify(marker);
  if (!text.includes(quoted)) throw new Error(`marker ${marker} not found`);
  return text.split(quoted).join(literal);
}

/** `target` with an own enumerable property `key` (so `__proto__` is written as a plain key). */
export function withOwnKey<T extends object>(target: T, key: string, value: unknown): T {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}
