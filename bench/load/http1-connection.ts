// One keep-alive HTTP/1.1 connection over a raw TCP socket that sends pre-serialised requests
// one at a time (no pipelining). The load generator opens `concurrency` of these; each is a
// closed-loop client that sends its next request as soon as the previous answer is complete.
//
// Every socket reads into one shared, reused buffer (`onread`): Node's default read path
// allocates and zero-fills a fresh 64 KiB buffer per read, and with 51 KB answers that
// allocation and the garbage collection it caused took about 40 % of the load generator's CPU.
// Reads are handled one at a time on this thread, so one buffer serves every connection.
import net from 'node:net';
import { ResponseReader, type RawResponse } from './http1-response.js';

const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

export interface SendOptions {
  /** Keep the body of a 200 answer (other statuses keep theirs); off, only its length is counted. */
  keepBody?: boolean;
}

export class Http1Connection {
  private readonly reader = new ResponseReader();
  private keepBody = true;
  private waiting: { resolve: (response: RawResponse) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;

  private constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('connection closed by the server')));
  }

  /** Connects to host:port; rejects on ECONNREFUSED and the like. */
  static open(host: string, port: number): Promise<Http1Connection> {
    return new Promise((resolve, reject) => {
      let connection: Http1Connection | undefined;
      const socket = net.connect({
        host,
        port,
        onread: { buffer: READ_BUFFER, callback: (bytes: number, buffer: Uint8Array) => connection?.onRead(bytes, buffer) ?? false },
      });
      socket.once('connect', () => {
        socket.off('error', reject);
        connection = new Http1Connection(socket);
        resolve(connection);
      });
      socket.once('error', reject);
    });
  }

  get usable(): boolean {
    return this.failure === undefined;
  }

  /** Writes one complete request and resolves with its response. */
  send(request: Buffer, options: SendOptions = {}): Promise<RawResponse> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.waiting) return Promise.reject(new Error('a request is already in flight on this connection'));
    this.keepBody = options.keepBody ?? true;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(request);
    });
  }

  close(): void {
    this.failure ??= new Error('connection closed');
    this.socket.destroy();
  }

  /** The `onread` callback: `bytes` of the shared buffer are valid until it returns. */
  private onRead(bytes: number, buffer: Uint8Array): boolean {
    let chunk = Buffer.from(buffer.buffer, buffer.byteOffset, bytes);
    while (chunk.length > 0 && this.failure === undefined) {
      let fed;
      try {
        fed = this.reader.feed(chunk, this.keepBody);
      } catch (error) {
        this.fail(error instanceof Error ? error : new Error(String(error)));
        this.socket.destroy();
        return false;
      }
      if (fed === undefined) break;
      chunk = fed.rest;
      const waiting = this.waiting;
      this.waiting = undefined;
      if (fed.response.close) this.close();
      waiting?.resolve(fed.response);
    }
    return true;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(error);
  }
}
