// Reads what the scheduler's `schedule_conversation` answered: a tool error becomes a
// BusinessRuleError carrying the scheduler's (shortened) reason; a result without a valid
// `{ schedule_id, when }` (in structuredContent, or as JSON in the first text block) becomes an
// UnavailableError. Never a crash on whatever a remote server sends.
import * as z from 'zod';
import { BusinessRuleError, UnavailableError } from '../errors/domain-error.js';
import { scheduleConversationOutput } from './schedule-conversation-contract.js';
import type { ScheduledConversation } from './scheduler-client.js';

/** The most of the scheduler's refusal text passed on. */
const MAX_REASON_CHARS = 200;

const toolResultShape = z.object({
  isError: z.boolean().optional(),
  content: z.array(z.unknown()).optional(),
  structuredContent: z.unknown().optional(),
});

const textBlock = z.object({ type: z.literal('text'), text: z.string() });

/** The accepted schedule in `result`, or a typed error saying what was wrong with the answer. */
export function readScheduleAnswer(result: unknown): ScheduledConversation {
  const shape = toolResultShape.safeParse(result);
  if (!shape.success) throw malformed('not a tool result');
  const text = firstText(shape.data.content);
  if (shape.data.isError === true) {
    throw new BusinessRuleError(`The scheduler refused the follow-up: ${reasonOf(text)}`, { dependency: 'scheduler' });
  }
  const candidate = shape.data.structuredContent ?? jsonOf(text);
  const answer = scheduleConversationOutput.safeParse(candidate);
  if (!answer.success) throw malformed('expected { schedule_id, when }');
  return { schedule_id: answer.data.schedule_id, when: answer.data.when };
}

function malformed(what: string): UnavailableError {
  return new UnavailableError(`The scheduler answered schedule_conversation with something unusable (${what})`, {
    dependency: 'scheduler',
    error_class: 'malformed_answer',
  });
}

function firstText(content: readonly unknown[] | undefined): string | undefined {
  for (const block of content ?? []) {
    const parsed = textBlock.safeParse(block);
    if (parsed.success) return parsed.data.text;
  }
  return undefined;
}

function jsonOf(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The scheduler's reason on one line, without control characters, at most MAX_REASON_CHARS. */
function reasonOf(text: string | undefined): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const line = (text ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (line === '') return 'no reason given';
  return line.length > MAX_REASON_CHARS ? `${line.slice(0, MAX_REASON_CHARS)}…` : line;
}
