// readJsonBody names every outcome: JSON, empty, not JSON (including invalid UTF-8), too large.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readJsonBody } from '../../../shared/http/read-json-body.js';

const post = (body: BodyInit | null) => new Request('http://localhost/x', { method: 'POST', body });

describe('readJsonBody', () => {
  it('parses a JSON body', async () => {
    assert.deepEqual(await readJsonBody(post('{"a":[1,2]}'), 100), { kind: 'json', value: { a: [1, 2] } });
  });

  it('tells an empty body from one that is not JSON', async () => {
    assert.deepEqual(await readJsonBody(post(null), 100), { kind: 'empty' });
    assert.deepEqual(await readJsonBody(post('{"a":'), 100), { kind: 'not_json' });
    assert.deepEqual(await readJsonBody(post(new Uint8Array([0x22, 0xff, 0x22])), 100), { kind: 'not_json' });
  });

  it('refuses a body over the limit', async () => {
    assert.deepEqual(await readJsonBody(post('x'.repeat(101)), 100), { kind: 'too_large' });
  });
});
