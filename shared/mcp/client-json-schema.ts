// Tool schemas as clients and models see them: zod's JSON Schema without two things it adds
// that carry no meaning for a client and cost every agent context on every tools/list.
// - The root `$schema` declaration. JSON Schema 2020-12 is MCP's default dialect when none is
//   declared (2025-11-25), so leaving it out changes nothing for clients that follow the spec,
//   while validators built for draft-07 (still in some clients) fail on a 2020-12 declaration
//   ("no schema with key or ref").
// - The ±(2^53 − 1) bounds zod puts on every integer (`z.number().int()`): 68 copies, 3.7 KB of
//   the 51 KB tool list. Bigger integers cannot be exact in JSON anyway, and the server's zod
//   check still refuses them.
// Together about 12 % of the tool list.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** `schema` without its root `$schema` and without integer bounds at ±Number.MAX_SAFE_INTEGER. */
export function forClients(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = schema;
  return withoutSafeIntegerBounds(rest as Json) as Record<string, unknown>;
}

function withoutSafeIntegerBounds(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutSafeIntegerBounds);
  if (value === null || typeof value !== 'object') return value;
  const integer = value.type === 'integer';
  const result: { [key: string]: Json } = {};
  for (const [key, child] of Object.entries(value)) {
    if (integer && key === 'minimum' && child === -Number.MAX_SAFE_INTEGER) continue;
    if (integer && key === 'maximum' && child === Number.MAX_SAFE_INTEGER) continue;
    result[key] = withoutSafeIntegerBounds(child);
  }
  return result;
}
