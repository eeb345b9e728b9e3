// Key identities (kid plus key material) and the static key source of the local issuer.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { keyIdentities, staticKeySource } from '../../../shared/auth/key-source.js';
import { createTestKey, type TestKey } from '../../support/test-issuer.js';

let keyA: TestKey;
let keyB: TestKey;
let otherA: TestKey;

describe('keyIdentities', () => {
  before(async () => {
    keyA = await createTestKey('a');
    keyB = await createTestKey('b');
    otherA = await createTestKey('a');
  });

  it('names each kid with a digest of its key material; keys without a kid have none', () => {
    const identities = keyIdentities({ keys: [keyA.publicJwk, keyB.publicJwk, { ...keyB.publicJwk, kid: undefined }] });
    assert.deepEqual([...identities.keys()], ['a', 'b']);
    assert.match(identities.get('a') ?? '', /^a#[\w-]{43}$/);
  });

  it('is the same for the same key in another set, and differs for other material under the same kid', () => {
    const once = keyIdentities({ keys: [keyA.publicJwk] }).get('a');
    assert.equal(keyIdentities({ keys: [keyB.publicJwk, { ...keyA.publicJwk, use: 'sig', alg: 'RS256' }] }).get('a'), once);
    assert.notEqual(keyIdentities({ keys: [otherA.publicJwk] }).get('a'), once);
    assert.notEqual(keyIdentities({ keys: [keyA.publicJwk, otherA.publicJwk] }).get('a'), once, 'two keys under one kid');
  });
});

describe('staticKeySource', () => {
  it('resolves the keys it holds and reports their identities, forever', async () => {
    const source = staticKeySource({ keys: [keyA.publicJwk] });
    const key = await source.getKey({ alg: 'RS256', kid: 'a' }, { payload: '', signature: '' });
    assert.equal((key as CryptoKey).type, 'public');
    assert.equal(source.keyIdentity('a'), keyIdentities({ keys: [keyA.publicJwk] }).get('a'));
    assert.equal(source.keyIdentity('b'), undefined);
  });
});
