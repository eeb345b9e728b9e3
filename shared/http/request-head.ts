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
