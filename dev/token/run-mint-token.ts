// `npm run token`: mints a development access token from the local issuer, using the same
// settings and key file as the server (so AUTH_MODE=local accepts it). Explanations go to
// stderr; the token is printed alone on the last line of stdout, ready for $(…) capture.
import { LOCAL_ISSUER_ID, loadOrCreateLocalIssuer } from '../../shared/auth/local-issuer.js';
import type { AuthConfig } from '../../shared/config/config.js';
import { ConfigError, loadConfig } from '../../shared/config/load-config.js';
import { systemClock } from '../../shared/time/clock.js';
import { parseMintArgs, USAGE, UsageError, type MintArgs } from './mint-args.js';

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  const { auth } = loadConfig(process.env);
  const args = parseMintArgs(argv, {
    roles: [auth.roles.read],
    tenant: auth.allowedTenants[0] ?? '',
    scope: auth.requiredScope,
    audience: auth.audiences[0] ?? '',
  });
  const issuer = await loadOrCreateLocalIssuer(auth.localIssuerKeyFile, { now: () => systemClock.now() });
  const token = await issuer.mint({
    sub: args.sub,
    ...(args.oid ? { oid: args.oid } : {}),
    tid: args.tenant,
    roles: args.roles,
    scope: args.scope,
    audience: args.audience,
    expiresInSeconds: args.expiresInSeconds,
  });
  const expires = new Date(systemClock.now().getTime() + args.expiresInSeconds * 1000).toISOString();
  const notes = [
    `Development token from ${LOCAL_ISSUER_ID} (key ${auth.localIssuerKeyFile})`,
    `  sub ${args.sub}${args.oid ? `, oid ${args.oid}` : ''} · tenant ${args.tenant} · roles ${args.roles.join(', ') || '(none)'}`,
    `  scp ${args.scope} · aud ${args.audience} · expires ${expires}`,
    ...warnings(args, auth),
    'Send it as: Authorization: Bearer <token>',
  ];
  process.stderr.write(`${notes.join('\n')}\n`);
  process.stdout.write(`${token}\n`);
  return 0;
}

/** What would make the server refuse or ignore parts of this token, said up front. */
function warnings(args: MintArgs, auth: AuthConfig): string[] {
  const out: string[] = [];
  if (auth.mode !== 'local' && auth.mode !== 'passthrough') {
    out.push(`  warning: AUTH_MODE is ${auth.mode}; the server only accepts these tokens in local (or passthrough) mode`);
  }
  if (!auth.allowedTenants.includes(args.tenant)) out.push(`  warning: tenant ${args.tenant} is not in ALLOWED_TENANTS (the server will answer 403)`);
  if (!auth.audiences.includes(args.audience)) out.push(`  warning: audience ${args.audience} is not in AUTH_AUDIENCE (the server will answer 401)`);
  if (args.expiresInSeconds > auth.maxTokenLifetimeSeconds) {
    out.push(`  warning: lifetime over MAX_TOKEN_LIFETIME_SECONDS (${auth.maxTokenLifetimeSeconds} s; the server will answer 401)`);
  }
  if (!args.scope.split(' ').includes(auth.requiredScope)) {
    out.push(`  warning: scope lacks ${auth.requiredScope} (the server will answer 403 insufficient_scope)`);
  }
  if (args.roles.length === 0) {
    out.push(`  note: no roles; tools that need one (reading needs ${auth.roles.read}) are neither listed nor callable`);
  }
  const known: string[] = Object.values(auth.roles);
  const unknown = args.roles.filter((role) => !known.includes(role));
  if (unknown.length > 0) out.push(`  note: ${unknown.join(', ')} map to no tool role (the app roles are ${known.join(', ')})`);
  return out;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`Could not mint a token: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
