// The README stays a newcomer's page: short, with the quick start, and linking the pages split
// out of it (each of which links back). Every relative link in the documentation points to a
// file that exists, and a link to a heading names a heading that exists. The porting guide
// compares every tool.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CONTOSO_TOOLS } from '../shared/tools/registry.js';

const MAX_README_LINES = 350;

/** Pages split out of the README: each is linked from it and links back to it. */
const SPLIT_PAGES = [
  'docs/settings.md',
  'docs/seeding.md',
  'docs/cosmos.md',
  'docs/security.md',
  'docs/deploy.md',
  'docs/coming-from-python.md',
  'docs/operations.md',
  'test/README.md',
  'test/conformance/README.md',
  'bench/README.md',
  'infra/README.md',
];

/** Every page whose links are checked: the README, docs/*.md and the split pages. */
const DOC_FILES = [
  ...new Set([
    'README.md',
    ...fs.readdirSync('docs').filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`),
    ...SPLIT_PAGES,
  ]),
];

const read = (file: string) => fs.readFileSync(file, 'utf8');

/** Markdown without fenced code blocks and inline code spans, where `[a](b)` is not a link. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
}

/** The targets of inline links and images (`[text](target "title")`). */
function linkTargets(markdown: string): string[] {
  return [...withoutCode(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+["'][^)]*["'])?\s*\)/g)].map((m) => m[1] ?? '');
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a markdown file's headings, with GitHub's `-1`, `-2` … for repeats. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const match of withoutCode(markdown.replace(/`/g, '')).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(match[1] ?? '');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** The repository file a relative link in `from` points to, and its fragment if any. */
function resolveLink(from: string, target: string): { file: string; fragment: string | undefined } {
  const [pathPart = '', fragment] = target.split('#', 2);
  const clean = decodeURIComponent(pathPart.split('?')[0] ?? '');
  const file = clean === '' ? from : clean.startsWith('/') ? clean.slice(1) : path.join(path.dirname(from), clean);
  return { file: path.normalize(file), fragment: fragment === undefined || fragment === '' ? undefined : decodeURIComponent(fragment) };
}

describe('README.md', () => {
  const readme = read('README.md');

  it(`has at most ${MAX_README_LINES} lines`, () => {
    const lines = readme.replace(/\n$/, '').split('\n').length;
    assert.ok(lines <= MAX_README_LINES, `README.md has ${lines} lines`);
  });

  it('starts newcomers with npm install && npm start and npm test', () => {
    assert.ok(readme.includes('npm install && npm start'));
    assert.match(readme, /(^|[^-\w])npm test\b/);
  });

  it('links every page split out of it, and each links back', () => {
    const fromReadme = new Set(linkTargets(readme).map((target) => resolveLink('README.md', target).file));
    for (const page of SPLIT_PAGES) {
      assert.ok(fromReadme.has(path.normalize(page)), `README.md does not link ${page}`);
      const back = linkTargets(read(page)).map((target) => resolveLink(page, target).file);
      assert.ok(back.includes('README.md'), `${page} does not link back to README.md`);
    }
  });
});

describe('documentation links', () => {
  for (const doc of DOC_FILES) {
    it(`${doc}: every relative link points to an existing file (and heading)`, () => {
      const broken: string[] = [];
      for (const target of linkTargets(read(doc))) {
        if (isExternal(target)) continue;
        const { file, fragment } = resolveLink(doc, target);
        if (!fs.existsSync(file)) {
          broken.push(`${target} (no ${file})`);
        } else if (fragment !== undefined && file.endsWith('.md') && !anchorsOf(read(file)).has(fragment)) {
          broken.push(`${target} (no heading #${fragment} in ${file})`);
        }
      }
      assert.deepEqual(broken, [], `${doc} has broken links`);
    });
  }
});

describe('docs/coming-from-python.md', () => {
  it('compares every tool of the registry', () => {
    const page = read('docs/coming-from-python.md');
    const missing = CONTOSO_TOOLS.map((tool) => tool.name).filter((name) => !page.includes(`| \`${name}\``));
    assert.deepEqual(missing, [], 'tools without a row in the results table');
  });
});
