// Small zod building blocks for settings that arrive as environment strings.
// Each parser states what it expects, so a bad value yields a message a person can act on.
import * as z from 'zod';
import { isCalendarDate } from '../time/calendar.js';

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

/** Like booleanSetting, but absent → undefined, for defaults that depend on where the app runs. */
export const optionalBooleanSetting = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === '') return undefined;
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no'].includes(value)) return false;
    ctx.addIssue({ code: 'custom', message: 'expected true or false' });
    return z.NEVER;
  });

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

/** A decimal number within [0, 1] (`0.25`, `1`); absent → the default. */
export function ratioSetting(defaultValue: number) {
  return z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return defaultValue;
      const parsed = /^(?:0|1|0?\.\d+|1\.0*)$/.test(value) ? Number(value) : Number.NaN;
      if (!(parsed >= 0 && parsed <= 1)) {
        ctx.addIssue({ code: 'custom', message: 'expected a number from 0 to 1 (e.g. 0.25)' });
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
    if (isCalendarDate(value)) return value;
    ctx.addIssue({ code: 'custom', message: 'expected a calendar date as YYYY-MM-DD' });
    return z.NEVER;
  });

/** A secret of at least `minLength` characters; absent or blank → undefined. Never echoed. */
export function secretSetting(minLength: number) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      const trimmed = value?.trim();
      if (trimmed === undefined || trimmed === '') return undefined;
      if (trimmed.length >= minLength) return trimmed;
      ctx.addIssue({ code: 'custom', message: `expected a secret of at least ${minLength} characters` });
      return z.NEVER;
    });
}

/** An optional non-empty string; blank → undefined. */
export const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An absolute URL; `http:` only where `allowHttp` says so (every host, or loopback hosts only).
 * With `originOnly`, the URL may carry no path, query or fragment and is returned as its origin
 * (`scheme://host[:port]`, no trailing slash); otherwise it is returned as given.
 */
export function urlSetting(options: { allowHttp: 'any' | 'loopback'; originOnly: boolean }) {
  const expected = `${options.allowHttp === 'any' ? 'an http(s)' : 'an https (or loopback http)'} URL${options.originOnly ? ' with no path, query or fragment' : ''}`;
  return z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return undefined;
      const url = URL.canParse(value) ? new URL(value) : undefined;
      const httpAllowed = url !== undefined && (options.allowHttp === 'any' || LOOPBACK_HOSTS.has(url.hostname));
      const schemeOk = url !== undefined && (url.protocol === 'https:' || (url.protocol === 'http:' && httpAllowed));
      const shapeOk =
        url !== undefined &&
        url.username === '' &&
        url.password === '' &&
        (!options.originOnly || (url.pathname === '/' && url.search === '' && url.hash === '' && !value.includes('?') && !value.includes('#')));
      if (!url || !schemeOk || !shapeOk) {
        ctx.addIssue({ code: 'custom', message: `expected ${expected}` });
        return z.NEVER;
      }
      return options.originOnly ? url.origin : url.href;
    });
}

/**
 * A comma-separated list whose every item matches `pattern` (described by `what`); absent or
 * empty → undefined (the caller picks a default). Items are trimmed; `lowerCase` folds them.
 */
export function patternListSetting(pattern: RegExp, what: string, lowerCase = false) {
  return listSetting.transform((items, ctx) => {
    if (items === undefined) return undefined;
    const bad = items.filter((item) => !pattern.test(item));
    if (bad.length > 0) {
      ctx.addIssue({ code: 'custom', message: `expected a comma-separated list of ${what}` });
      return z.NEVER;
    }
    return lowerCase ? items.map((item) => item.toLowerCase()) : items;
  });
}

/** One value matching `pattern` (described by `what`); absent or blank → undefined. */
export function patternSetting(pattern: RegExp, what: string) {
  return optionalString.transform((value, ctx) => {
    if (value === undefined || pattern.test(value)) return value;
    ctx.addIssue({ code: 'custom', message: `expected ${what}` });
    return z.NEVER;
  });
}
