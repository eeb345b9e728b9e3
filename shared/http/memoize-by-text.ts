// A function of one string whose answers are kept, for values clients repeat on every request (a
// header, a request target): at most `maxEntries` answers (all dropped when it is full), and only
// for values up to `maxLength` characters, so odd or hostile values never grow it.

export interface TextMemoLimits {
  maxEntries: number;
  maxLength: number;
}

export function memoizeByText<T>(compute: (text: string) => T, limits: TextMemoLimits): (text: string) => T {
  const kept = new Map<string, T>();
  return (text) => {
    if (text.length > limits.maxLength) return compute(text);
    const hit = kept.get(text);
    if (hit !== undefined || kept.has(text)) return hit as T;
    const answer = compute(text);
    if (kept.size >= limits.maxEntries) kept.clear();
    kept.set(text, answer);
    return answer;
  };
}
