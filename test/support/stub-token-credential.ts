// A TokenCredential for tests against local stand-ins (Key Vault): hands out a fixed token and
// records the scopes and tenants it was asked for, so a test can see the SDK's challenge flow.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';

export interface StubTokenCredential extends TokenCredential {
  /** The scopes of every getToken call, in order. */
  readonly requests: readonly { scopes: readonly string[]; tenantId: string | undefined }[];
}

export function stubTokenCredential(token = 'stub-access-token'): StubTokenCredential {
  const requests: { scopes: readonly string[]; tenantId: string | undefined }[] = [];
  return {
    requests,
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
      requests.push({ scopes: typeof scopes === 'string' ? [scopes] : [...scopes], tenantId: options?.tenantId });
      return { token, expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
}
