// The direct lane reads headers from Node's raw list exactly as a web Headers object built from
// the same request would show them: any case, repeated headers joined with ", ".
import assert from 'node:assert/strict';
import type http from 'node:http';
import { describe, it } from 'node:test';
import { rawHeaderReader } from '../../../dev/host/raw-headers.js';

function webHeaders(raw: string[]): Headers {
  const headers = new Headers();
  for (let index = 0; index < raw.length; index += 2) headers.append(raw[index]!, raw[index + 1]!);
  return headers;
}

describe('rawHeaderReader', () => {
  it('agrees with web Headers on case, repeats and absence', () => {
    const raw = ['Host', 'localhost', 'Authorization', 'Bearer a', 'authorization', 'Bearer b', 'X-Empty', '', 'MCP-Protocol-Version', '2025-11-25'];
    const reader = rawHeaderReader({ rawHeaders: raw } as unknown as http.IncomingMessage);
    const web = webHeaders(raw);
    for (const name of ['host', 'HOST', 'authorization', 'x-empty', 'mcp-protocol-version', 'origin']) {
      assert.equal(reader.get(name), web.get(name), name);
    }
    assert.equal(reader.get('authorization'), 'Bearer a, Bearer b');
  });
});
