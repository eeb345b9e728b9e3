// Conversions between SQLite column values and domain values that several repos share: money
// read back rounded to cents, booleans as 0/1, arrays as JSON text, and caller limits.

/** EUR read from a REAL column, rounded to cents so sums of stored amounts stay stable. */
export function toMoney(value: number): number {
  return Math.round(value * 100) / 100 + 0; // `+ 0` turns -0 into 0
}

export function toFlag(value: boolean): number {
  return value ? 1 : 0;
}

export function fromFlag(value: number): boolean {
  return value === 1;
}

/** Parses a JSON-array column; anything else means the file was written by something else. */
export function fromJsonArray<T>(text: string, column: string): T[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) throw new TypeError(`Column ${column} does not hold a JSON array`);
  return parsed as T[];
}

/** A caller's "at most n" as a SQLite LIMIT: 0 for nothing (NaN, negative, below 1), else an integer. */
export function toRowLimit(n: number): number {
  if (!(n >= 1)) return 0;
  return Math.min(Math.floor(n), Number.MAX_SAFE_INTEGER);
}
