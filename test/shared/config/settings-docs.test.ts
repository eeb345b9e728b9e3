// Every setting the app reads is documented: in the README's settings table and in
// local.settings.sample.json (platform settings excepted), and the sample itself parses.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { loadConfig } from '../../../shared/config/load-config.js';
import { PLATFORM_SETTINGS, SETTING_NAMES } from '../../../shared/config/settings-schema.js';

const readme = fs.readFileSync('README.md', 'utf8');
const sample = JSON.parse(fs.readFileSync('local.settings.sample.json', 'utf8')) as { Values: Record<string, string> };

describe('settings documentation', () => {
  it('lists every setting in the README settings table', () => {
    const table = readme.slice(readme.indexOf('## Settings'));
    for (const name of SETTING_NAMES) assert.match(table, new RegExp(`\`${name}\``), name);
  });

  it('lists every non-platform setting in local.settings.sample.json', () => {
    for (const name of SETTING_NAMES) {
      if (PLATFORM_SETTINGS.has(name)) assert.equal(sample.Values[name], undefined, `${name} must not be set by hand`);
      else assert.ok(name in sample.Values, name);
    }
  });

  it('parses the sample values as a valid configuration', () => {
    const config = loadConfig(sample.Values);
    assert.equal(config.runtime.inAzure, false);
    assert.equal(config.seed.customerCount, 250);
    assert.equal(config.auth.mode, 'local');
  });
});
