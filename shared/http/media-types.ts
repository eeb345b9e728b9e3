// Content-Type and Accept checks of the Streamable HTTP transport.

/** The media type without parameters, lower-case. */
export function mediaTypeEssence(value: string | null): string {
  return (value ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function isJsonContentType(value: string | null): boolean {
  return mediaTypeEssence(value) === 'application/json';
}

/** A POST must accept both JSON and SSE answers, or say `*\/*`. */
export function acceptsMcpResponses(accept: string | null): boolean {
  if (accept === null) return false;
  return acceptsMcpResponsesExplicitly(accept) || accept.split(',').some((part) => mediaTypeEssence(part) === '*/*');
}

/** True when Accept names both `application/json` and `text/event-stream` itself. */
export function acceptsMcpResponsesExplicitly(accept: string | null): boolean {
  if (accept === null) return false;
  const types = accept.split(',').map((part) => mediaTypeEssence(part));
  return types.includes('application/json') && types.includes('text/event-stream');
}
