// A conversation store that refuses every operation with UnavailableError: what the app runs with
// until a real adapter (embedded or Blob, #14) is wired into createAppServices. Expert turns then
// fail with a clear UNAVAILABLE error, and /api/ready can say why, instead of keeping memory in
// process (which would be lost between instances and restarts).
import { UnavailableError } from '../errors/domain-error.js';
import type { ConversationStore } from './conversation-store.js';

const REASON = 'the conversation store is not configured in this build';

export function createUnavailableConversationStore(): ConversationStore {
  const refuse = (): Promise<never> => Promise.reject(new UnavailableError(`Conversations are unavailable: ${REASON}`, { dependency: 'conversations' }));
  return {
    kind: 'embedded',
    create: refuse,
    get: refuse,
    append: refuse,
    prune: refuse,
    close: () => Promise.resolve(),
    check: () => Promise.resolve({ name: 'conversations', status: 'down', detail: REASON }),
  };
}
