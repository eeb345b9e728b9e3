// Integrity protection of multi-round-trip `requestState` (protocol revision 2026-07-28): the
// state travels through the client and comes back as attacker-controlled input, so it is sealed
// with an HMAC key every instance shares and bound to the caller and the method that minted it.
import { createRequestStateCodec, type JSONObject, type RequestStateCodec, type ServerContext } from '@modelcontextprotocol/server';

/** How long a sealed state stays valid: one human answer to an elicitation, with some slack. */
export const REQUEST_STATE_TTL_SECONDS = 600;

/**
 * The codec for `key`, or undefined without a key. State minted for one caller (the verified
 * caller id the endpoint passes as `authInfo.clientId`) or one method is refused for any other.
 */
export function createRequestStateSeal(key: string | undefined): RequestStateCodec<JSONObject> | undefined {
  if (key === undefined) return undefined;
  return createRequestStateCodec<JSONObject>({
    key,
    ttlSeconds: REQUEST_STATE_TTL_SECONDS,
    bind: (ctx) => `${ctx.mcpReq.method}\0${ctx.http?.authInfo?.clientId ?? ''}`,
  });
}

/**
 * The server's `requestState.verify` hook: the codec's verify, or, without a key, a refusal of
 * every echoed state (the SDK answers it with -32602 before any handler runs).
 */
export function requestStateVerifier(codec: RequestStateCodec<JSONObject> | undefined) {
  if (codec) return (state: string, ctx: ServerContext) => codec.verify(state, ctx);
  return async (): Promise<never> => {
    throw new Error('no_request_state_key');
  };
}
