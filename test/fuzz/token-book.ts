// The tokens fuzz cases refer to by name, minted from the host's own local issuer key: a valid
// all-roles token and the refused kinds (expired, not yet valid, wrong audience or tenant, no
// scope, a flipped signature).
import path from 'node:path';
import { loadOrCreateLocalIssuer } from '../../shared/auth/local-issuer.js';
import { LOCAL_TENANT_ID } from '../../shared/identity/principal.js';
import { ALL_APP_ROLES, LOCAL_AUDIENCE, type LocalHostProcess } from '../support/local-host-process.js';
import type { TokenName } from './corpus/fuzz-case.js';

const HOUR_MS = 3_600_000;

export async function mintTokenBook(host: LocalHostProcess): Promise<Record<TokenName, string>> {
  const keyFile = path.join(host.dataDir, 'local-issuer-key.json');
  const claims = { sub: 'fuzz', tid: LOCAL_TENANT_ID, roles: [...ALL_APP_ROLES], scope: 'MCP.Access', audience: LOCAL_AUDIENCE, expiresInSeconds: 3600 };
  const at = async (offsetMs: number) => (await loadOrCreateLocalIssuer(keyFile, { now: () => new Date(Date.now() + offsetMs) })).mint(claims);
  const valid = await host.mintToken({ sub: 'fuzz' });
  const signatureStart = valid.lastIndexOf('.') + 1;
  const flipped = valid[signatureStart + 5] === 'A' ? 'B' : 'A';
  return {
    valid,
    expired: await at(-2 * HOUR_MS),
    'not-yet-valid': await at(2 * HOUR_MS),
    'wrong-audience': await host.mintToken({ sub: 'fuzz', audience: 'api://someone-else' }),
    'wrong-tenant': await host.mintToken({ sub: 'fuzz', tid: '11111111-2222-3333-4444-555555555555' }),
    'no-scope': await host.mintToken({ sub: 'fuzz', scope: 'User.Read' }),
    tampered: `${valid.slice(0, signatureStart + 5)}${flipped}${valid.slice(signatureStart + 6)}`,
  };
}
