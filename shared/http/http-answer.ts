// A complete HTTP answer as plain data: status, headers and a text body. Handlers build these
// for every answer they know in full (JSON results and refusals), so a host can write one
// without building web Response objects; toWebResponse gives the web form where one is needed.

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The whole body ('' for none); bytes when they were encoded ahead (answers replayed as they are). */
  readonly body: string | Uint8Array;
}

/** A JSON answer of already serialized `json`. */
export function jsonAnswer(status: number, json: string | Uint8Array, headers: Readonly<Record<string, string>> = {}): HttpAnswer {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: json };
}

/** The same answer as a web Response (no body for 204, 304 and empty bodies). */
export function toWebResponse(answer: HttpAnswer): Response {
  const bodyless = answer.status === 204 || answer.status === 304 || answer.body.length === 0;
  return new Response(bodyless ? null : (answer.body as string | Uint8Array<ArrayBuffer>), { status: answer.status, headers: answer.headers });
}

/** The body as text (bytes decoded as UTF-8). */
export function answerText(answer: HttpAnswer): string {
  return typeof answer.body === 'string' ? answer.body : Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength).toString('utf8');
}
