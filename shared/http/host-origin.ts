// DNS-rebinding protection: the Host header must name this server and a browser's Origin must
// be one we allow. createMcpHandler has neither check, so the endpoint applies these first.
// Host entries: `name` (any port) or `name:port`. Origin entries: `scheme://host[:port]`,
// where the port `*` matches any port.
import { memoizeByText } from './memoize-by-text.js';

function splitHostPort(hostHeader: string): { host: string; port: string | undefined } {
  const value = hostHeader.trim().toLowerCase();
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    if (end < 0) return { host: value, port: undefined };
    const rest = value.slice(end + 1);
    return { host: value.slice(0, end + 1), port: rest.startsWith(':') ? rest.slice(1) : undefined };
  }
  const colon = value.lastIndexOf(':');
  return colon < 0 ? { host: value, port: undefined } : { host: value.slice(0, colon), port: value.slice(colon + 1) };
}

type HostRule = ReturnType<typeof splitHostPort>;

function matchesHostRules(hostHeader: string | null, rules: readonly HostRule[]): boolean {
  if (hostHeader === null || hostHeader.trim() === '') return false;
  const { host, port } = splitHostPort(hostHeader);
  return rules.some((rule) => rule.host === host && (rule.port === undefined || rule.port === port));
}

export function isHostAllowed(hostHeader: string | null, allowed: readonly string[]): boolean {
  return matchesHostRules(hostHeader, allowed.map(splitHostPort));
}

/** isHostAllowed for a fixed allow-list: its rules parsed once, and verdicts kept per Host value (clients repeat theirs). */
export function hostAllowList(allowed: readonly string[]): (hostHeader: string | null) => boolean {
  const rules = allowed.map(splitHostPort);
  const verdict = memoizeByText((hostHeader) => matchesHostRules(hostHeader, rules), { maxEntries: 64, maxLength: 256 });
  return (hostHeader) => hostHeader !== null && verdict(hostHeader);
}

/** True when there is no Origin (non-browser clients) or it matches an allowed origin. */
export function isOriginAllowed(origin: string | null, allowed: readonly string[]): boolean {
  if (origin === null) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin === 'null') return false;
  const scheme = url.protocol;
  const host = url.hostname.toLowerCase();
  const port = url.port || (scheme === 'https:' ? '443' : scheme === 'http:' ? '80' : '');
  return allowed.some((entry) => {
    const match = /^(https?:)\/\/(\[[^\]]+\]|[^:/]+)(?::(\*|\d+))?$/.exec(entry.trim().toLowerCase());
    if (!match) return false;
    const [, ruleScheme, ruleHost, rulePort] = match;
    const wantedPort = rulePort ?? (ruleScheme === 'https:' ? '443' : '80');
    return ruleScheme === scheme && ruleHost === host && (wantedPort === '*' || wantedPort === port);
  });
}
