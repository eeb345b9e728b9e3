// package-lock.json is what a fresh `npm install` would write: every installed package whose
// package.json has an install script is marked hasInstallScript (npm adds the mark on install,
// which used to leave a fresh clone with a modified lockfile).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

interface LockEntry {
  hasInstallScript?: boolean;
  optional?: boolean;
}

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];

describe('package-lock.json', () => {
  it('marks every installed package that has an install script', () => {
    const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
    const unmarked: string[] = [];
    let checked = 0;
    for (const [where, entry] of Object.entries(lock.packages)) {
      if (where === '') continue;
      const manifest = path.join(where, 'package.json');
      if (!fs.existsSync(manifest)) continue; // optional packages for other platforms
      checked += 1;
      const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { scripts?: Record<string, string>; gypfile?: boolean };
      const hasScript = INSTALL_SCRIPTS.some((name) => pkg.scripts?.[name] !== undefined) || fs.existsSync(path.join(where, 'binding.gyp'));
      if (hasScript && entry.hasInstallScript !== true) unmarked.push(where);
    }
    assert.ok(checked > 100, `only ${checked} installed packages found`);
    assert.deepEqual(unmarked, [], 'run npm install and commit the lockfile it writes');
  });
});
