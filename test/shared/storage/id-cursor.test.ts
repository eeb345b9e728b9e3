// Tests of the opaque page cursor every store uses for keyset paging by id.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../../shared/errors/domain-error.js';
import { decodeCursor, encodeCursor } from '../../../shared/storage/id-cursor.js';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('cursor', () => {
  it('round-trips the last id of a page', () => {
    assert.equal(decodeCursor(encodeCursor(0)), 0);
    assert.equal(decodeCursor(encodeCursor(1234)), 1234);
  });

  it('starts from the beginning without a cursor', () => {
    assert.equal(decodeCursor(undefined), 0);
  });

  it('is URL-safe text', () => {
    assert.match(encodeCursor(987_654_321), /^[A-Za-z0-9_-]+$/);
  });

  it('refuses cursors of another shape or version, naming the field', () => {
    const foreign = ['', 'garbage!', encode({ v: 2, after: 5 }), encode({ v: 1, after: -1 }), encode({ v: 1, after: 1.5 }),
      encode({ v: 1, after: '5' }), encode([1, 5]), encode(null)];
    for (const cursor of foreign) {
      assert.throws(
        () => decodeCursor(cursor),
        (error: unknown) => error instanceof InvalidArgumentError && error.details.field === 'cursor',
        `accepted ${JSON.stringify(cursor)}`,
      );
    }
  });
});
