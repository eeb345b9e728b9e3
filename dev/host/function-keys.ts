// Function-key checks for `authLevel: 'function'` routes, as the real host does them: the key
// comes in the `x-functions-key` header or the `code` query parameter.
import { randomBytes, timingSafeEqual } from 'node:crypto';

export function generateFunctionKey(): string {
  return randomBytes(24).toString('base64url');
}

export function hasValidFunctionKey(request: Request, expected: string): boolean {
  const presented = request.headers.get('x-functions-key') ?? new URL(request.url).searchParams.get('code');
  if (presented === null) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
