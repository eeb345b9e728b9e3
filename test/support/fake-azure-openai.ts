// A scripted stand-in for the Azure OpenAI data plane (chat completions and embeddings) on a
// loopback node:http server, for the real openai client to talk to. Each request is recorded
// (method, path, api-version, auth headers, parsed body) and answered by the script: a reply
// per chat call, in order, or an error status, or "hold" (never answers until the client aborts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The key tests configure as AZURE_OPENAI_API_KEY. */
export const FAKE_OPENAI_KEY = 'test-key-0123456789abcdef';

/** The azure_openai policy's pauses at milliseconds, so retries cost tests no time (attempts and breaker as deployed). */
const FAST_RETRIES = { AZURE_OPENAI_RETRY_INITIAL_DELAY_MS: '1', AZURE_OPENAI_RETRY_MAX_DELAY_MS: '20' };

export interface RecordedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  apiVersion: string | null;
  apiKey: string | undefined;
  authorization: string | undefined;
  body: ChatBody;
}

/** The parts of a chat-completions body the tests read. */
export interface ChatBody {
  model?: string;
  messages: Array<{ role: string; content: string | null; tool_call_id?: string; tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }> }>;
  tools?: Array<{ type: string; function: { name: string; description: string; parameters: Record<string, unknown> } }>;
  tool_choice?: string;
  parallel_tool_calls?: boolean;
  input?: string[];
}

export type ScriptedReply =
  | { kind: 'text'; text: string }
  | { kind: 'tools'; calls: Array<{ name: string; args: Record<string, unknown> | string }>; text?: string }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'hold' };

export const reply = {
  text: (text: string): ScriptedReply => ({ kind: 'text', text }),
  tools: (...calls: Array<{ name: string; args: Record<string, unknown> | string }>): ScriptedReply => ({ kind: 'tools', calls }),
  status: (status: number, body?: unknown): ScriptedReply => ({ kind: 'status', status, body }),
  hold: (): ScriptedReply => ({ kind: 'hold' }),
};

/** Decides the reply to a chat request (e.g. from the tool results it carries). */
export type ChatScript = (body: ChatBody, index: number) => ScriptedReply;

export interface FakeAzureOpenAi {
  endpoint: string;
  /** Settings that point the app at this stand-in with an API key (and millisecond retry pauses). */
  env(extra?: Record<string, string>): Record<string, string>;
  /** Answers the next chat calls with these replies, in order (then: "no scripted reply", 500). */
  queue(...replies: ScriptedReply[]): void;
  /** Answers every chat call with `script` (replaces the queue). */
  script(script: ChatScript | undefined): void;
  /** Embeds with `embedder` (default: letterVector); undefined restores the default. */
  embedWith(embedder: ((text: string) => number[]) | undefined): void;
  /** Answers embeddings requests with this status instead (undefined: answer normally). */
  failEmbeddings(status: number | undefined): void;
  /** Every request so far. */
  readonly requests: RecordedRequest[];
  /** The chat requests (not embeddings), in order. */
  chatRequests(): RecordedRequest[];
  /** Forgets the recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeAzureOpenAi(): Promise<FakeAzureOpenAi> {
  const requests: RecordedRequest[] = [];
  let queued: ScriptedReply[] = [];
  let script: ChatScript | undefined;
  let chats = 0;
  let embedder: (text: string) => number[] = letterVector;
  let embeddingsStatus: number | undefined;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as ChatBody;
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        apiVersion: url.searchParams.get('api-version'),
        apiKey: req.headers['api-key'] as string | undefined,
        authorization: req.headers.authorization,
        body,
      });
      if (url.pathname.endsWith('/embeddings')) {
        if (embeddingsStatus !== undefined) return sendJson(res, embeddingsStatus, { error: { message: `status ${embeddingsStatus}` } });
        return sendJson(res, 200, embeddingsOf(body.input ?? [], embedder));
      }
      const index = chats++;
      const next = script ? script(body, index) : (queued.shift() ?? reply.status(500, { error: { message: 'no scripted reply' } }));
      answer(res, next, body.model ?? 'model', index);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    env: (extra = {}) => ({ AZURE_OPENAI_ENDPOINT: endpoint, AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat-test', AZURE_OPENAI_API_KEY: FAKE_OPENAI_KEY, ...FAST_RETRIES, ...extra }),
    queue: (...replies) => {
      script = undefined;
      queued.push(...replies);
    },
    script: (next) => {
      queued = [];
      script = next;
    },
    embedWith: (next) => {
      embedder = next ?? letterVector;
    },
    failEmbeddings: (status) => {
      embeddingsStatus = status;
    },
    requests,
    chatRequests: () => requests.filter((request) => request.path.endsWith('/chat/completions')),
    reset: () => {
      requests.length = 0;
      queued = [];
      script = undefined;
      chats = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function answer(res: http.ServerResponse, scripted: ScriptedReply, model: string, index: number): void {
  if (scripted.kind === 'hold') return; // the client's abort closes the socket
  if (scripted.kind === 'status') return sendJson(res, scripted.status, scripted.body ?? { error: { message: `status ${scripted.status}` } }, scripted.headers);
  const toolCalls =
    scripted.kind === 'tools'
      ? scripted.calls.map((call, i) => ({
          id: `call_${index}_${i}`,
          type: 'function',
          function: { name: call.name, arguments: typeof call.args === 'string' ? call.args : JSON.stringify(call.args) },
        }))
      : undefined;
  const content = scripted.kind === 'text' ? scripted.text : (scripted.text ?? null);
  sendJson(res, 200, {
    id: `chatcmpl-${index}`,
    object: 'chat.completion',
    created: 1_780_000_000,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, ...(toolCalls ? { tool_calls: toolCalls } : {}) }, finish_reason: toolCalls ? 'tool_calls' : 'stop' }],
    usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
  });
}

/** Deterministic, non-zero embeddings: a vector of letter frequencies (a-z), so similar texts are close. */
export function letterVector(text: string): number[] {
  const vector = Array.from({ length: 26 }, () => 0);
  for (const char of text.toLowerCase()) {
    const code = char.charCodeAt(0) - 97;
    if (code >= 0 && code < 26) vector[code] = (vector[code] ?? 0) + 1;
  }
  vector[0] = (vector[0] ?? 0) + 0.01;
  return vector;
}

function embeddingsOf(input: string[], embed: (text: string) => number[]) {
  return { object: 'list', model: 'embed', data: input.map((text, index) => ({ object: 'embedding', index, embedding: embed(text) })), usage: { prompt_tokens: 1, total_tokens: 1 } };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
