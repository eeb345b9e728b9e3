// Starts the real local host (`dist/app/local-host.js`, the bundle `npm start` runs, built by
// `npm test`) as a child process on a free port with its own temporary DATA_DIR, and stops it
// afterwards. End-to-end tests talk to it over real HTTP, exactly as a client would.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateLocalIssuer, type MintOptions } from '../../shared/auth/local-issuer.js';
import { LOCAL_TENANT_ID } from '../../shared/identity/principal.js';

/** Every app role, as tokens carry them (the defaults of WRITE_ROLE, SECURITY_ROLE, ADMIN_ROLE). */
export const ALL_APP_ROLES = ['support.write', 'security', 'admin'] as const;
export const LOCAL_AUDIENCE = 'api://contoso-mcp-local';

export interface LocalHostProcess {
  baseUrl: string;
  mcpUrl: string;
  functionKey: string;
  dataDir: string;
  /** A token from the host's own local issuer (same key file); every role unless told otherwise. */
  mintToken(overrides?: Partial<MintOptions>): Promise<string>;
  /** `{ authorization: 'Bearer …' }` for a token with `roles` (default: every role). */
  authHeaders(roles?: readonly string[]): Promise<Record<string, string>>;
  output(): string;
  /** Sends `signal` to the running host without waiting for anything (e.g. SIGUSR2 to a preloaded hook). */
  signal(signal: NodeJS.Signals): void;
  /** Sends `signal` (e.g. SIGKILL, to simulate a recycled instance) and waits for the exit; DATA_DIR is kept. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Stops the host; its DATA_DIR is removed unless `keepData` (then read it, then stop() again). */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export const TEST_ANCHOR_DATE = '2026-06-15';

export interface LocalHostOptions {
  /** Node options before the script (e.g. --import hooks). */
  nodeArgs?: readonly string[];
  /** The function app's root (its package.json "main" is what the host loads); default: this repo. */
  appRoot?: string;
}

export async function startLocalHost(env: Record<string, string> = {}, options: LocalHostOptions = {}): Promise<LocalHostProcess> {
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'contoso-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), path.resolve('dist/app/local-host.js')], {
    cwd: options.appRoot ?? process.cwd(),
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      DATA_DIR: dataDir,
      SEED_ANCHOR_DATE: TEST_ANCHOR_DATE,
      LOCAL_FUNCTION_KEY: 'test-function-key',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`local host did not start in 30 s:\n${output}`)), 30_000);
    const check = () => {
      const match = /MCP endpoint\s+(http:\/\/127\.0\.0\.1:\d+)\/api\/mcp/.exec(output);
      if (match?.[1] && output.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local host exited with ${code} before it was ready:\n${output}`));
    });
  });
  const keyFile = env.LOCAL_ISSUER_KEY_FILE ?? path.join(dataDir, 'local-issuer-key.json');
  const mintToken = async (overrides: Partial<MintOptions> = {}) => {
    const issuer = await loadOrCreateLocalIssuer(keyFile, { now: () => new Date() });
    return issuer.mint({
      sub: 'e2e-tester',
      tid: LOCAL_TENANT_ID,
      roles: [...ALL_APP_ROLES],
      scope: 'MCP.Access',
      audience: LOCAL_AUDIENCE,
      expiresInSeconds: 3600,
      ...overrides,
    });
  };
  return {
    baseUrl,
    mcpUrl: `${baseUrl}/api/mcp`,
    mintToken,
    async authHeaders(roles = ALL_APP_ROLES) {
      return { authorization: `Bearer ${await mintToken({ roles })}` };
    },
    functionKey: env.LOCAL_FUNCTION_KEY ?? 'test-function-key',
    dataDir,
    output: () => output,
    signal(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
    async stop(options = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
