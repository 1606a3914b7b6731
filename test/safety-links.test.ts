// Symbolic links in a received folder: a link found while searching a folder (or a glob) is
// followed only when it leads to a file inside that folder; one that leads outside is not read,
// and one line on standard error says so. A link named on the command line is honoured, and no
// loop of links makes a search hang (the test's time limit is what would catch that).
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, stratlint, tempDir } from './helpers.js';

const GOOD = join(ROOT, 'fixtures/strategies/riverside-council-digital-strategy.md');
const BAD = join(ROOT, 'fixtures/strategies/northshire-ten-year-vision.md');

let work: string;
beforeAll(() => {
  // work/client is what a client sent; work/private is the consultant's own.
  work = tempDir('stratlint-links-');
  mkdirSync(join(work, 'client', 'sub'), { recursive: true });
  mkdirSync(join(work, 'private', 'notes'), { recursive: true });
  copyFileSync(GOOD, join(work, 'client', 'plan.md'));
  copyFileSync(BAD, join(work, 'private', 'secret.md'));
  copyFileSync(BAD, join(work, 'private', 'notes', 'more.md'));
  symlinkSync('../private/secret.md', join(work, 'client', 'secret.md'));
  symlinkSync(join(work, 'private', 'notes'), join(work, 'client', 'notes'));
  symlinkSync('/', join(work, 'client', 'everything'));
  // Links that stay inside: to a file, to the folder itself, and loops of links.
  symlinkSync('../plan.md', join(work, 'client', 'sub', 'same-plan.md'));
  symlinkSync('..', join(work, 'client', 'sub', 'up'));
  symlinkSync('loop.md', join(work, 'client', 'loop.md'));
  symlinkSync('b.md', join(work, 'client', 'a.md'));
  symlinkSync('a.md', join(work, 'client', 'b.md'));
  // Dot files and folders are passed by, links or not, as they always were.
  mkdirSync(join(work, 'client', '.drafts'));
  copyFileSync(BAD, join(work, 'client', '.drafts', 'old.md'));
  copyFileSync(BAD, join(work, 'client', '.old.md'));
  symlinkSync('/', join(work, 'client', '.everything'));
});

const paths = (stdout: string): string[] => (JSON.parse(stdout).files as Array<{ path: string }>).map((f) => f.path);
const NOTE = (links: string) =>
  `stratlint: note: not following 3 symbolic links that lead outside the folder searched (${links}); name a link on the command line to lint what it leads to\n`;

describe('links found while searching a folder', () => {
  it('are not followed outside it: only the folder’s own document is linted, and one line says why', () => {
    const r = stratlint(['client', '--format', 'json'], { cwd: work });
    expect(r.code, r.stderr).toBe(0);
    expect(paths(r.stdout)).toEqual(['client/plan.md']);
    expect(r.stderr).toBe(NOTE(`client/everything → /, client/notes → ${join(work, 'private', 'notes')}, client/secret.md → ${join(work, 'private', 'secret.md')}`));
    // Nothing from the private folder reaches the report, even the one that shows the text.
    const html = stratlint(['client', '--format', 'html'], { cwd: work });
    expect(html.code).toBe(0);
    expect(html.stdout).toContain(readFileSync(GOOD, 'utf8').split('\n').find((l) => l.startsWith('# '))!.slice(2));
    expect(html.stdout).not.toContain('Northshire');
  });

  it('are not followed from a glob’s folder either, nor from a --compare-with folder', () => {
    const glob = stratlint(['client/**/*.md', '--format', 'json'], { cwd: work });
    expect(glob.code, glob.stderr).toBe(0);
    expect(paths(glob.stdout)).toEqual(['client/plan.md']);
    expect(glob.stderr).toContain('client/secret.md → ');

    const compare = stratlint([join(work, 'client', 'plan.md'), '--compare-with', 'client', '--format', 'json'], { cwd: work });
    expect(compare.code, compare.stderr).toBe(0);
    expect(compare.stderr).toContain('stratlint: --compare-with: not following 3 symbolic links that lead outside the folder searched');
  });

  it('are the same with workers', () => {
    const r = stratlint(['client', '--jobs', '2', '--format', 'json'], { cwd: work });
    expect(r.code, r.stderr).toBe(0);
    expect(paths(r.stdout)).toEqual(['client/plan.md']);
    expect(r.stderr.split('\n')).toHaveLength(2);
  });
});

describe('links named on the command line', () => {
  it('are honoured, to a file or to a folder outside', () => {
    const file = stratlint(['client/secret.md', '--format', 'json'], { cwd: work });
    expect(file.code).toBe(1); // the ten-year vision has an error
    expect(paths(file.stdout)).toEqual(['client/secret.md']);
    expect(file.stderr).toBe('');

    const folder = stratlint(['client/notes', '--format', 'json'], { cwd: work });
    expect(folder.code).toBe(1);
    expect(paths(folder.stdout)).toEqual(['client/notes/more.md']);
  });
});
