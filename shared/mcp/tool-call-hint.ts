// Tells the per-request server factory which tool a single `tools/call` names, so it registers
// that tool alone instead of all of them. The endpoint, which has already parsed the body,
// records the hint against the Request it hands to the SDK; the factory reads it back.

const hints = new WeakMap<Request, string>();

/** Records the tool name when `body` is one tools/call request (not a batch). */
export function recordToolCallHint(request: Request, body: unknown): void {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return;
  const { method, params } = body as { method?: unknown; params?: { name?: unknown } };
  if (method === 'tools/call' && typeof params?.name === 'string') hints.set(request, params.name);
}

/** The tool a single tools/call on `request` names, if the endpoint recorded one. */
export function toolCallHint(request: Request): string | undefined {
  return hints.get(request);
}
