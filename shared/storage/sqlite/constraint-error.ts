// Turns a SQLite uniqueness violation on a write into the domain's ConflictError, so a
// duplicate id or idempotency key reaches the caller as CONFLICT rather than an internal fault.
import Database from 'better-sqlite3';
import { ConflictError } from '../../errors/domain-error.js';

const UNIQUE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** Runs `write`; a uniqueness violation becomes ConflictError(`message`), anything else propagates. */
export function writeOrConflict<T>(write: () => T, message: string, details: Record<string, unknown> = {}): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof Database.SqliteError && UNIQUE_CODES.has(error.code)) {
      throw new ConflictError(message, details, { cause: error });
    }
    throw error;
  }
}
