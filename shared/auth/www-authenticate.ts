// The WWW-Authenticate header of a refused MCP request (RFC 6750 §3 with RFC 9728's
// resource_metadata): it points the client at the protected-resource metadata and, when a token
// was sent, says only invalid_token or insufficient_scope. The precise reason stays in the log.

export type BearerChallengeError =
  | { error: 'invalid_token' }
  /** `scope` is what the client should request, e.g. `api://contoso-mcp/MCP.Access`. */
  | { error: 'insufficient_scope'; scope: string };

/**
 * `Bearer resource_metadata="…"`, plus `, error="invalid_token"` or
 * `, error="insufficient_scope", scope="…"`; no error when the request carried no token.
 */
export function wwwAuthenticate(resourceMetadataUrl: string, failure?: BearerChallengeError): string {
  const params = [`resource_metadata=${quote(resourceMetadataUrl)}`];
  if (failure) params.push(`error=${quote(failure.error)}`);
  if (failure?.error === 'insufficient_scope') params.push(`scope=${quote(failure.scope)}`);
  return `Bearer ${params.join(', ')}`;
}

/** An HTTP quoted-string (RFC 9110 §5.6.4); control characters are dropped. */
function quote(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this drops
  return `"${value.replace(/[\u0000-\u001f\u007f]/g, '').replace(/["\\]/g, '\\$&')}"`;
}
