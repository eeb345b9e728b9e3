// The protocol revisions this endpoint serves, and the wire names the fast path writes, kept here
// (rather than read from the SDK) so that answering a request need not load the SDK at all. A
// test checks each against the SDK's own exports, so they cannot drift apart.

/** 2025-era revisions, negotiated with `initialize` (the SDK's SUPPORTED_PROTOCOL_VERSIONS). */
export const LEGACY_PROTOCOL_VERSIONS: readonly string[] = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05', '2024-10-07'];

/** Revisions served through the per-request envelope (2026-07-28 era). */
export const MODERN_PROTOCOL_VERSIONS: readonly string[] = ['2026-07-28'];

export const ALL_PROTOCOL_VERSIONS: readonly string[] = [...LEGACY_PROTOCOL_VERSIONS, ...MODERN_PROTOCOL_VERSIONS];

/** JSON-RPC's invalid-params code: what "Tool … not found" is answered with. */
export const INVALID_PARAMS = -32602;

/** The result `_meta` key under which a 2026-07-28 server names itself (the SDK's SERVER_INFO_META_KEY). */
export const SERVER_INFO_META_KEY = 'io.modelcontextprotocol/serverInfo';
