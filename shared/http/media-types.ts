// Content-Type and Accept checks of the Streamable HTTP transport.
import { memoizeByText } from './memoize-by-text.js';

/** The media type without parameters, lower-case. */
export function mediaTypeEssence(value: string | null): string {
  return (value ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function isJsonContentType(value: string | null): boolean {
  // The common exact spelling needs no parsing.
  return value === 'application/json' || mediaTypeEssence(value) === 'application/json';
}

/** Verdicts by Accept value: clients send the same one on every request. */
const acceptVerdict = memoizeByText(
  (accept) => acceptsMcpResponsesExplicitly(accept) || accept.split(',').some((part) => mediaTypeEssence(part) === '*/*'),
  { maxEntries: 64, maxLength: 256 },
);

/** A POST must accept both JSON and SSE answers, or say `*\/*`. */
export function acceptsMcpResponses(accept: string | null): boolean {
  return accept !== null && acceptVerdict(accept);
}

/** True when Accept names both `application/json` and `text/event-stream` itself. */
export function acceptsMcpResponsesExplicitly(accept: string | null): boolean {
  if (accept === null) return false;
  const types = accept.split(',').map((part) => mediaTypeEssence(part));
  return types.includes('application/json') && types.includes('text/event-stream');
}
