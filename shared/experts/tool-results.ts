// What goes back to the model for a tool call: results cut to a bounded size (a large result
// would crowd out the conversation and cost tokens), the fixed refusal texts, and the
// knowledge-base documents a result holds (the answer may cite them).

/** Tool calls run from one model reply; further calls in the same reply are answered NOT_RUN. */
export const MAX_TOOL_CALLS_PER_STEP = 8;

/** The most characters of one tool result the model sees. */
export const MAX_TOOL_RESULT_CHARS = 8_000;

/** `text`, cut to MAX_TOOL_RESULT_CHARS with a note saying how much was left out. */
export function capToolText(text: string, max = MAX_TOOL_RESULT_CHARS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}\n…[cut: ${text.length - max} more characters; ask for less, e.g. a shorter date range or one invoice]`;
}

export const REFUSALS = {
  malformed: (name: string) =>
    `ERROR INVALID_ARGUMENT: the arguments for ${name} are not a JSON object. Call it again with valid JSON arguments.`,
  notAvailable: (name: string) =>
    `REFUSED: ${name} is not one of your tools. Use only the tools you were given; recommend any other action in your answer for the caller to perform.`,
  tooMany: (name: string, max: number) =>
    `ERROR NOT_RUN: ${name} was not run: at most ${max} tool calls are run in one step. Call it again in the next step if you still need it.`,
  callerMayNot: (name: string) =>
    `REFUSED: the caller is not allowed to use ${name}. Do not retry it; say in your answer what could not be done and who could do it.`,
} as const;

/** The knowledge-base document ids in a search_knowledge_base result; none for other tools. */
export function documentIdsOf(toolName: string, structured: Record<string, unknown> | undefined): number[] {
  if (toolName !== 'search_knowledge_base' || !Array.isArray(structured?.results)) return [];
  return structured.results.flatMap((hit: unknown) => {
    const id = (hit as { document_id?: unknown } | null)?.document_id;
    return typeof id === 'number' ? [id] : [];
  });
}

/**
 * The documents an answer cites: those it marks `[doc:<id>]` among the ones this turn retrieved
 * (a model cannot cite what it never saw), or every retrieved one when it marks none.
 */
export function citedDocuments(answer: string, retrieved: ReadonlySet<number>): number[] {
  const marked = [...answer.matchAll(/\[doc:(\d{1,10})\]/g)].map((match) => Number(match[1])).filter((id) => retrieved.has(id));
  return [...new Set(marked.length > 0 ? marked : retrieved)];
}
