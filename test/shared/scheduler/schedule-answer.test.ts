// Reading the scheduler's answer: a good result in structuredContent or as JSON text, a tool error
// as BUSINESS_RULE with a shortened one-line reason, anything else as UNAVAILABLE (malformed_answer).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BusinessRuleError, UnavailableError } from '../../../shared/errors/domain-error.js';
import { readScheduleAnswer } from '../../../shared/scheduler/schedule-answer.js';

const GOOD = { schedule_id: 'sch-1', when: '2026-11-03T09:00:00.000Z' };

function thrown(result: unknown): unknown {
  try {
    readScheduleAnswer(result);
  } catch (error) {
    return error;
  }
  assert.fail('expected an error');
}

describe('readScheduleAnswer', () => {
  it('reads structuredContent, or the JSON text block, and drops extra fields', () => {
    assert.deepEqual(readScheduleAnswer({ content: [], structuredContent: { ...GOOD, replayed: true, queue: 'eu' } }), GOOD);
    assert.deepEqual(readScheduleAnswer({ content: [{ type: 'text', text: JSON.stringify(GOOD) }] }), GOOD);
  });

  it('passes on a tool error as BUSINESS_RULE with a one-line, bounded reason', () => {
    const error = thrown({ isError: true, content: [{ type: 'text', text: `when is too far\n${'x'.repeat(500)}` }] });
    assert.ok(error instanceof BusinessRuleError);
    assert.match(error.message, /^The scheduler refused the follow-up: when is too far x+…$/);
    assert.ok(error.message.length < 300);
    assert.match((thrown({ isError: true, content: [] }) as Error).message, /no reason given/);
  });

  it('turns anything unusable into UNAVAILABLE naming the scheduler', () => {
    for (const bad of [
      null,
      'text',
      { content: 'not an array' },
      { content: [{ type: 'text', text: 'not json' }] },
      { content: [{ type: 'text', text: '{"id":42}' }] },
      { structuredContent: { schedule_id: '', when: GOOD.when } },
      { structuredContent: { schedule_id: 'sch-1', when: 'tomorrow' } },
    ]) {
      const error = thrown(bad);
      assert.ok(error instanceof UnavailableError, JSON.stringify(bad));
      assert.deepEqual(error.details, { dependency: 'scheduler', error_class: 'malformed_answer' });
    }
  });
});
