// A complete answer's body in its three forms (text, bytes, byte parts written in order) reads the
// same through every consumer: the web Response, its text, and the single body a host needs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerText, jsonAnswer, toWebResponse, wholeBody } from '../../../shared/http/http-answer.js';

const JSON_TEXT = '{"result":{"tools":[]},"jsonrpc":"2.0","id":"é-1"}';
const bytes = Buffer.from(JSON_TEXT, 'utf8');
const parts = [bytes.subarray(0, 10), bytes.subarray(10, 11), bytes.subarray(11)];

describe('HttpAnswer bodies', () => {
  for (const [form, body] of [
    ['text', JSON_TEXT],
    ['bytes', new Uint8Array(bytes)],
    ['byte parts', parts],
  ] as const) {
    it(`reads the same as ${form}`, async () => {
      const answer = jsonAnswer(200, body);
      assert.equal(answerText(answer), JSON_TEXT);
      const whole = wholeBody(answer.body);
      assert.equal(typeof whole === 'string' ? whole : Buffer.from(whole).toString('utf8'), JSON_TEXT);
      const response = toWebResponse(answer);
      assert.equal(response.headers.get('content-type'), 'application/json');
      assert.equal(await response.text(), JSON_TEXT);
    });
  }

  it('gives no body to an empty answer, whatever its form', async () => {
    for (const body of ['', new Uint8Array(), [] as Uint8Array[], [new Uint8Array()]]) {
      const response = toWebResponse({ status: 200, headers: {}, body });
      assert.equal(response.body, null);
    }
  });
});
