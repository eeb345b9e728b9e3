// The authentication step's answers: a 503 whose Retry-After is the key source's own estimate,
// and refusals whose precise reason (lifetime_too_long, issued_in_future, …) reaches the security
// log while the client sees only invalid_token.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerText } from '../../../shared/http/http-answer.js';
import { createRequestAuthenticator } from '../../../shared/auth/authenticate-request.js';
import type { AccessTokenVerifier, VerificationFailure } from '../../../shared/auth/verify-access-token.js';
import { developmentPrincipal } from '../../../shared/identity/principal.js';
import { createLogger } from '../../../shared/telemetry/logger.js';

const METADATA_URL = 'https://mcp.contoso.com/.well-known/oauth-protected-resource/api/mcp';

function authenticatorAnswering(failure: VerificationFailure) {
  const lines: string[] = [];
  const verify: AccessTokenVerifier = async () => failure;
  const authenticate = createRequestAuthenticator({
    verify,
    developmentIdentity: developmentPrincipal([]),
    resourceMetadataUrl: METADATA_URL,
    scopeHint: 'api://contoso-mcp/MCP.Access',
    logger: createLogger({ level: 'info', sink: (_level, line) => lines.push(line) }),
  });
  const request = new Request('https://mcp.contoso.com/api/mcp', { method: 'POST', headers: { authorization: 'Bearer abc.def.ghi' } });
  return { run: () => authenticate(request), lines };
}

describe('createRequestAuthenticator', () => {
  it('answers keys that cannot be read with 503 and the seconds until the next fetch as Retry-After', async () => {
    const { run, lines } = authenticatorAnswering({ ok: false, status: 503, error: 'temporarily_unavailable', reason: 'jwks_unavailable', retryAfterSeconds: 17 });
    const result = await run();
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.answer.status, 503);
    assert.equal(result.answer.headers['retry-after'], '17');
    assert.equal(result.answer.headers['www-authenticate'] ?? null, null);
    assert.match(lines.join('\n'), /"reason":"jwks_unavailable"/);
  });

  for (const reason of ['lifetime_too_long', 'issued_in_future'] as const) {
    it(`answers ${reason} with 401 invalid_token, the reason only in the log`, async () => {
      const { run, lines } = authenticatorAnswering({ ok: false, status: 401, error: 'invalid_token', reason });
      const result = await run();
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.answer.status, 401);
      assert.equal(result.answer.headers['www-authenticate'] ?? null, `Bearer resource_metadata="${METADATA_URL}", error="invalid_token"`);
      assert.doesNotMatch(answerText(result.answer), new RegExp(reason));
      assert.match(lines.join('\n'), new RegExp(`"reason":"${reason}"`));
    });
  }
});
