// A tool call's abort signal, made the first time something reads it. Most tools never do (a
// store read finishes long before any budget), and linking a signal to the request's costs an
// AbortController and a listener on every call; so until someone asks, the call only remembers
// why it stopped. Read or not, the signal a tool gets is aborted when the client's request is
// (cancelled, or the client went away) or when the call's time budget runs out.

export class CallSignal {
  readonly #request: () => AbortSignal;
  #controller: AbortController | undefined;
  /** Why the call was stopped here (its time budget), if it was. */
  #stoppedBy: { reason: unknown } | undefined;
  /** The request signal this call listens to, while it does. */
  #listeningTo: AbortSignal | undefined;
  #released = false;
  readonly #cancel = () => this.#controller?.abort(this.#listeningTo?.reason);

  /** `request` gives the request's signal; it is called only when the call's signal is first read. */
  constructor(request: () => AbortSignal) {
    this.#request = request;
  }

  /** The call's signal; linked to the request's while the call runs. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      const controller = new AbortController();
      this.#controller = controller;
      if (this.#stoppedBy !== undefined) controller.abort(this.#stoppedBy.reason);
      else if (!this.#released) {
        const request = this.#request();
        if (request.aborted) controller.abort(request.reason);
        else {
          request.addEventListener('abort', this.#cancel, { once: true });
          this.#listeningTo = request;
        }
      }
    }
    return this.#controller.signal;
  }

  /** Stops the call (its time budget ran out): the signal, read now or later, is aborted with `reason`. */
  stop(reason: unknown): void {
    this.#stoppedBy ??= { reason };
    this.#controller?.abort(reason);
  }

  /** The call is over: stop listening to the request (a signal read later is no longer linked to it). */
  release(): void {
    this.#released = true;
    this.#listeningTo?.removeEventListener('abort', this.#cancel);
    this.#listeningTo = undefined;
  }
}
