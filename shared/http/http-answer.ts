// A complete HTTP answer as plain data: status, headers and a text body. Handlers build these
// for every answer they know in full (JSON results and refusals), so a host can write one
// without building web Response objects; toWebResponse gives the web form where one is needed.

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The whole body ('' for none); bytes when they were encoded ahead (answers replayed as they
   * are), or byte parts in order, so a large part encoded once is written as it is, never copied.
   */
  readonly body: string | Uint8Array | readonly Uint8Array[];
}

/** A JSON answer of already serialized `json`. */
export function jsonAnswer(status: number, json: HttpAnswer['body'], headers: Readonly<Record<string, string>> = {}): HttpAnswer {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: json };
}

/** The body as one string or one run of bytes (parts are joined: a copy, for hosts that need one body). */
export function wholeBody(body: HttpAnswer['body']): string | Uint8Array {
  return Array.isArray(body) ? Buffer.concat(body as readonly Uint8Array[]) : (body as string | Uint8Array);
}

/** The same answer as a web Response (no body for 204, 304 and empty bodies). */
export function toWebResponse(answer: HttpAnswer): Response {
  const body = wholeBody(answer.body);
  const bodyless = answer.status === 204 || answer.status === 304 || body.length === 0;
  return new Response(bodyless ? null : (body as string | Uint8Array<ArrayBuffer>), { status: answer.status, headers: answer.headers });
}

/** The body as text (bytes decoded as UTF-8). */
export function answerText(answer: HttpAnswer): string {
  const body = wholeBody(answer.body);
  return typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
}
