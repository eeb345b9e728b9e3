// Tests of the Content-Type and Accept checks of the Streamable HTTP transport.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptsMcpResponses, isJsonContentType, mediaTypeEssence } from '../../../shared/http/media-types.js';

describe('mediaTypeEssence', () => {
  it('drops parameters, trims and lower-cases', () => {
    assert.equal(mediaTypeEssence(' Application/JSON ; charset=utf-8'), 'application/json');
    assert.equal(mediaTypeEssence('text/event-stream'), 'text/event-stream');
  });

  it('gives an empty string for a missing header', () => {
    assert.equal(mediaTypeEssence(null), '');
  });
});

describe('isJsonContentType', () => {
  it('accepts application/json with or without parameters', () => {
    assert.equal(isJsonContentType('application/json'), true);
    assert.equal(isJsonContentType('application/json; charset=UTF-8'), true);
  });

  it('refuses other or missing types', () => {
    for (const value of [null, '', 'text/plain', 'application/jsonp', 'application/json-patch+json']) {
      assert.equal(isJsonContentType(value), false, `accepted ${String(value)}`);
    }
  });
});

describe('acceptsMcpResponses', () => {
  it('accepts a list naming both JSON and SSE, in any order and case, with q-values', () => {
    assert.equal(acceptsMcpResponses('application/json, text/event-stream'), true);
    assert.equal(acceptsMcpResponses('Text/Event-Stream;q=0.9 , application/json'), true);
  });

  it('accepts */*', () => {
    assert.equal(acceptsMcpResponses('*/*'), true);
    assert.equal(acceptsMcpResponses('text/html, */*;q=0.1'), true);
  });

  it('refuses a list missing either type, or no header', () => {
    assert.equal(acceptsMcpResponses('application/json'), false);
    assert.equal(acceptsMcpResponses('text/event-stream'), false);
    assert.equal(acceptsMcpResponses(''), false);
    assert.equal(acceptsMcpResponses(null), false);
  });

  it('answers the same when asked again (verdicts are kept per value), for long and many values too', () => {
    const values = ['application/json, text/event-stream', 'application/json', '*/*', `application/json, ${'x/y, '.repeat(100)}text/event-stream`, `${'x/y, '.repeat(100)}application/json`];
    const first = values.map((value) => acceptsMcpResponses(value));
    assert.deepEqual(first, [true, false, true, true, false]);
    assert.deepEqual(values.map((value) => acceptsMcpResponses(value)), first);
    for (let index = 0; index < 200; index++) assert.equal(acceptsMcpResponses(`type/${index}`), false);
    assert.equal(acceptsMcpResponses('text/event-stream, application/json'), true);
  });
});
