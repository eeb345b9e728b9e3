// A header reader over a Node request's raw header list, with web Headers semantics (names
// match case-insensitively, repeated headers are joined with ", "), so the direct lane reads
// exactly what a web Request built from the same request would show, without building one.
import type http from 'node:http';
import type { HeaderReader } from '../../shared/http/request-head.js';

export function rawHeaderReader(req: http.IncomingMessage): HeaderReader {
  const raw = req.rawHeaders;
  // The names in lower case, made on the first read: a request's headers are read several times.
  let names: string[] | undefined;
  return {
    get(name) {
      const wanted = name.toLowerCase();
      names ??= lowerCaseNames(raw);
      let value: string | null = null;
      for (let index = 0; index < names.length; index++) {
        if (names[index] !== wanted) continue;
        const item = raw[index * 2 + 1]!;
        value = value === null ? item : `${value}, ${item}`;
      }
      return value;
    },
  };
}

function lowerCaseNames(raw: readonly string[]): string[] {
  const names = new Array<string>(raw.length >> 1);
  for (let index = 0; index < names.length; index++) names[index] = raw[index * 2]!.toLowerCase();
  return names;
}
