// Tests of the DomainError base: stable codes, readable names, details and cause kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError, NotFoundError, UnavailableError } from '../../../shared/errors/domain-error.js';
import { DOMAIN_ERROR_CASES } from './domain-errors.fixture.js';

describe('DomainError', () => {
  it('gives each subclass its code and its class name as name', () => {
    for (const { error, code } of DOMAIN_ERROR_CASES) {
      assert.ok(error instanceof DomainError && error instanceof Error);
      assert.equal(error.code, code);
      assert.equal(error.name, error.constructor.name);
    }
  });

  it('builds NotFoundError messages and details from the entity and id', () => {
    const error = new NotFoundError('Customer', 4242);

    assert.equal(error.message, 'Customer 4242 was not found');
    assert.deepEqual(error.details, { entity: 'Customer', id: 4242 });
  });

  it('keeps the cause and defaults details to an empty object', () => {
    const cause = new Error('ECONNREFUSED');
    const error = new UnavailableError('store unreachable', undefined, { cause });

    assert.equal(error.cause, cause);
    assert.deepEqual(error.details, {});
  });
});
