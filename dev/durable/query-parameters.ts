// Reads the query string of an RPC request the way the extension does (HttpApiHandler): names are
// case-insensitive, a repeated name joins its values with commas, a value that does not parse is
// as if absent. One difference: durable-functions puts the terminate/suspend/resume reason into
// the URL unencoded and last, so the reason is everything after `reason=`, decoded leniently.
import { RUNTIME_STATUSES, type RuntimeStatus } from './durable-store.js';

export interface QueryParameters {
  /** The value of `name` (repeated values joined by commas), or undefined. */
  get(name: string): string | undefined;
  boolean(name: string): boolean | undefined;
  /** A time, as an ISO string. */
  time(name: string): string | undefined;
  /** Runtime statuses from a comma-separated list; names that are not statuses are skipped. */
  statuses(name: string): RuntimeStatus[] | undefined;
  /** Everything after `name=` to the end of the query (see above). */
  trailing(name: string): string | undefined;
}

/**
 * Percent-decodes what decodes (runs of %XX forming UTF-8) and leaves the rest as it is: a client
 * that does not encode may send a lone `%`.
 */
export function decodeLeniently(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/giu, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

export function parseQuery(rawQuery: string): QueryParameters {
  const query = rawQuery.startsWith('?') ? rawQuery.slice(1) : rawQuery;
  const values = new Map<string, string[]>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const name = decodeLeniently((at < 0 ? pair : pair.slice(0, at)).replaceAll('+', ' ')).toLowerCase();
    const value = at < 0 ? '' : decodeLeniently(pair.slice(at + 1).replaceAll('+', ' '));
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  const get = (name: string) => values.get(name.toLowerCase())?.join(',');
  return {
    get,
    boolean(name) {
      const value = get(name)?.trim().toLowerCase();
      return value === 'true' ? true : value === 'false' ? false : undefined;
    },
    time(name) {
      const value = get(name);
      const time = value === undefined ? Number.NaN : Date.parse(value);
      return Number.isNaN(time) ? undefined : new Date(time).toISOString();
    },
    statuses(name) {
      const listed = (get(name) ?? '').split(',').map((value) => value.trim());
      const statuses = RUNTIME_STATUSES.filter((status) => listed.includes(status));
      return statuses.length > 0 ? statuses : undefined;
    },
    trailing(name) {
      const match = new RegExp(`(?:^|&)${name}=`, 'iu').exec(query);
      return match === null ? undefined : decodeLeniently(query.slice(match.index + match[0].length));
    },
  };
}
