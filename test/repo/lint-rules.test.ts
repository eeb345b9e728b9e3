// House rules the linter cannot check by itself: every eslint-disable comment says why, after
// `--`, and the type-aware rules the project relies on stay switched on.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, it } from 'node:test';

const SOURCE_DIRS = ['functions', 'shared', 'dev', 'test', 'bench'];

describe('lint rules', () => {
  it('has no eslint-disable comment without a reason', () => {
    const files = execFileSync('git', ['ls-files', ...SOURCE_DIRS.map((dir) => `${dir}/**.ts`), ...SOURCE_DIRS.map((dir) => `${dir}/*.ts`)], { encoding: 'utf8' })
      .split('\n')
      .filter((file) => file.endsWith('.ts') && fs.existsSync(file));
    assert.ok(files.length > 100, `only ${files.length} files listed`);
    const bare: string[] = [];
    for (const file of files) {
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          const comment = /\/[/*]\s*eslint-disable(?:-next-line|-line)?\b(.*)$/.exec(line);
          if (comment && !/\s--\s*\S/.test(comment[1] ?? '')) bare.push(`${file}:${index + 1}`);
        });
    }
    assert.deepEqual(bare, []);
  });

  it('keeps the type-aware rules for promises, unused values and any as errors', async () => {
    const config = fs.readFileSync('eslint.config.js', 'utf8');
    for (const rule of ['no-floating-promises', 'no-misused-promises', 'no-unused-vars', 'no-explicit-any']) {
      assert.match(config, new RegExp(`'@typescript-eslint/${rule}': \\[?\\s*'error'`), rule);
    }
    assert.match(config, /recommendedTypeChecked/);
  });
});
