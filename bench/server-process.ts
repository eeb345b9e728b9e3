// Starts one server under test as a child process (pinned to a core with taskset when the
// machine has it), waits until it says it is ready, and stops it. The same code starts our
// local host and the reference servers, so every server gets the same treatment.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export interface LaunchSpec {
  /** Node script (compiled JS), relative to the repository root. */
  script: string;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: readonly string[];
  env: Readonly<Record<string, string>>;
  /** Output that means the server is ready for requests. */
  ready: RegExp;
}

export interface RunningServer {
  readonly pid: number;
  readonly port: number;
  output(): string;
  /** SIGTERM, then wait for the exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

export const HAS_TASKSET = spawnSync('sh', ['-c', 'command -v taskset'], { stdio: 'ignore' }).status === 0;

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released for the server to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Pins this process (every thread) to `core`; returns false where taskset is missing. */
export function pinSelf(core: number): boolean {
  if (!HAS_TASKSET) return false;
  return spawnSync('taskset', ['-a', '-cp', String(core), String(process.pid)], { stdio: 'ignore' }).status === 0;
}

/** Spawns the server (no waiting): for cold-start timing, which polls the port itself. */
export function launch(spec: LaunchSpec, port: number, core: number | undefined): { child: ChildProcess; server: RunningServer } {
  const command = [process.execPath, ...(spec.nodeArgs ?? []), spec.script];
  const pinned = HAS_TASKSET && core !== undefined ? ['taskset', '-c', String(core), ...command] : command;
  const child = spawn(pinned[0] as string, pinned.slice(1), {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', ...spec.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const server: RunningServer = {
    // taskset execs node in place, so the child's pid is the server's.
    pid: child.pid ?? -1,
    port,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  return { child, server };
}

/** Spawns the server and resolves once its output matches `spec.ready`. */
export async function startServer(spec: LaunchSpec, core: number | undefined): Promise<RunningServer> {
  const { child, server } = launch(spec, await freePort(), core);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${spec.script} was not ready within 60 s:\n${server.output()}`)), 60_000);
    const check = () => {
      if (!spec.ready.test(server.output())) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolve();
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${spec.script} exited with ${code} before it was ready:\n${server.output()}`));
    });
  });
  return server;
}
