// The cached JSON Schema wrapper: the schema zod emits as clients see it (forClients), computed
// once, frozen, and validation still done by zod.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { withCachedJsonSchema } from '../../../shared/mcp/cached-json-schema.js';
import { forClients } from '../../../shared/mcp/client-json-schema.js';

describe('withCachedJsonSchema', () => {
  const schema = z.object({ customer_id: z.number().int().min(1), limit: z.number().default(5) });

  it('returns the JSON Schema zod produces as clients see it, the same frozen object every time', () => {
    const wrapped = withCachedJsonSchema(schema);
    const options = { target: 'draft-2020-12' } as const;
    const first = wrapped['~standard'].jsonSchema.input(options);
    assert.deepEqual(first, forClients(schema['~standard'].jsonSchema.input(options)));
    assert.equal(first.$schema, undefined);
    assert.equal(wrapped['~standard'].jsonSchema.input(options), first);
    assert.ok(Object.isFrozen(first));
    assert.notDeepEqual(wrapped['~standard'].jsonSchema.output(options), first, 'input and output are cached apart');
  });

  it('validates through zod, defaults included', async () => {
    const wrapped = withCachedJsonSchema(schema);
    const ok = await wrapped['~standard'].validate({ customer_id: 3 });
    assert.deepEqual(ok, { value: { customer_id: 3, limit: 5 } });
    const bad = await wrapped['~standard'].validate({ customer_id: 'x' });
    assert.ok('issues' in bad && bad.issues?.[0]?.path?.[0] === 'customer_id');
  });

  it('passes values through unparsed when they were already validated', async () => {
    const wrapped = withCachedJsonSchema(schema, { alreadyValidated: true });
    const value = { customer_id: 3, limit: 5 };
    assert.deepEqual(await wrapped['~standard'].validate(value), { value });
  });
});
