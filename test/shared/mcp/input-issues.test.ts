// How bad tool arguments are described back to the agent: the argument's path, and for
// enumerations, literal unions and unknown keys what is allowed or what was not expected.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { describeInputIssues } from '../../../shared/mcp/input-issues.js';

const schema = z.object({
  kind: z.enum(['a', 'b']),
  tier: z.union([z.literal(50), z.literal(100)]).optional(),
  nested: z.object({ flag: z.boolean() }).strict().optional(),
  list: z.array(z.number()).optional(),
});

function describeFor(value: unknown): string {
  const result = schema.safeParse(value);
  assert.equal(result.success, false);
  return describeInputIssues(result.error.issues);
}

describe('describeInputIssues', () => {
  it('lists the allowed values of an enumeration and of a union of literals', () => {
    assert.equal(describeFor({ kind: 'c', tier: 75 }), 'kind: expected one of "a", "b"; tier: expected one of 50, 100');
  });

  it('names unknown keys and nested paths with indexes', () => {
    assert.equal(describeFor({ kind: 'a', nested: { flag: true, extra: 1 } }), 'nested: unknown field "extra"');
    assert.match(describeFor({ kind: 'a', list: [1, 'x'] }), /^list\[1\]: /);
  });

  it('speaks of the arguments as a whole when they are not an object, and caps the count', () => {
    assert.match(describeFor('nope'), /^arguments: /);
    const many = z.object(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}`, z.string()])));
    const text = describeInputIssues(many.safeParse({}).error!.issues);
    assert.equal(text.split('; ').length, 11);
    assert.match(text, /and 2 more$/);
  });
});
