// Sends one fuzz case to the running host, with fetch or byte for byte over a socket, and
// returns what came back. Every request is abandoned after HANG_LIMIT_MS: a hang is a finding.
import net from 'node:net';
import { DEFAULT_HEADERS, MCP_PATH, byteLength, type FetchCase, type FuzzCase, type SocketCase, type TokenName } from './corpus/fuzz-case.js';

export const HANG_LIMIT_MS = 10_000;

export type Answer =
  | { kind: 'response'; status: number; contentType: string | null; body: string }
  | { kind: 'closed'; detail: string }
  | { kind: 'timeout' }
  | { kind: 'unsendable'; detail: string };

export interface Target {
  host: string;
  port: number;
  tokens: Readonly<Record<TokenName, string>>;
}

export function sendCase(fuzzCase: FuzzCase, target: Target): Promise<Answer> {
  return fuzzCase.via === 'fetch' ? sendWithFetch(fuzzCase, target) : sendOnSocket(fuzzCase, target);
}

function fill(text: string, target: Target, bodyLength: number): string {
  return text
    .replaceAll('{{token}}', target.tokens.valid)
    .replaceAll('{{host}}', `${target.host}:${target.port}`)
    .replaceAll('{{port}}', String(target.port))
    .replaceAll('{{length}}', String(bodyLength));
}

/** The Authorization value a case carries, or undefined for none. */
function authorization(fuzzCase: FuzzCase, target: Target): string | undefined {
  const { auth } = fuzzCase;
  if (auth === 'none') return undefined;
  if (typeof auth === 'object') return fill(auth.header, target, 0);
  return `Bearer ${target.tokens[auth]}`;
}

async function sendWithFetch(fuzzCase: FetchCase, target: Target): Promise<Answer> {
  const length = byteLength(fuzzCase.body);
  let headers: Headers;
  try {
    headers = new Headers();
    for (const [name, value] of Object.entries({ ...DEFAULT_HEADERS, ...fuzzCase.headers })) {
      if (value !== null) headers.set(name, fill(value, target, length));
    }
    const auth = authorization(fuzzCase, target);
    if (auth !== undefined) headers.set('authorization', auth);
  } catch (error) {
    return { kind: 'unsendable', detail: String(error) };
  }
  const url = `http://${target.host}:${target.port}${fill(fuzzCase.path ?? MCP_PATH, target, length)}`;
  try {
    const response = await fetch(url, {
      method: fuzzCase.method,
      headers,
      ...(fuzzCase.body === undefined ? {} : { body: typeof fuzzCase.body === 'string' ? fuzzCase.body : new Uint8Array(fuzzCase.body) }),
      signal: AbortSignal.timeout(HANG_LIMIT_MS),
    });
    const body = await response.text();
    return { kind: 'response', status: response.status, contentType: response.headers.get('content-type'), body };
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return { kind: 'timeout' };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (cause?.code && /ECONNRESET|UND_ERR_SOCKET|EPIPE|UND_ERR_CLOSED/.test(cause.code)) return { kind: 'closed', detail: cause.code };
    return { kind: 'unsendable', detail: `${String(error)} ${cause?.message ?? ''}` };
  }
}

function sendOnSocket(fuzzCase: SocketCase, target: Target): Promise<Answer> {
  const body = fuzzCase.body === undefined ? Buffer.alloc(0) : Buffer.from(fuzzCase.body);
  const auth = authorization(fuzzCase, target);
  const lines = fuzzCase.head
    .map((line) => (line === '{{auth}}' ? (auth === undefined ? '' : `Authorization: ${auth}`) : fill(line, target, body.length)))
    .filter((line) => line !== '');
  const request = Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), body]);
  return new Promise((resolve) => {
    const received: Buffer[] = [];
    let settled = false;
    const socket = net.connect(target.port, target.host);
    const finish = (answer: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), HANG_LIMIT_MS);
    socket.on('connect', () => {
      socket.write(request);
      if (fuzzCase.halfClose) socket.end();
      const { abortAfterMs } = fuzzCase;
      if (abortAfterMs !== undefined) setTimeout(() => finish({ kind: 'closed', detail: `we dropped the connection after ${abortAfterMs} ms` }), abortAfterMs);
    });
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      const parsed = parseHttpResponse(Buffer.concat(received), false);
      if (parsed) finish(parsed);
    });
    socket.on('error', () => {});
    socket.on('close', () => finish(parseHttpResponse(Buffer.concat(received), true) ?? { kind: 'closed', detail: `${received.length} chunks, no complete response` }));
  });
}

/** The first final (non-1xx) HTTP/1.1 response in `data`, or undefined while incomplete. */
export function parseHttpResponse(data: Buffer, ended: boolean): Answer | undefined {
  let rest = data;
  for (;;) {
    const headEnd = rest.indexOf('\r\n\r\n');
    if (headEnd < 0) return undefined;
    const [statusLine = '', ...headerLines] = rest.subarray(0, headEnd).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(statusLine)?.[1] ?? NaN);
    if (Number.isNaN(status)) return ended ? { kind: 'closed', detail: `not HTTP: ${statusLine.slice(0, 60)}` } : undefined;
    const headers = new Map<string, string>();
    for (const line of headerLines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const payload = rest.subarray(headEnd + 4);
    if (status >= 100 && status < 200) {
      rest = payload;
      continue;
    }
    const answer = (bytes: Buffer): Answer => ({ kind: 'response', status, contentType: headers.get('content-type') ?? null, body: bytes.toString('utf8') });
    if (status === 204 || status === 304) return answer(Buffer.alloc(0));
    if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) {
      const decoded = dechunk(payload);
      return decoded ? answer(decoded) : ended ? answer(payload) : undefined;
    }
    const length = headers.get('content-length');
    if (length !== undefined) return payload.length >= Number(length) ? answer(payload.subarray(0, Number(length))) : ended ? answer(payload) : undefined;
    return ended ? answer(payload) : undefined;
  }
}

function dechunk(data: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', offset);
    if (lineEnd < 0) return undefined;
    const size = parseInt(data.subarray(offset, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return undefined;
    if (size === 0) return Buffer.concat(parts);
    if (data.length < lineEnd + 2 + size + 2) return undefined;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
}
