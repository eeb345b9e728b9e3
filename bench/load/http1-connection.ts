// One keep-alive HTTP/1.1 connection over a raw TCP socket that sends pre-serialised requests
// one at a time (no pipelining). The load generator opens `concurrency` of these; each is a
// closed-loop client that sends its next request as soon as the previous answer is complete.
import net from 'node:net';
import { parseResponse, type RawResponse } from './http1-response.js';

export class Http1Connection {
  private pending: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (response: RawResponse) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;

  private constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('connection closed by the server')));
  }

  /** Connects to host:port; rejects on ECONNREFUSED and the like. */
  static open(host: string, port: number): Promise<Http1Connection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port });
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new Http1Connection(socket));
      });
      socket.once('error', reject);
    });
  }

  get usable(): boolean {
    return this.failure === undefined;
  }

  /** Writes one complete request and resolves with its response. */
  send(request: Buffer): Promise<RawResponse> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.waiting) return Promise.reject(new Error('a request is already in flight on this connection'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(request);
    });
  }

  close(): void {
    this.failure ??= new Error('connection closed');
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    let parsed;
    try {
      parsed = parseResponse(this.pending);
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      this.socket.destroy();
      return;
    }
    if (!parsed) return;
    this.pending = this.pending.subarray(parsed.consumed);
    const waiting = this.waiting;
    this.waiting = undefined;
    if (parsed.response.close) this.close();
    waiting?.resolve(parsed.response);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(error);
  }
}
