// A header reader over a Node request's raw header list, with web Headers semantics (names
// match case-insensitively, repeated headers are joined with ", "), so the direct lane reads
// exactly what a web Request built from the same request would show, without building one.
import type http from 'node:http';
import type { HeaderReader } from '../../shared/http/request-head.js';

export function rawHeaderReader(req: http.IncomingMessage): HeaderReader {
  const raw = req.rawHeaders;
  return {
    get(name) {
      const wanted = name.toLowerCase();
      let value: string | null = null;
      for (let index = 0; index < raw.length; index += 2) {
        if (raw[index]!.toLowerCase() !== wanted) continue;
        const item = raw[index + 1]!;
        value = value === null ? item : `${value}, ${item}`;
      }
      return value;
    },
  };
}
