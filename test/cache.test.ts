// --cache through the real binary: a second run lints only what changed and reports the same
// bytes; a changed document is linted again alone, a changed config or plugin re-lints all; a
// damaged cache is one warning; the cache never lands among the documents unless asked.
//
// Which documents were linted is told by a plugin rule that writes each document's path to a
// log as it checks it: what a rule sees is what was linted.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCorpus } from '../scripts/lib/strategy-corpus.js';
import { stratlint, tempDir } from './helpers.js';

const SLOW = { timeout: 600_000 };

const LOGGER = (note: string) => `import { appendFileSync } from 'node:fs';
// ${note}
export default { rules: { seen: {
  meta: { id: 'seen', sign: 'vague', description: 'Notes each document it checks', severity: 'warning', fix: 'None.', options: {} },
  check({ doc }) { appendFileSync(process.env.STRATLINT_TEST_LOG, doc.path + '\\n'); },
} } };
`;

function project(): { dir: string; log: string; run: (...args: string[]) => ReturnType<typeof stratlint>; linted: () => string[] } {
  const dir = tempDir('stratlint-cache-');
  writeCorpus(join(dir, 'docs'), { documents: 12, words: 300 });
  writeFileSync(join(dir, 'logger.js'), LOGGER('first version'));
  writeFileSync(join(dir, '.stratlintrc.yml'), 'plugins: ["./logger.js"]\nrules:\n  logger/seen: warn\n');
  const log = join(dir, 'seen.log');
  const run = (...args: string[]) => {
    writeFileSync(log, '');
    return stratlint(['docs', '--format', 'json', '--cache', '--cache-location', 'cache/stratlint.json', ...args], { cwd: dir, env: { STRATLINT_TEST_LOG: log } });
  };
  const linted = () => readFileSync(log, 'utf8').split('\n').filter(Boolean).sort();
  return { dir, log, run, linted };
}

const ALL = Array.from({ length: 12 }, (_, i) => `docs/doc-${String(i + 1).padStart(3, '0')}.md`);

describe('--cache', SLOW, () => {
  it('lints only what changed, and reports the same as without the cache', () => {
    const { dir, run, linted, log } = project();
    const first = run();
    expect(linted()).toEqual(ALL);
    expect(first.code).toBe(0);

    const second = run();
    expect(linted()).toEqual([]);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe(first.stderr);
    expect(second.code).toBe(first.code);

    // Touched but not changed: the bytes decide, not the time.
    utimesSync(join(dir, 'docs/doc-003.md'), new Date(), new Date(Date.now() + 60_000));
    run();
    expect(linted()).toEqual([]);

    // One document changed: it alone is linted, and the report is that of a run without the cache.
    const doc = join(dir, 'docs/doc-003.md');
    writeFileSync(doc, readFileSync(doc, 'utf8') + '\nWe will put blockchain in every office by 2040 \u2014 the board\u2019s \u201cpriority\u201d.\n');
    const third = run();
    // The cache is kept in ASCII, to be read back fast; the characters past it come back whole.
    expect(readFileSync(join(dir, 'cache/stratlint.json'), 'utf8')).not.toMatch(/[^\x00-\x7e]/);
    expect(third.stdout).toContain('\u2019');
    expect(linted()).toEqual(['docs/doc-003.md']);
    writeFileSync(log, '');
    const uncached = stratlint(['docs', '--format', 'json'], { cwd: dir, env: { STRATLINT_TEST_LOG: log } });
    expect(third.stdout).toBe(uncached.stdout);
    expect(third.stdout).not.toBe(first.stdout);
  });

  it('lints every document again when the config, a plugin or an option changes', () => {
    const { dir, run, linted } = project();
    run();
    writeFileSync(join(dir, '.stratlintrc.yml'), 'plugins: ["./logger.js"]\nrules:\n  logger/seen: warn\n  jargon: error\n');
    const changed = run();
    expect(linted()).toEqual(ALL);
    expect(run().stdout).toBe(changed.stdout);
    expect(linted()).toEqual([]);

    writeFileSync(join(dir, 'logger.js'), LOGGER('second version'));
    run();
    expect(linted()).toEqual(ALL);

    run('--rule', 'jargon:off');
    expect(linted()).toEqual(ALL);
    run('--rule', 'jargon:off');
    expect(linted()).toEqual([]);
  });

  it('ignores a damaged cache with one warning, and writes a good one', () => {
    const { dir, run, linted } = project();
    const first = run();
    writeFileSync(join(dir, 'cache/stratlint.json'), '{"format": 1, "entries": {"docs/doc');
    const damaged = run();
    expect(damaged.stderr).toBe(`stratlint: warning: the cache ${join(dir, 'cache/stratlint.json')} is damaged and was ignored; linting every document\n`);
    expect(linted()).toEqual(ALL);
    expect(damaged.stdout).toBe(first.stdout);
    expect(damaged.code).toBe(first.code);
    const after = run();
    expect(after.stderr).toBe('');
    expect(linted()).toEqual([]);
  });

  it('keeps its file out of the linted folder unless told where, and never over a file it reads', () => {
    const { dir } = project();
    const home = tempDir('stratlint-cache-home-');
    const before = readdirSync(dir, { recursive: true }).sort();
    const env = { XDG_CACHE_HOME: home, STRATLINT_TEST_LOG: join(home, 'seen.log') };
    const r = stratlint(['.', '--cache', '--format', 'json'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(readdirSync(dir, { recursive: true }).sort()).toEqual(before);
    const files = readdirSync(join(home, 'stratlint'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{16}\.json$/);

    const doc = join(dir, 'docs/doc-001.md');
    const text = readFileSync(doc, 'utf8');
    const refused = stratlint(['docs', '--cache', '--cache-location', 'docs/doc-001.md'], { cwd: dir, env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('stratlint: refusing to write the cache over docs/doc-001.md, which is a file stratlint reads\n');
    expect(readFileSync(doc, 'utf8')).toBe(text);

    const usage = stratlint(['docs', '--cache-location', 'somewhere.json'], { cwd: dir, env });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe('stratlint: --cache-location says where --cache keeps its file; give --cache too\n');
    expect(existsSync(join(dir, 'somewhere.json'))).toBe(false);
  });
});
