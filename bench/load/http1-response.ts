// A minimal HTTP/1.1 response parser for the load generator: status line, the few headers it
// needs, and a body framed by Content-Length or chunked encoding. Small on purpose, so that
// the client costs less CPU per request than node:http's and is not what limits the servers.

export interface RawResponse {
  status: number;
  contentType: string;
  /** The server asked to close the connection after this response. */
  close: boolean;
  body: Buffer;
}

export interface ParsedResponse {
  response: RawResponse;
  /** Bytes of the buffer this response occupied (what follows belongs to the next one). */
  consumed: number;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** Parses one complete response from the start of `buffer`, or returns undefined if more bytes are needed. */
export function parseResponse(buffer: Buffer): ParsedResponse | undefined {
  const headerEnd = buffer.indexOf(HEADER_END);
  if (headerEnd < 0) return undefined;
  const head = buffer.toString('latin1', 0, headerEnd).split('\r\n');
  const status = Number(head[0]?.split(' ')[1]);
  if (!Number.isInteger(status)) throw new Error(`not an HTTP/1.1 status line: ${head[0]}`);
  let contentLength = -1;
  let chunked = false;
  let contentType = '';
  let close = false;
  for (let i = 1; i < head.length; i++) {
    const line = head[i] ?? '';
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') contentLength = Number(value);
    else if (name === 'transfer-encoding') chunked = value.toLowerCase().includes('chunked');
    else if (name === 'content-type') contentType = value;
    else if (name === 'connection') close = value.toLowerCase() === 'close';
  }
  const bodyStart = headerEnd + HEADER_END.length;
  if (chunked) {
    const body = readChunked(buffer, bodyStart);
    return body && { response: { status, contentType, close, body: body.body }, consumed: body.end };
  }
  const length = Math.max(contentLength, 0);
  if (buffer.length < bodyStart + length) return undefined;
  return { response: { status, contentType, close, body: buffer.subarray(bodyStart, bodyStart + length) }, consumed: bodyStart + length };
}

/** Decodes a chunked body starting at `start`; undefined until the last chunk and its trailer have arrived. */
function readChunked(buffer: Buffer, start: number): { body: Buffer; end: number } | undefined {
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const lineEnd = buffer.indexOf(CRLF, at);
    if (lineEnd < 0) return undefined;
    const size = parseInt(buffer.toString('latin1', at, lineEnd).split(';')[0] ?? '', 16);
    if (Number.isNaN(size)) throw new Error('malformed chunk size');
    at = lineEnd + CRLF.length;
    if (size === 0) {
      // Skip trailer fields up to the empty line that ends the message.
      for (;;) {
        const trailerEnd = buffer.indexOf(CRLF, at);
        if (trailerEnd < 0) return undefined;
        const empty = trailerEnd === at;
        at = trailerEnd + CRLF.length;
        if (empty) return { body: parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts), end: at };
      }
    }
    if (buffer.length < at + size + CRLF.length) return undefined;
    parts.push(buffer.subarray(at, at + size));
    at += size + CRLF.length;
  }
}
