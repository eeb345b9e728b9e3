// Removes secrets from anything about to be logged: values under secret-looking keys,
// bearer tokens, JWT-shaped strings and key/signature query parameters.

// Whole key names that are secrets, and endings that mark one (`accessToken`, `dbPassword`). `code`
// and `sig` only as whole names, so `errorCode` or `statusCode` stay readable.
// The callback secret's previous version and the request-state key are named in settings
// (SCHEDULER_CALLBACK_SECRET_PREVIOUS, MCP_REQUEST_STATE_KEY) and would escape the endings
// otherwise; a callback's signature header would let a reader replay it within its window.
const SECRET_KEY =
  /^(authorization|cookie|set-cookie|code|sig|x-functions-key|x-contoso-signature)$|(token|secret|password|pwd|api[-_]?key|functionkey|function_key|connectionstring|accountkey|secret[-_]?previous|state[-_]?key)$/i;
const JWT_LIKE = /eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
const BEARER = /bearer\s+[^\s"',]+/gi;
const SECRET_QUERY = /([?&](?:code|sig|token|key)=)[^&\s"']+/gi;
const REDACTED = '[redacted]';

/** Returns a copy of `text` with tokens and secret query parameters masked. */
export function redactText(text: string): string {
  return text.replace(BEARER, `Bearer ${REDACTED}`).replace(JWT_LIKE, REDACTED).replace(SECRET_QUERY, `$1${REDACTED}`);
}

/** Deep copy of `value` safe to log; depth-limited and cycle-safe. */
export function redact(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[depth]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message), ...('code' in value ? { code: value.code } : {}) };
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redact(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redact(child, depth + 1, seen);
  }
  return out;
}
