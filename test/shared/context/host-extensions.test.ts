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

  it('are seen by another copy of the module, as a bundled app carries its own', async () => {
    const copyUrl = new URL('../../../shared/context/host-extensions.ts?another-copy', import.meta.url).href;
    const copy = (await import(copyUrl)) as { hostExtensions: () => readonly ServerExtension[] };
    assert.notEqual(copy.hostExtensions, hostExtensions, 'a separate module instance');
    installHostExtensions([extension('shared')]);
    assert.deepEqual(copy.hostExtensions().map((item) => item.name), ['shared']);
  });
});
