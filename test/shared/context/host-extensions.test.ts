// Tests of the host-extension seam: empty unless a host installs extensions, replaced (not
// appended) by a second install, and not changeable by the caller's array afterwards.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { hostExtensions, installHostExtensions } from '../../../shared/context/host-extensions.js';
import type { ServerExtension } from '../../../shared/mcp/server-extension.js';

const extension = (name: string): ServerExtension => ({ name, register: () => {} });

describe('host extensions', () => {
  afterEach(() => installHostExtensions([]));

  it('are empty until a host installs some', () => {
    assert.deepEqual(hostExtensions(), []);
  });

  it('hold what the host installed last, as a copy', () => {
    const list = [extension('a')];
    installHostExtensions(list);
    list.push(extension('b'));
    assert.deepEqual(hostExtensions().map((item) => item.name), ['a']);

    installHostExtensions([extension('c')]);
    assert.deepEqual(hostExtensions().map((item) => item.name), ['c']);
    assert.ok(Object.isFrozen(hostExtensions()));
  });
});
