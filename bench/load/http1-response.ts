// A minimal, incremental HTTP/1.1 response reader for the load generator: status line, the few
// headers it needs, and a body framed by Content-Length or chunked encoding. Small on purpose,
// so that the client costs less CPU per request than node:http's and is not what limits the
// servers: it is fed the bytes of each socket read while they are valid (the connection reads
// into one reused buffer), and it copies a Content-Length body only when asked to keep it.

export interface RawResponse {
  status: number;
  contentType: string;
  /** The server asked to close the connection after this response. */
  close: boolean;
  /** The body; empty when it was not kept (a 200 whose body nobody asked to keep). */
  body: Buffer;
  /** The body's length on the wire (decoded length for chunked bodies). */
  bodyBytes: number;
}

interface ResponseHead {
  status: number;
  contentType: string;
  close: boolean;
  contentLength: number;
  chunked: boolean;
}

/** What one `feed` produced: a complete response and the bytes after it (the next response's). */
export interface FedResponse {
  response: RawResponse;
  rest: Buffer;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const EMPTY = Buffer.alloc(0);
/** A head this long without its blank line is not a response this reader can handle. */
const MAX_HEAD_BYTES = 64 * 1024;

export class ResponseReader {
  /** Bytes of a head not yet complete (copied: the caller's buffer is reused after `feed`). */
  private headBytes: Buffer = EMPTY;
  private head: ResponseHead | undefined;
  /** Content-Length framing: bytes still to come, and the body copy when it is kept. */
  private remaining = 0;
  private body: Buffer | undefined;
  /** Chunked framing: every body byte so far (copied), decoded when the last chunk is in. */
  private chunkedBytes: Buffer = EMPTY;

  /**
   * Feeds bytes that are valid only during this call. Returns the response once it is complete,
   * with the bytes that follow it; undefined while more bytes are needed. `keepBody` asks for
   * the body of a 200 (other statuses always keep theirs, for the error message).
   */
  feed(chunk: Buffer, keepBody: boolean): FedResponse | undefined {
    let bytes = chunk;
    if (this.head === undefined) {
      const joined = this.headBytes.length === 0 ? bytes : Buffer.concat([this.headBytes, bytes]);
      const headerEnd = joined.indexOf(HEADER_END);
      if (headerEnd < 0) {
        if (joined.length > MAX_HEAD_BYTES) throw new Error(`no end of the response head within ${MAX_HEAD_BYTES} bytes`);
        this.headBytes = Buffer.from(joined);
        return undefined;
      }
      this.headBytes = EMPTY;
      const head = parseHead(joined.toString('latin1', 0, headerEnd));
      this.head = head;
      bytes = joined.subarray(headerEnd + HEADER_END.length);
      if (!head.chunked) {
        this.remaining = head.contentLength;
        this.body = keepBody || head.status !== 200 ? Buffer.allocUnsafe(head.contentLength) : undefined;
      }
    }
    return this.head.chunked ? this.feedChunked(this.head, bytes) : this.feedLength(this.head, bytes);
  }

  private feedLength(head: ResponseHead, bytes: Buffer): FedResponse | undefined {
    const taken = Math.min(this.remaining, bytes.length);
    if (this.body !== undefined) bytes.copy(this.body, head.contentLength - this.remaining, 0, taken);
    this.remaining -= taken;
    if (this.remaining > 0) return undefined;
    const body = this.body ?? EMPTY;
    this.body = undefined;
    return this.complete(head, body, head.contentLength, bytes.subarray(taken));
  }

  private feedChunked(head: ResponseHead, bytes: Buffer): FedResponse | undefined {
    this.chunkedBytes = Buffer.concat([this.chunkedBytes, bytes]);
    const decoded = readChunked(this.chunkedBytes, 0);
    if (decoded === undefined) return undefined;
    const rest = this.chunkedBytes.subarray(decoded.end);
    this.chunkedBytes = EMPTY;
    return this.complete(head, decoded.body, decoded.body.length, rest);
  }

  private complete(head: ResponseHead, body: Buffer, bodyBytes: number, rest: Buffer): FedResponse {
    this.head = undefined;
    return { response: { status: head.status, contentType: head.contentType, close: head.close, body, bodyBytes }, rest };
  }
}

function parseHead(text: string): ResponseHead {
  const lines = text.split('\r\n');
  const status = Number(lines[0]?.split(' ')[1]);
  if (!Number.isInteger(status)) throw new Error(`not an HTTP/1.1 status line: ${lines[0]}`);
  const head: ResponseHead = { status, contentType: '', close: false, contentLength: 0, chunked: false };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') head.contentLength = contentLength(value);
    else if (name === 'transfer-encoding') head.chunked = value.toLowerCase().includes('chunked');
    else if (name === 'content-type') head.contentType = value;
    else if (name === 'connection') head.close = value.toLowerCase() === 'close';
  }
  return head;
}

function contentLength(value: string): number {
  const length = Number(value);
  if (!Number.isSafeInteger(length) || length < 0) throw new Error(`invalid Content-Length: ${value}`);
  return length;
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
