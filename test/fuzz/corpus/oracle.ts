// Decides what a tools/call may get back from the tool's own zod input schema: arguments the
// schema refuses must fail; arguments it accepts may succeed (a read-only tool may still answer
// NOT_FOUND or another domain error). Mutating tools never get valid arguments in the corpus.
import { CONTOSO_TOOLS } from '../../../shared/tools/registry.js';
import { ANY, FAILS, REFUSED, type Expectation } from './fuzz-case.js';
import { parseLikeServer } from './mutation-guard.js';
import { isMutating } from './requests.js';

/** Expectation for calling `name` with `args` as the server receives them (already parsed). */
export function expectForToolCall(name: unknown, args: unknown): Expectation {
  const tool = CONTOSO_TOOLS.find((candidate) => candidate.name === name);
  if (!tool || isMutating(tool.name)) return FAILS;
  return tool.input.safeParse(args ?? {}).success ? ANY : FAILS;
}

/**
 * Expectation for a whole body: unparseable bodies must be refused with a 4xx; a single,
 * well-formed tools/call is judged by its arguments; anything else gets `otherwise`.
 */
export function expectFromBody(body: Uint8Array | string, otherwise: Expectation): Expectation {
  const parsed = parseLikeServer(body);
  if (parsed === undefined) return REFUSED;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return otherwise;
  const { jsonrpc, id, method, params } = parsed as Record<string, unknown>;
  const wellFormed = jsonrpc === '2.0' && (typeof id === 'string' || typeof id === 'number') && method === 'tools/call';
  if (!wellFormed || params === null || typeof params !== 'object' || Array.isArray(params)) return otherwise;
  const { name, arguments: args } = params as Record<string, unknown>;
  return expectForToolCall(name, args);
}
