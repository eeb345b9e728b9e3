// Tool schemas as clients see them: zod's JSON Schema without the root `$schema` declaration
// and without the ±(2^53 − 1) bounds zod puts on integers; everything else, other bounds
// included, stays as zod emits it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { forClients } from '../../../shared/mcp/client-json-schema.js';

describe('forClients', () => {
  it('drops the dialect and the safe-integer bounds, at any depth', () => {
    const schema = z.object({
      customer_id: z.number().int(),
      items: z.array(z.object({ quantity: z.number().int(), minimum: z.string() })),
      nullable: z.number().int().nullable(),
    });
    const emitted = z.toJSONSchema(schema) as Record<string, unknown>;
    const text = JSON.stringify(emitted);
    assert.match(text, /"\$schema"/);
    assert.match(text, /9007199254740991/);
    const tidy = forClients(emitted);
    assert.deepEqual(tidy, {
      type: 'object',
      properties: {
        customer_id: { type: 'integer' },
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: { quantity: { type: 'integer' }, minimum: { type: 'string' } },
            required: ['quantity', 'minimum'],
            additionalProperties: false,
          },
        },
        nullable: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
      },
      required: ['customer_id', 'items', 'nullable'],
      additionalProperties: false,
    });
  });

  it('keeps every other bound, and leaves numbers that are not integers alone', () => {
    const schema = z.object({
      page: z.number().int().min(1).max(100),
      id: z.number().int().positive(),
      amount: z.number().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
    });
    const tidy = forClients(z.toJSONSchema(schema)) as { properties: Record<string, unknown> };
    assert.deepEqual(tidy.properties.page, { type: 'integer', minimum: 1, maximum: 100 });
    // An integer bound at ±(2^53 − 1) goes whoever set it: it says nothing JSON can carry.
    assert.deepEqual(tidy.properties.id, { type: 'integer', exclusiveMinimum: 0 });
    assert.deepEqual(tidy.properties.amount, { type: 'number', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER });
  });
});
