// Arguments that break each tool's schema, field by field, for every tool in the registry:
// wrong types, out-of-range values, missing required fields, unknown extra fields and huge
// values; plus wrong types for the whole arguments object. The tool's own schema decides.
import { CONTOSO_TOOLS } from '../../../shared/tools/registry.js';
import type { FuzzCase } from './fuzz-case.js';
import { allToolFields, argumentsWith, REMOVE_FIELD, toolCase, type FieldSchema } from './tool-fields.js';
import { validArguments, type Json } from './requests.js';

type Variant = [string, Json];

function wrongTypes(schema: FieldSchema): Variant[] {
  const all: Variant[] = [
    ['a string', '1'],
    ['a number', 1],
    ['a boolean', true],
    ['null', null],
    ['an array', [1]],
    ['an object', { value: 1 }],
  ];
  const own = schema.type === 'integer' ? 'number' : schema.type;
  return all.filter(([, value]) => (value === null ? true : Array.isArray(value) ? own !== 'array' : typeof value !== own));
}

function outOfRange(schema: FieldSchema): Variant[] {
  const variants: Variant[] = [];
  if (schema.type === 'integer' || schema.type === 'number') {
    if (schema.minimum !== undefined) variants.push(['below the minimum', schema.minimum - 1]);
    if (schema.exclusiveMinimum !== undefined) variants.push(['at the exclusive minimum', schema.exclusiveMinimum], ['negative', -0.01]);
    if (schema.maximum !== undefined) variants.push(['above the maximum', schema.maximum + 1]);
    if (schema.type === 'integer') variants.push(['a fraction', 1.5]);
    variants.push(['1e308', 1e308], ['-1e308', -1e308]);
  }
  if (schema.type === 'string') {
    if (schema.minLength !== undefined && schema.minLength > 0) variants.push(['too short', 'x'.repeat(schema.minLength - 1)]);
    if (schema.minLength !== undefined) variants.push(['only spaces', ' '.repeat(Math.max(schema.minLength, 3))]);
    if (schema.maxLength !== undefined) variants.push(['one over maxLength', 'x'.repeat(schema.maxLength + 1)]);
    if (schema.enum) {
      const first = typeof schema.enum[0] === 'string' ? schema.enum[0] : JSON.stringify(schema.enum[0]);
      variants.push(['an enum value in capitals', first.toUpperCase()], ['an enum value with a space', ` ${first}`], ['an unknown enum value', 'unknown']);
    }
    if (schema.pattern?.includes('\\d{4}')) {
      variants.push(['not a date', 'not-a-date'], ['30 February', '2026-02-30'], ['month 13', '2026-13-01'], ['year zero', '0000-00-00'], ['short form', '2026-1-1'], ['date-time', '2026-05-01T00:00:00Z']);
    } else if (schema.pattern) {
      variants.push(['a space inside', 'has space'], ['non-ASCII', 'ключ-🔑']);
    }
    variants.push(['100,000 characters', 'x'.repeat(100_000)]);
  }
  if (schema.anyOf) variants.push(['a value not in the union', 75], ['a union value as a string', '100'], ['a fraction', 100.5]);
  if (schema.type === 'object') variants.push(['empty', {}], ['an unknown field', { unknown_field: true }], ['10,000 unknown fields', Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`f${i}`, i]))]);
  if (schema.type === 'boolean') variants.push(['the string "true"', 'true'], ['zero', 0]);
  return variants;
}

export function toolSchemaCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const add = (found: FuzzCase | undefined) => found && cases.push(found);
  for (const field of allToolFields()) {
    const where = `${field.tool.name}.${field.path.join('.')}`;
    for (const [label, value] of [...wrongTypes(field.schema), ...outOfRange(field.schema)]) {
      add(toolCase('tool-schema', `${where} is ${label}`, field.tool, argumentsWith(field.tool, field.path, value)));
    }
    if (field.required) add(toolCase('tool-schema', `${where} missing`, field.tool, argumentsWith(field.tool, field.path, REMOVE_FIELD)));
  }
  for (const tool of CONTOSO_TOOLS) {
    const valid = validArguments(tool.name);
    const firstKey = Object.keys(valid)[0];
    add(toolCase('tool-schema', `${tool.name} with an unknown extra field`, tool, { ...valid, unknown_extra: 'x' }));
    add(toolCase('tool-schema', `${tool.name} with 1,000 unknown fields`, tool, { ...valid, ...Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`extra_${i}`, i])) }));
    if (firstKey) add(toolCase('tool-schema', `${tool.name} with ${firstKey} in capitals only`, tool, { [firstKey.toUpperCase()]: valid[firstKey] ?? null }));
    add(toolCase('tool-schema', `${tool.name} with no arguments object`, tool, {}));
    for (const [label, value] of [['an array', [valid]], ['a string', JSON.stringify(valid)], ['null', null], ['a number', 1]] as Array<[string, Json]>) {
      add(toolCase('tool-schema', `${tool.name} with arguments as ${label}`, tool, value));
    }
  }
  return cases;
}
