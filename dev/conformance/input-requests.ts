// Builders and readers for the multi-round-trip fixtures: the embedded requests they send and
// typed views of the responses a retried request carries (client input is untrusted, so every
// read goes through a schema or the SDK's discriminated view).
import {
  acceptedContent,
  CLIENT_CAPABILITIES_META_KEY,
  inputRequired,
  inputResponse,
  type InputRequest,
  type InputResponses,
  type JSONObject,
  type RequestStateCodec,
  type ServerContext,
} from '@modelcontextprotocol/server';
import * as z from 'zod';

/** An elicitation asking for one string field. */
export function askForText(field: string, message: string): InputRequest {
  return inputRequired.elicit({
    message,
    requestedSchema: { type: 'object', properties: { [field]: { type: 'string' } }, required: [field] },
  });
}

/** A sampling request for one short answer. */
export function askModel(text: string, maxTokens: number): InputRequest {
  return inputRequired.createMessage({ messages: [{ role: 'user', content: { type: 'text', text } }], maxTokens });
}

/** The accepted string `field` of the elicitation answered under `key`, if any. */
export function answeredText(responses: InputResponses | Record<string, unknown> | undefined, key: string, field: string): string | undefined {
  const content = acceptedContent(responses, key, z.object({ [field]: z.string() }));
  const value = content?.[field];
  return typeof value === 'string' ? value : undefined;
}

/** The text of the sampling result answered under `key`, if any. */
export function sampledText(responses: InputResponses | Record<string, unknown> | undefined, key: string): string | undefined {
  const view = inputResponse(responses, key);
  if (view.kind !== 'sampling') return undefined;
  const blocks = Array.isArray(view.result.content) ? view.result.content : [view.result.content];
  const text = blocks.find((block) => block.type === 'text');
  return text?.type === 'text' ? text.text : undefined;
}

/** The root URIs answered under `key`, if any. */
export function listedRoots(responses: InputResponses | Record<string, unknown> | undefined, key: string): string[] | undefined {
  const view = inputResponse(responses, key);
  return view.kind === 'roots' ? view.roots.map((root) => root.uri) : undefined;
}

/** Seals `payload` with the app's requestState key, bound to this caller and method. */
export function sealState(codec: RequestStateCodec<JSONObject> | undefined, payload: JSONObject, ctx: ServerContext): Promise<string> {
  if (!codec) throw new Error('MCP_REQUEST_STATE_KEY is not set, so requestState cannot be sealed');
  return codec.mint(payload, ctx);
}

const ENVELOPE_CAPABILITIES = z.object({ [CLIENT_CAPABILITIES_META_KEY]: z.record(z.string(), z.unknown()) });

/** The client capabilities the request's 2026-07-28 envelope declares (empty when none). */
export function declaredCapabilities(envelope: unknown): Record<string, unknown> {
  const parsed = ENVELOPE_CAPABILITIES.safeParse(envelope);
  return parsed.success ? parsed.data[CLIENT_CAPABILITIES_META_KEY] : {};
}
