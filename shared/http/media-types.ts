// Content-Type and Accept checks of the Streamable HTTP transport.

/** The media type without parameters, lower-case. */
export function mediaTypeEssence(value: string | null): string {
  return (value ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function isJsonContentType(value: string | null): boolean {
  // The common exact spelling needs no parsing.
  return value === 'application/json' || mediaTypeEssence(value) === 'application/json';
}

/** Answers of acceptsMcpResponses by Accept value: clients send the same one on every request. */
const acceptAnswers = new Map<string, boolean>();
const ACCEPT_ANSWERS_KEPT = 64;
const KEPT_VALUE_CHARS = 256;

/** A POST must accept both JSON and SSE answers, or say `*\/*`. */
export function acceptsMcpResponses(accept: string | null): boolean {
  if (accept === null) return false;
  let answer = acceptAnswers.get(accept);
  if (answer === undefined) {
    answer = acceptsMcpResponsesExplicitly(accept) || accept.split(',').some((part) => mediaTypeEssence(part) === '*/*');
    // Only ordinary lengths are kept, so odd or hostile values cannot grow the cache.
    if (accept.length <= KEPT_VALUE_CHARS) {
      if (acceptAnswers.size >= ACCEPT_ANSWERS_KEPT) acceptAnswers.clear();
      acceptAnswers.set(accept, answer);
    }
  }
  return answer;
}

/** True when Accept names both `application/json` and `text/event-stream` itself. */
export function acceptsMcpResponsesExplicitly(accept: string | null): boolean {
  if (accept === null) return false;
  const types = accept.split(',').map((part) => mediaTypeEssence(part));
  return types.includes('application/json') && types.includes('text/event-stream');
}
