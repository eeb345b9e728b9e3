// Command-line arguments of `npm run token`, parsed and checked without side effects so that a
// mistake gets a clear message (and exit code 2) before any key is touched.
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from '../../shared/config/settings-schema.js';

/** Longest lifetime a development token may have: what the server accepts by default (24h). */
export const MAX_TOKEN_LIFETIME_SECONDS = DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;

export const USAGE = `Usage: npm run token -- [options]

Mints an access token from the local development issuer (AUTH_MODE=local) and prints it alone on
the last line of standard output.

  --roles <list>       comma-separated app roles, e.g. security,support.write
                       (default: support.read, or READ_ROLE if renamed: the read-only tools;
                       --roles "" for none)
  --tenant <tid>       tenant id (GUID) for the tid claim (default: first of ALLOWED_TENANTS)
  --sub <id>           subject (default: local-developer)
  --oid <id>           object id; becomes the caller id when given
  --expires-in <time>  lifetime: 30s, 15m, 1h, 12h or 1d, at most 24h (default: 1h)
  --scope <scopes>     space-separated scp claim (default: REQUIRED_SCOPE)
  --audience <aud>     aud claim (default: first of AUTH_AUDIENCE)
  -h, --help           show this help (to stderr)`;

export interface MintArgs {
  readonly roles: readonly string[];
  readonly tenant: string;
  readonly sub: string;
  readonly oid: string | undefined;
  readonly expiresInSeconds: number;
  readonly scope: string;
  readonly audience: string;
}

export interface MintDefaults {
  /** The read role's app role name (READ_ROLE), so a default token can read. */
  roles: readonly string[];
  tenant: string;
  scope: string;
  audience: string;
}

/** A bad argument; the message says which and what was expected. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const NAME = /^[A-Za-z0-9][\w.:-]*$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `30s`, `15m`, `1h`, `1d` → seconds; more than 24h or anything else → UsageError. */
export function parseDuration(text: string): number {
  const match = /^(\d{1,7})([smhd])$/.exec(text.trim());
  const seconds = match?.[1] && match[2] ? Number(match[1]) * (UNIT_SECONDS[match[2]] ?? 0) : Number.NaN;
  if (!(seconds > 0)) throw new UsageError(`--expires-in: expected a duration such as 30s, 15m, 1h or 12h, at most 24h (got "${text}")`);
  if (seconds > MAX_TOKEN_LIFETIME_SECONDS) throw new UsageError(`--expires-in: at most 24h (got "${text}")`);
  return seconds;
}

export function parseMintArgs(argv: readonly string[], defaults: MintDefaults): MintArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        roles: { type: 'string' },
        tenant: { type: 'string' },
        sub: { type: 'string' },
        oid: { type: 'string' },
        'expires-in': { type: 'string' },
        scope: { type: 'string' },
        audience: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const roles =
    values.roles === undefined
      ? [...defaults.roles]
      : values.roles
          .split(',')
          .map((role) => role.trim())
          .filter((role) => role !== '');
  const badRole = roles.find((role) => !NAME.test(role));
  if (badRole !== undefined) throw new UsageError(`--roles: "${badRole}" is not a role name (letters, digits, . _ : -)`);

  const tenant = (values.tenant ?? defaults.tenant).trim().toLowerCase();
  if (!GUID.test(tenant)) throw new UsageError(`--tenant: expected a tenant id (GUID) (got "${values.tenant}")`);
  const sub = (values.sub ?? 'local-developer').trim();
  if (sub === '') throw new UsageError('--sub: must not be empty');
  const oid = values.oid?.trim();
  if (oid === '') throw new UsageError('--oid: must not be empty');

  const scope = (values.scope ?? defaults.scope).trim();
  if (scope === '' || !scope.split(/ +/).every((name) => NAME.test(name))) {
    throw new UsageError(`--scope: expected space-separated scope names (got "${values.scope}")`);
  }
  const audience = (values.audience ?? defaults.audience).trim();
  if (audience === '' || /[\s,]/.test(audience)) throw new UsageError(`--audience: expected one audience (got "${values.audience}")`);

  return {
    roles,
    tenant,
    sub,
    oid,
    expiresInSeconds: parseDuration(values['expires-in'] ?? '1h'),
    scope: scope.split(/ +/).join(' '),
    audience,
  };
}
