// What handlers read of a request besides its body, whichever way it arrived: a web Request
// satisfies it, and a host that has not built one (the local host's direct lane) passes a
// lighter object. Header names are looked up case-insensitively; repeated headers are joined
// with ", " as a web Headers object joins them.

export interface HeaderReader {
  get(name: string): string | null;
}

export interface RequestHead {
  readonly method: string;
  /** The absolute URL of the request. */
  readonly url: string;
  readonly headers: HeaderReader;
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal;
}

/**
 * A request head whose signal is made on first read and then kept: most direct answers finish
 * without reading it, and then cost no AbortController (nor what links it to the request). A
 * class: an object literal with a getter is built on V8's slow path.
 */
export class LazySignalHead implements RequestHead {
  readonly method: string;
  readonly url: string;
  readonly headers: HeaderReader;
  readonly #makeSignal: () => AbortSignal;
  #signal: AbortSignal | undefined;

  constructor(method: string, url: string, headers: HeaderReader, makeSignal: () => AbortSignal) {
    this.method = method;
    this.url = url;
    this.headers = headers;
    this.#makeSignal = makeSignal;
  }

  get signal(): AbortSignal {
    this.#signal ??= this.#makeSignal();
    return this.#signal;
  }
}
