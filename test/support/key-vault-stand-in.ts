// A small local stand-in for the Azure Key Vault secrets data plane, on node:http at 127.0.0.1, so
// the SDK's real SecretClient can be tested (there is no Key Vault emulator). It speaks what
// getSecret uses: the bearer challenge (401 + WWW-Authenticate naming a tenant and the vault
// resource) answered by a request carrying a token, `GET /secrets/{name}/[{version}]?api-version=…`,
// and the service's JSON error shapes (404 SecretNotFound). Tests set and rotate values, make
// reads fail with a status or hang, and count requests. Only the HTTP boundary is faked.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The tenant the challenge names (the SDK passes it to the credential). */
export const STAND_IN_TENANT_ID = '00000000-0000-0000-0000-00000000c0de';

/** How authorized secret reads are answered: normally, with an error status, or never. */
/** How reads are answered; `failures` limits a status mode to that many reads, then it is normal again. */
export type ReadMode = { kind: 'normal' } | { kind: 'status'; status: number; retryAfterSeconds?: number; failures?: number } | { kind: 'hang' };

export interface KeyVaultStandIn {
  /** The vault URI to give SecretClient (`http://127.0.0.1:<port>`). */
  readonly uri: string;
  /** Creates the secret or adds a new version of it; returns the version id. */
  setSecret(name: string, value: string): string;
  deleteSecret(name: string): void;
  /** How the following authorized reads are answered, until changed again. */
  setReadMode(mode: ReadMode): void;
  /** Unauthenticated requests answered with the 401 challenge. */
  readonly challenges: number;
  /** Authorized secret reads received (whatever they were answered with). */
  readonly reads: number;
  /** Authorized reads received per secret name. */
  readsOf(name: string): number;
  /** Bearer tokens presented, in order. */
  readonly tokens: readonly string[];
  close(): Promise<void>;
}

export interface KeyVaultStandInOptions {
  /** The only bearer token accepted; any non-empty token when absent. */
  acceptToken?: string;
}

/** Key Vault's error body: `{ error: { code, message } }`. */
function sendError(res: http.ServerResponse, status: number, code: string, message: string, headers: http.OutgoingHttpHeaders = {}): void {
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

/** The error code Key Vault gives with a status (`Forbidden` for 403, `Throttled` for 429 …). */
const CODES: Readonly<Record<number, string>> = { 403: 'Forbidden', 429: 'Throttled', 500: 'InternalServerError', 503: 'ServiceUnavailable' };

function challenge(res: http.ServerResponse, error?: string): void {
  const header = `Bearer authorization="https://login.microsoftonline.com/${STAND_IN_TENANT_ID}", resource="https://vault.azure.net"${error ? `, error="${error}"` : ''}`;
  sendError(res, 401, 'Unauthorized', 'AKV10000: Request is missing a Bearer or PoP token.', { 'www-authenticate': header });
}

export async function startKeyVaultStandIn(options: KeyVaultStandInOptions = {}): Promise<KeyVaultStandIn> {
  const secrets = new Map<string, { value: string; version: string; created: number }[]>();
  const readCounts = new Map<string, number>();
  const tokens: string[] = [];
  let mode: ReadMode = { kind: 'normal' };
  let challenges = 0;
  let reads = 0;
  let uri = '';

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const auth = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '');
    if (!auth?.[1]) {
      challenges += 1;
      challenge(res);
      return;
    }
    tokens.push(auth[1]);
    if (options.acceptToken !== undefined && auth[1] !== options.acceptToken) {
      challenge(res, 'invalid_token');
      return;
    }
    const route = /^\/secrets\/([0-9A-Za-z-]{1,127})\/([0-9a-f]{32})?$/.exec(url.pathname);
    if (req.method !== 'GET' || !route?.[1]) {
      sendError(res, 400, 'BadParameter', 'The request URI is not supported by this stand-in.');
      return;
    }
    if (!url.searchParams.get('api-version')) {
      sendError(res, 400, 'BadParameter', "The 'api-version' query parameter is missing.");
      return;
    }
    const name = route[1];
    reads += 1;
    readCounts.set(name, (readCounts.get(name) ?? 0) + 1);
    if (mode.kind === 'hang') return; // never answered; closed with the server
    if (mode.kind === 'status') {
      const failing = mode;
      if (failing.failures !== undefined) mode = failing.failures > 1 ? { ...failing, failures: failing.failures - 1 } : { kind: 'normal' };
      sendError(res, failing.status, CODES[failing.status] ?? 'Unknown', 'The stand-in was told to fail.', failing.retryAfterSeconds === undefined ? {} : { 'retry-after': String(failing.retryAfterSeconds) });
      return;
    }
    const versions = secrets.get(name) ?? [];
    const secret = route[2] ? versions.find((v) => v.version === route[2]) : versions.at(-1);
    if (!secret) {
      sendError(res, 404, 'SecretNotFound', `A secret with (name/id) ${name} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`);
      return;
    }
    const body = JSON.stringify({
      value: secret.value,
      id: `${uri}/secrets/${name}/${secret.version}`,
      attributes: { enabled: true, created: secret.created, updated: secret.created, recoveryLevel: 'Recoverable+Purgeable', recoverableDays: 90 },
      tags: {},
    });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  uri = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    uri,
    setSecret(name, value) {
      const version = randomBytes(16).toString('hex');
      secrets.set(name, [...(secrets.get(name) ?? []), { value, version, created: Math.floor(Date.now() / 1000) }]);
      return version;
    },
    deleteSecret: (name) => void secrets.delete(name),
    setReadMode: (next) => void (mode = next),
    get challenges() {
      return challenges;
    },
    get reads() {
      return reads;
    },
    readsOf: (name) => readCounts.get(name) ?? 0,
    tokens,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
