// Content the conformance fixtures return: a 1×1 PNG, a minimal WAV and small result builders.
// The suite checks shapes (type, mimeType, data present), not the pixels or samples.
import type { CallToolResult } from '@modelcontextprotocol/server';

/** A 1×1 red PNG, base64. */
export const TEST_IMAGE_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

/** A WAV header with one silent sample, base64. */
export const TEST_AUDIO_BASE64 = 'UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=';

/** A tool result holding one text block. */
export function textResult(text: string): CallToolResult {
  return { content: [{ type: 'text', text }] };
}

/** Waits `ms` milliseconds (the suite expects visible gaps between streamed notifications). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
