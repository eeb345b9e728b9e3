// The protocol constants the fast path uses without loading the SDK are the SDK's own values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProtocolErrorCode, SERVER_INFO_META_KEY as SDK_SERVER_INFO_META_KEY, SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/server';
import { INVALID_PARAMS, LEGACY_PROTOCOL_VERSIONS, SERVER_INFO_META_KEY } from '../../../shared/mcp/protocol-versions.js';

describe('protocol constants', () => {
  it('match the SDK: the 2025-era versions, invalid-params code and server-info key', () => {
    assert.deepEqual([...LEGACY_PROTOCOL_VERSIONS], [...SUPPORTED_PROTOCOL_VERSIONS]);
    assert.equal(INVALID_PARAMS, ProtocolErrorCode.InvalidParams);
    assert.equal(SERVER_INFO_META_KEY, SDK_SERVER_INFO_META_KEY);
  });
});
