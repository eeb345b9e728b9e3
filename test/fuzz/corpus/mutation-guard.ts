// Keeps the corpus from changing customer data: reads each body exactly as the endpoint does
// (strict UTF-8, BOM stripped, JSON.parse) and finds any tools/call of a mutating tool whose
// arguments its zod input schema would accept. Generators poison such arguments; the corpus
// builder drops any case still carrying one, and the test asserts none is left.
import { MUTATING_TOOLS, type Json, type JsonObject } from './requests.js';

/** The body as the endpoint parses it, or undefined when it would refuse it unparsed. */
export function parseLikeServer(body: Uint8Array | string | undefined): unknown {
  if (body === undefined) return undefined;
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

/** Names of the mutating tools `body` would run with schema-valid arguments. */
export function validMutations(body: Uint8Array | string | undefined): string[] {
  const parsed = parseLikeServer(body);
  if (parsed === undefined) return [];
  const found: string[] = [];
  for (const message of Array.isArray(parsed) ? parsed : [parsed]) {
    if (message === null || typeof message !== 'object') continue;
    const { method, params } = message as { method?: unknown; params?: unknown };
    if (method !== 'tools/call' || params === null || typeof params !== 'object') continue;
    const { name, arguments: args } = params as { name?: unknown; arguments?: unknown };
    const tool = MUTATING_TOOLS.find((candidate) => candidate.name === name);
    if (tool && tool.input.safeParse(args ?? {}).success) found.push(tool.name);
  }
  return found;
}

/** True when `tool` would accept `args` after a JSON round trip (what the server receives). */
export function schemaAccepts(toolName: string, args: Json): boolean {
  const tool = MUTATING_TOOLS.find((candidate) => candidate.name === toolName);
  if (!tool) return false;
  const text = JSON.stringify(args);
  return text !== undefined && tool.input.safeParse(JSON.parse(text)).success;
}

/** The first id each mutating tool needs; set to 0 it makes the arguments invalid. */
const POISON_FIELD: Readonly<Record<string, string>> = {
  pay_invoice: 'invoice_id',
  update_subscription: 'subscription_id',
  create_support_ticket: 'customer_id',
  unlock_account: 'customer_id',
};

/**
 * `args` unchanged unless `toolName` mutates and would accept them; then a copy with its first
 * id set to 0 (own keys, `__proto__` included, are kept). Returns undefined if even that passes.
 */
export function poisonIfValid(toolName: string, args: Json): Json | undefined {
  if (!schemaAccepts(toolName, args)) return args;
  const field = POISON_FIELD[toolName];
  if (field === undefined || args === null || typeof args !== 'object' || Array.isArray(args)) return undefined;
  const poisoned: JsonObject = {};
  for (const key of Object.keys(args)) Object.defineProperty(poisoned, key, { value: args[key], enumerable: true, writable: true, configurable: true });
  poisoned[field] = 0;
  return schemaAccepts(toolName, poisoned) ? undefined : poisoned;
}
