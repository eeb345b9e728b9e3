// Tests of the settings list: the secret list names real settings, and host.json's function
// timeout leaves room for the longest tool call the schema allows.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { MAX_TOOL_TIMEOUT_MS, SECRET_SETTINGS, SETTING_NAMES, settingsSchema } from '../../../shared/config/settings-schema.js';

/** host.json `hh:mm:ss` (optionally `d.hh:mm:ss`) as milliseconds. */
function parseTimeSpan(value: string): number {
  const match = /^(?:(\d+)\.)?(\d{2}):(\d{2}):(\d{2})$/.exec(value);
  assert.ok(match, `"${value}" is not a hh:mm:ss time span`);
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  return (((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
}

describe('settingsSchema', () => {
  it('declares every secret setting it hides', () => {
    for (const name of SECRET_SETTINGS) assert.ok(SETTING_NAMES.includes(name), `${name} is not a setting`);
  });

  it('caps TOOL_TIMEOUT_MS at MAX_TOOL_TIMEOUT_MS', () => {
    assert.equal(settingsSchema.safeParse({ TOOL_TIMEOUT_MS: String(MAX_TOOL_TIMEOUT_MS) }).success, true);
    assert.equal(settingsSchema.safeParse({ TOOL_TIMEOUT_MS: String(MAX_TOOL_TIMEOUT_MS + 1) }).success, false);
  });

  it('keeps host.json functionTimeout strictly above the longest tool timeout', () => {
    const hostJson = JSON.parse(fs.readFileSync(new URL('../../../host.json', import.meta.url), 'utf8')) as {
      functionTimeout?: unknown;
    };
    assert.equal(typeof hostJson.functionTimeout, 'string', 'host.json must set functionTimeout');

    const functionTimeoutMs = parseTimeSpan(hostJson.functionTimeout as string);
    assert.ok(
      functionTimeoutMs > MAX_TOOL_TIMEOUT_MS,
      `functionTimeout ${functionTimeoutMs} ms must exceed MAX_TOOL_TIMEOUT_MS ${MAX_TOOL_TIMEOUT_MS} ms`,
    );
  });

  it('reads host.json time spans as hours, minutes and seconds', () => {
    assert.equal(parseTimeSpan('00:10:00'), 600_000);
    assert.equal(parseTimeSpan('01:00:30'), 3_630_000);
    assert.equal(parseTimeSpan('1.00:00:00'), 86_400_000);
  });
});
