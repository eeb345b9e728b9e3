// The page cursor of keyset paging by id, shared by every store: the last id of the previous
// page, base64url-encoded (never a Cosmos continuation token, which can exceed the cursor's
// length limit). A cursor that does not decode is the caller's mistake: INVALID_ARGUMENT.
import { InvalidArgumentError } from '../errors/domain-error.js';

export function encodeCursor(afterId: number): string {
  return Buffer.from(JSON.stringify({ v: 1, after: afterId })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      parsed !== null &&
      typeof parsed === 'object' &&
      'v' in parsed &&
      parsed.v === 1 &&
      'after' in parsed &&
      Number.isSafeInteger(parsed.after) &&
      (parsed.after as number) >= 0
    ) {
      return parsed.after as number;
    }
  } catch {
    // fall through to the error below: the cursor is not ours
  }
  throw new InvalidArgumentError('cursor is not a cursor this server issued; start again without one', { field: 'cursor' });
}
