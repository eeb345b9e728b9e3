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
});
