// A local stand-in for the Application Insights ingestion endpoint: an HTTPS server on 127.0.0.1
// with a throwaway certificate that accepts what the Azure Monitor exporter POSTs to /v2.1/track
// (a JSON array of envelopes, gzipped) and keeps every envelope. Point a connection string's
// IngestionEndpoint at it and trust its certificate in the sending process (NODE_EXTRA_CA_CERTS).
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createThrowawayCertificate } from './throwaway-certificate.js';

/** One telemetry item as the exporter sends it (the Breeze schema). */
export interface Envelope {
  name: string;
  iKey?: string;
  time?: string;
  sampleRate?: number;
  tags?: Record<string, string>;
  data?: { baseType?: string; baseData?: Record<string, unknown> & { properties?: Record<string, unknown> } };
}

export interface IngestionStandIn {
  /** The origin to put in IngestionEndpoint (https://127.0.0.1:<port>/). */
  readonly endpoint: string;
  /** A file holding the certificate, for NODE_EXTRA_CA_CERTS. */
  readonly caFile: string;
  /** Every envelope received so far. */
  readonly envelopes: Envelope[];
  /** The raw bodies received (decompressed), to search for what must not be there. */
  readonly bodies: string[];
  /** Paths POSTed to (the exporter uses /v2.1/track). */
  readonly paths: string[];
  /** Resolves once `done(envelopes)` holds, checking after each batch; rejects after `timeoutMs`. */
  until(done: (envelopes: Envelope[]) => boolean, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export async function startIngestionStandIn(): Promise<IngestionStandIn> {
  const { cert, key } = createThrowawayCertificate();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contoso-ingestion-'));
  const caFile = path.join(dir, 'ca.pem');
  fs.writeFileSync(caFile, cert);
  const envelopes: Envelope[] = [];
  const bodies: string[] = [];
  const paths: string[] = [];
  const waiters = new Set<() => void>();
  const server = https.createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      paths.push(req.url ?? '');
      const raw = Buffer.concat(chunks);
      let received = 0;
      try {
        const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
        bodies.push(text);
        const parsed = JSON.parse(text) as Envelope | Envelope[];
        const items = Array.isArray(parsed) ? parsed : [parsed];
        envelopes.push(...items);
        received = items.length;
      } catch {
        // not an envelope batch (some other client call): answered all the same
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: received, itemsAccepted: received, errors: [] }));
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${port}/`,
    caFile,
    envelopes,
    bodies,
    paths,
    until(done, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!done(envelopes)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the expected telemetry did not arrive within ${timeoutMs} ms; received ${envelopes.length} envelopes: ${[...new Set(envelopes.map((e) => e.data?.baseType))].join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
