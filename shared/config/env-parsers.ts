// Small zod building blocks for settings that arrive as environment strings.
// Each parser states what it expects, so a bad value yields a message a person can act on.
import * as z from 'zod';

/** `true`/`false`/`1`/`0`/`yes`/`no` (case-insensitive); absent → the default. */
export function booleanSetting(defaultValue: boolean) {
  return z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return defaultValue;
      if (['true', '1', 'yes'].includes(value)) return true;
      if (['false', '0', 'no'].includes(value)) return false;
      ctx.addIssue({ code: 'custom', message: 'expected true or false' });
      return z.NEVER;
    });
}

/** A whole number within [min, max]; absent → the default. */
export function integerSetting(defaultValue: number, min: number, max: number) {
  return z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return defaultValue;
      const parsed = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
        ctx.addIssue({ code: 'custom', message: `expected a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return parsed;
    });
}

/** A comma-separated list of non-empty strings; absent or empty → undefined (caller picks a default). */
export const listSetting = z
  .string()
  .optional()
  .transform((value) => {
    if (value === undefined) return undefined;
    const items = value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
    return items.length > 0 ? items : undefined;
  });

/** A calendar date `YYYY-MM-DD` that exists; absent → undefined. */
export const isoDateSetting = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === '') return undefined;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
    if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      ctx.addIssue({ code: 'custom', message: 'expected a calendar date as YYYY-MM-DD' });
      return z.NEVER;
    }
    return value;
  });

/** An optional non-empty string; blank → undefined. */
export const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));
