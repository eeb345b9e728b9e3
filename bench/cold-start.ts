// Cold start: time from spawning a server process to the first successful tools/call answer,
// polling its port every few milliseconds. Our local host listens early and holds requests
// until the app is loaded, so the poll measures process start + module load + app setup.
import { performance } from 'node:perf_hooks';
import { Http1Connection } from './load/http1-connection.js';
import { checkMcpResponse, serializeMcpRequest, type McpCall } from './load/mcp-requests.js';
import { freePort, launch, type LaunchSpec } from './server-process.js';

export interface ColdStartTarget {
  spec: LaunchSpec;
  path: string;
  call: McpCall;
  headers?: Readonly<Record<string, string>>;
}

const POLL_MS = 2;
const TIMEOUT_MS = 60_000;

/** Milliseconds from spawn to the first good tools/call response; the server is stopped afterwards. */
export async function measureColdStart(target: ColdStartTarget, core: number | undefined): Promise<number> {
  const port = await freePort();
  const request = serializeMcpRequest({ host: '127.0.0.1', port, path: target.path, ...(target.headers ? { headers: target.headers } : {}) }, target.call);
  const started = performance.now();
  const { server } = launch(target.spec, port, core);
  let lastError = 'no answer';
  try {
    while (performance.now() - started < TIMEOUT_MS) {
      try {
        const connection = await Http1Connection.open('127.0.0.1', port);
        const response = await connection.send(request).finally(() => connection.close());
        const problem = checkMcpResponse(target.call, response);
        if (problem === undefined) return performance.now() - started;
        lastError = problem;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new Error(`${target.spec.script} gave no good tools/call answer within ${TIMEOUT_MS} ms (last: ${lastError})\n${server.output()}`);
  } finally {
    await server.stop();
  }
}
