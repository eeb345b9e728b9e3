// Azure Blob Storage for tests: Azurite (a devDependency) started as a child process on a free
// loopback port, in memory, through its JS entry on the repo's Node 22, and the connection
// string, settings or config that point the Blob conversation store at it. Azurite has no
// programmatic API; the process says where it listens on stdout.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BlobConversationsConfig } from '../../shared/config/config.js';
import type { DependencyPolicySettings } from '../../shared/resilience/dependency-policy.js';

/** Azurite's published well-known development account and key (public, test use only). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** A Blob policy for tests: 5 s per attempt, 3 attempts a few ms apart, a breaker that stays closed. */
export const TEST_BLOB_POLICY: DependencyPolicySettings = { timeoutMs: 5_000, retry: { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 20 }, breaker: { failureThreshold: 100, halfOpenAfterMs: 50 } };

const BLOB_ENTRY = path.resolve('node_modules/azurite/dist/src/blob/main.js');
const NODE_22 = path.resolve('node_modules/.bin/node');
const LISTENING = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/;
const START_TIMEOUT_MS = 30_000;

export interface AzuriteBlob {
  /** `http://127.0.0.1:<port>/devstoreaccount1`. */
  readonly blobEndpoint: string;
  /** An explicit connection string (UseDevelopmentStorage=true is fixed to port 10000). */
  readonly connectionString: string;
  /** Settings for a process (the local host) whose conversations live here, in `container`. */
  env(container?: string): Record<string, string>;
  /** A Blob conversation store config on a new container (or the one `overrides` names). */
  config(overrides?: Partial<BlobConversationsConfig>): BlobConversationsConfig;
  /** Stops Azurite (again: harmless); everything it held is gone. */
  stop(): Promise<void>;
}

export async function startAzuriteBlob(): Promise<AzuriteBlob> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'contoso-azurite-'));
  const child = spawn(
    NODE_22,
    [BLOB_ENTRY, '--blobHost', '127.0.0.1', '--blobPort', '0', '--inMemoryPersistence', '--extentMemoryLimit', '64', '--disableTelemetry', '--skipApiVersionCheck', '--loose', '--silent'],
    { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let port: number;
  try {
    port = await listeningPort(child);
  } catch (error) {
    await stopChild(child);
    fs.rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  const blobEndpoint = `http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`;
  const connectionString = `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=${blobEndpoint};`;
  let containers = 0;
  const nextContainer = () => `conversations-${(containers += 1)}`;
  return {
    blobEndpoint,
    connectionString,
    env: (container = nextContainer()) => ({ CONVERSATIONS_CONNECTION_STRING: connectionString, CONVERSATIONS_CONTAINER: container }),
    config: (overrides = {}) => ({
      kind: 'blob',
      account: { auth: 'connection-string', connectionString, setting: 'CONVERSATIONS_CONNECTION_STRING' },
      containerName: nextContainer(),
      createContainer: true,
      retentionDays: 30,
      policy: TEST_BLOB_POLICY,
      ...overrides,
    }),
    async stop() {
      await stopChild(child);
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** Resolves with the port Azurite reports, or rejects when it exits or stays silent too long. */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Azurite did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = LISTENING.exec(output);
      if (match) done(Number(match[1]));
    };
    const onExit = (code: number | null) => fail(new Error(`Azurite exited (${code}) before listening:\n${output}`));
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining its output so a chatty Azurite never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.resume();
    };
    const done = (port: number) => {
      cleanup();
      resolve(port);
    };
    const fail = (error: Error) => {
      cleanup();
      reject(error);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', onExit);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(killer);
}
