// Tests of the callback body: the Contoso shape accepted (unknown fields ignored), ids, status and
// content bounded, JSON and UTF-8 errors told apart from shape errors without echoing the values,
// and the derived event id: stable for a replay, different for another timestamp or body.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deriveEventId, MAX_CALLBACK_BODY_BYTES, parseCallbackPayload } from '../../../shared/callback/callback-payload.js';
import { CONVERSATION_LIMITS } from '../../../shared/conversations/conversation.js';

const TIMESTAMP = 1773568800;
const body = (payload: Record<string, unknown>) => JSON.stringify(payload);
const BASE = { conversationId: 'conv-123', status: 'completed', content: 'Your router was replaced.' };

describe('callback payload', () => {
  it('accepts the Contoso shape and derives the event id from the timestamp and raw body', () => {
    const raw = body(BASE);
    const result = parseCallbackPayload(raw, TIMESTAMP);

    assert.deepEqual(result, { ok: true, event: { ...BASE, eventId: deriveEventId(TIMESTAMP, raw), eventIdDerived: true } });
  });

  it('uses the eventId the sender gives, and ignores fields it does not know', () => {
    const result = parseCallbackPayload(body({ ...BASE, eventId: 'sched-42:attempt.1', scheduledAt: '2026-03-15T09:00:00Z' }), TIMESTAMP);

    assert.deepEqual(result, { ok: true, event: { ...BASE, eventId: 'sched-42:attempt.1', eventIdDerived: false } });
  });

  it('reads raw UTF-8 bytes, and refuses bytes that are not UTF-8 or not JSON as invalid_json', () => {
    const raw = new TextEncoder().encode(body({ ...BASE, content: 'Gerät getauscht ✓' }));
    const result = parseCallbackPayload(raw, TIMESTAMP);
    assert.equal(result.ok && result.event.content, 'Gerät getauscht ✓');
    assert.equal(result.ok && result.event.eventId, deriveEventId(TIMESTAMP, raw));

    for (const bad of [new Uint8Array([0x7b, 0xff, 0x7d]), '{"conversationId":', '', 'conv-123']) {
      assert.deepEqual(parseCallbackPayload(bad, TIMESTAMP), { ok: false, reason: 'invalid_json', issues: ['the body is not JSON (UTF-8)'] });
    }
  });

  it('refuses path-like or oversized conversation ids, and malformed event ids, naming the field', () => {
    for (const conversationId of ['../etc/passwd', 'conv/123', 'a', 'x'.repeat(65), '', 'conv 123', '.hidden']) {
      const result = parseCallbackPayload(body({ ...BASE, conversationId }), TIMESTAMP);
      assert.equal(result.ok, false, conversationId);
      assert.match((!result.ok && result.issues[0]) || '', /^conversationId: a conversation id is 3-64 letters/);
    }
    const result = parseCallbackPayload(body({ ...BASE, eventId: '../x' }), TIMESTAMP);
    assert.match((!result.ok && result.issues[0]) || '', /^eventId: an event id is 1-128/);
  });

  it('bounds status to a short token and content to the conversation limit', () => {
    const longest = 'x'.repeat(CONVERSATION_LIMITS.maxContentChars);
    assert.equal(parseCallbackPayload(body({ ...BASE, content: longest }), TIMESTAMP).ok, true);
    assert.equal(parseCallbackPayload(body({ ...BASE, content: '' }), TIMESTAMP).ok, true);

    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...BASE, content: `${longest}x` }, /^content: Too big/],
      [{ ...BASE, status: 'x'.repeat(65) }, /^status: a status is 1-64/],
      [{ ...BASE, status: '' }, /^status: /],
      [{ ...BASE, status: 'done; drop table' }, /^status: /],
      [{ ...BASE, content: 42 }, /^content: Invalid input: expected string/],
    ];
    for (const [payload, issue] of cases) {
      const result = parseCallbackPayload(body(payload), TIMESTAMP);
      assert.equal(result.ok || result.reason, 'invalid_payload');
      assert.match((!result.ok && result.issues.join('\n')) || '', issue);
    }
  });

  it('refuses a body that is not an object, or lacks fields, listing every issue without the values', () => {
    assert.deepEqual(parseCallbackPayload('[1,2]', TIMESTAMP), { ok: false, reason: 'invalid_payload', issues: ['(body): Invalid input: expected object, received array'] });

    const secretish = 'content that must not be echoed';
    const result = parseCallbackPayload(body({ conversationId: secretish, content: secretish }), TIMESTAMP);
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.issues.map((issue) => issue.split(':')[0]), ['conversationId', 'status']);
    assert.ok(!JSON.stringify(result).includes(secretish));
  });

  it('leaves room under the body limit for the longest content with every character escaped', () => {
    const escaped = body({ ...BASE, content: 'ä'.repeat(CONVERSATION_LIMITS.maxContentChars) }).replaceAll('ä', '\\u00e4');
    assert.ok(Buffer.byteLength(escaped) < MAX_CALLBACK_BODY_BYTES);
    assert.equal(parseCallbackPayload(escaped, TIMESTAMP).ok, true);
  });

  it('derives a stable event id: the same for a replay, another for another timestamp or body', () => {
    const raw = body(BASE);
    const id = deriveEventId(TIMESTAMP, raw);

    assert.match(id, /^evt-[0-9a-f]{32}$/);
    assert.equal(id, 'evt-3673927d67f63c15e67012f74a0b5f35', 'sha256 of "<timestamp>.<body>" (sha256sum), first 32 hex digits');
    assert.equal(deriveEventId(TIMESTAMP, new TextEncoder().encode(raw)), id);
    assert.notEqual(deriveEventId(TIMESTAMP + 1, raw), id);
    assert.notEqual(deriveEventId(TIMESTAMP, body({ ...BASE, status: 'failed' })), id);
  });
});
