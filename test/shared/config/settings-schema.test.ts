// Tests of the settings list: the secret list names real settings, and the tool time budget is
// capped (host.json's functionTimeout is checked against that cap with the registrations).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_TOOL_TIMEOUT_MS, SECRET_SETTINGS, SETTING_NAMES, settingsSchema } from '../../../shared/config/settings-schema.js';

describe('settingsSchema', () => {
  it('declares every secret setting it hides', () => {
    for (const name of SECRET_SETTINGS) assert.ok(SETTING_NAMES.includes(name), `${name} is not a setting`);
  });

  it('caps TOOL_TIMEOUT_MS at MAX_TOOL_TIMEOUT_MS', () => {
    assert.equal(settingsSchema.safeParse({ TOOL_TIMEOUT_MS: String(MAX_TOOL_TIMEOUT_MS) }).success, true);
    assert.equal(settingsSchema.safeParse({ TOOL_TIMEOUT_MS: String(MAX_TOOL_TIMEOUT_MS + 1) }).success, false);
  });
});
