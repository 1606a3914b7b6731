// A run split over a CI matrix (`--shard i/n`) and joined again (`stratlint merge`), through the
// real binary: every document in exactly one shard, a document that stays in its shard when
// others come and go, and a merged report that is the unsharded run's, byte for byte, in every
// format, copied text across shards included.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { shardOf } from '../dist/src/engine/shard.js';
import { TEMPLATE_PARAGRAPH, writeCorpus } from '../scripts/lib/strategy-corpus.js';
import { ROOT, stratlint, tempDir } from './helpers.js';

const SLOW = { timeout: 600_000 };
const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown', 'csv', 'html', 'explain'];

/** Strategies with a template paragraph in every fifth, unreadable files, a template to compare with. */
function project(): string {
  const dir = tempDir('stratlint-shard-');
  writeCorpus(join(dir, 'docs'), { documents: 15, words: 300, broken: true });
  copyFileSync(join(ROOT, 'fixtures/strategies/northshire-ten-year-vision.md'), join(dir, 'docs', 'northshire.md'));
  copyFileSync(join(ROOT, 'fixtures/strategies/riverside-council-digital-strategy.md'), join(dir, 'docs', 'riverside.md'));
  mkdirSync(join(dir, 'templates'));
  writeFileSync(join(dir, 'templates', 'template.md'), `# [Organisation] digital strategy\n\n## Our approach\n\n${TEMPLATE_PARAGRAPH}\n`);
  return dir;
}

// A path that names nothing is reported by every shard, and once by the merge.
const ARGS = ['docs', 'missing.md', '--compare-with', 'templates'];

const json = (text: string) => JSON.parse(text) as { files: any[]; summary: any; shard?: any };

function shardReports(dir: string, n: number, extra: string[] = []): string[] {
  const names: string[] = [];
  for (let i = 1; i <= n; i++) {
    const name = `shard-${i}-of-${n}${extra.length ? '-text' : ''}.json`;
    const r = stratlint([...ARGS, '--shard', `${i}/${n}`, '--format', 'json', '--output-file', name, ...extra], { cwd: dir });
    expect([0, 1, 2], r.stderr).toContain(r.code);
    names.push(name);
  }
  return names;
}

// Shards are costly to run on a busy machine: those of the shared project are run once.
const shared = project();
const made = new Map<number, string[]>();
const sharedShards = (n: number): string[] => {
  if (!made.has(n)) made.set(n, shardReports(shared, n));
  return made.get(n)!;
};

/** The documents a shard's report holds (the missing path aside). */
const documentsOf = (dir: string, name: string): string[] =>
  json(readFileSync(join(dir, name), 'utf8'))
    .files.map((f) => f.path)
    .filter((p) => p !== 'missing.md');

describe('--shard i/n', SLOW, () => {
  const dir = shared;
  const whole = documentsOf(dir, sharedShards(1)[0]!);

  it('puts every document in exactly one shard, for n from 1 to 5', () => {
    expect(whole.length).toBe(20);
    for (let n = 1; n <= 5; n++) {
      const shards = sharedShards(n).map((name) => documentsOf(dir, name));
      expect(shards.flat().sort()).toEqual(whole);
      expect(new Set(shards.flat()).size).toBe(whole.length);
      for (const [i, docs] of shards.entries()) for (const path of docs) expect(shardOf(path, n)).toBe(i + 1);
    }
  });

  it('moves no document when another is added or removed', () => {
    const other = project();
    const before = shardReports(other, 3).map((name) => documentsOf(other, name));
    writeFileSync(join(other, 'docs', 'newcomer.md'), '# Newcomer digital plan\n\nResidents told us the website is hard to use. We will fix it by 2026.\n');
    const after = shardReports(other, 3).map((name) => documentsOf(other, name));
    for (let i = 0; i < 3; i++) expect(after[i]!.filter((p) => p !== 'docs/newcomer.md')).toEqual(before[i]);
    expect(after.flat()).toContain('docs/newcomer.md');
  });

  it('balances shards of many documents: each holds close to 1/n of them', () => {
    const paths = Array.from({ length: 20_000 }, (_, i) => `strategies/client-${i}/strategy-${(i * 7919) % 1000}.md`);
    for (const n of [2, 3, 4, 5, 8]) {
      const counts = new Array(n).fill(0);
      for (const p of paths) counts[shardOf(p, n) - 1]++;
      for (const c of counts) expect(Math.abs(c - paths.length / n) / (paths.length / n)).toBeLessThan(0.05);
    }
  });

  it('refuses a shard that is not i/n with 1 <= i <= n', () => {
    for (const [value, message] of [
      ['0/3', '--shard 0/3: i must be from 1 to 3'],
      ['4/3', '--shard 4/3: i must be from 1 to 3'],
      ['1/0', '--shard 1/0: n must be from 1 to 1024'],
      ['half', '--shard takes i/n (this runner\'s share of n, counted from 1), not "half"'],
    ]) {
      const r = stratlint(['docs', '--shard', value!], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`stratlint: ${message}\n`);
    }
    // A shard's JSON report is the whole run's material: --quiet belongs to the merge.
    const quiet = stratlint(['docs', '--shard', '1/2', '--format', 'json', '--quiet'], { cwd: dir });
    expect(quiet.code).toBe(2);
    expect(quiet.stderr).toBe("stratlint: --quiet acts on the whole run: give it to `stratlint merge`, not to a shard's JSON report\n");
  });
});

describe('stratlint merge', SLOW, () => {
  const dir = shared;
  const unsharded = (format: string) => stratlint([...ARGS, '--format', format], { cwd: dir });

  it('joins n shards into the unsharded run\'s JSON report and exit code, for n from 1 to 5', () => {
    const expected = unsharded('json');
    expect(expected.code).toBe(2);
    for (let n = 1; n <= 5; n++) {
      const merged = stratlint(['merge', ...sharedShards(n), '--format', 'json'], { cwd: dir });
      expect(merged.stdout).toBe(expected.stdout);
      expect(merged.stderr).toBe(expected.stderr);
      expect(merged.code).toBe(expected.code);
    }
  });

  it('writes each entry as the whole run does, and merge copies those copied text across shards leaves alone and remakes only the rest', () => {
    const names = sharedShards(2);
    const whole = unsharded('json').stdout;
    const entriesOf = (text: string) => new Map(json(text).files.map((f) => [f.path, f]));
    const wholeEntries = entriesOf(whole);
    let same = 0;
    let remade = 0;
    for (const name of names) {
      const raw = readFileSync(join(dir, name), 'utf8');
      // The section, for merge, is the last member, on a line of its own in ASCII.
      const lines = raw.split('\n');
      expect(lines.at(-3)).toMatch(/^ {2}"shard": \{[\x20-\x7e]*\}$/);
      const shard = json(raw);
      for (const [path, at] of shard.shard.entries.map(([p, start, end]: [string, number, number]) => [p, [start, end]] as const)) {
        const bytes = readFileSync(join(dir, name)).subarray(at[0], at[1]).toString('utf8');
        expect(JSON.parse(bytes)).toEqual(shard.files.find((f) => f.path === path));
        // The whole run's entry is the shard's, to the byte, unless copied text across documents changed it.
        const expected = JSON.stringify(wholeEntries.get(path), null, 2).replaceAll('\n', '\n    ');
        const copied = wholeEntries.get(path)!.findings.some((f: any) => f.ruleId === 'copied-text');
        if (!copied) {
          expect(bytes, path).toBe(expected);
          same++;
        } else {
          expect(bytes, path).not.toBe(expected);
          expect(whole).toContain(expected);
          remade++;
        }
      }
    }
    expect(same).toBeGreaterThan(0);
    expect(remade).toBeGreaterThan(0);
    // The documents' curly quotes and dashes are in the merged report as written.
    const merged = stratlint(['merge', ...names, '--format', 'json'], { cwd: dir }).stdout;
    expect(merged).toMatch(/[\u2010-\u201f]/);
    expect(merged).toBe(whole);
    // The counts that decide the exit code are the run's too.
    const strict = stratlint([...ARGS, '--format', 'json', '--max-warnings', '0'], { cwd: dir });
    const mergedStrict = stratlint(['merge', ...names, '--format', 'json', '--max-warnings', '0'], { cwd: dir });
    expect([mergedStrict.stdout, mergedStrict.stderr, mergedStrict.code]).toEqual([strict.stdout, strict.stderr, strict.code]);
  });

  it('refuses the shard reports of an older stratlint, whose section it cannot read', () => {
    const names = sharedShards(2);
    const old = json(readFileSync(join(dir, names[0]!), 'utf8'));
    old.shard.sectionVersion = 2;
    delete old.shard.entries;
    writeFileSync(join(dir, 'old.json'), JSON.stringify(old) + '\n');
    for (const format of ['json', 'sarif']) {
      const r = stratlint(['merge', 'old.json', names[1]!, '--format', format], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe("stratlint: old.json's shard section is of another version of stratlint, or damaged\n");
    }
  });

  it('finds text copied between documents in different shards', () => {
    const names = sharedShards(3);
    const shardOfPath = new Map(names.flatMap((name, i) => documentsOf(dir, name).map((p) => [p, i] as const)));
    const merged = json(stratlint(['merge', ...names, '--format', 'json'], { cwd: dir }).stdout);
    const across = merged.files.flatMap((f) =>
      f.findings
        .filter((x: any) => x.ruleId === 'copied-text')
        .map((x: any) => ({ path: f.path, other: /the same as (\S+) at/.exec(x.message)![1] }))
        .filter(({ path, other }: { path: string; other: string }) => shardOfPath.has(other) && shardOfPath.get(other) !== shardOfPath.get(path)),
    );
    expect(across.length).toBeGreaterThan(0);
    // No shard alone sees that pair.
    const { path, other } = across[0]!;
    const alone = json(readFileSync(join(dir, names[shardOfPath.get(path)!]!), 'utf8')).files.find((f) => f.path === path);
    expect(alone.findings.filter((x: any) => x.ruleId === 'copied-text' && x.message.includes(`same as ${other} at`))).toEqual([]);
  });

  it('gives every format byte for byte as the unsharded run does (html from --keep-text)', () => {
    const names = shardReports(dir, 3, ['--keep-text']);
    for (const format of FORMATS) {
      const expected = unsharded(format);
      const merged = stratlint(['merge', ...names, '--format', format], { cwd: dir });
      expect(merged.stdout, format).toBe(expected.stdout);
      expect(merged.stderr, format).toBe(expected.stderr);
      expect(merged.code, format).toBe(expected.code);
    }
    // The report options act on the merged run as on a lint: --quiet, --output-file.
    const quiet = stratlint(['merge', ...names, '--quiet', '--output-file', 'merged.txt'], { cwd: dir });
    expect(readFileSync(join(dir, 'merged.txt'), 'utf8')).toBe(stratlint([...ARGS, '--quiet'], { cwd: dir }).stdout);
    expect(quiet.code).toBe(2);
  });

  it('fails documents under --fail-under as the unsharded run does, scores and exit code alike', () => {
    // Documents that all read (a file that does not fails the run before any score is looked at).
    const readable = tempDir('stratlint-shard-');
    writeCorpus(join(readable, 'docs'), { documents: 6, words: 300 });
    copyFileSync(join(ROOT, 'fixtures/strategies/northshire-ten-year-vision.md'), join(readable, 'docs', 'northshire.md'));
    const names = [1, 2].map((i) => {
      const name = `shard-${i}-of-2.json`;
      stratlint(['docs', '--shard', `${i}/2`, '--fail-under', '100', '--format', 'json', '--output-file', name], { cwd: readable });
      return name;
    });
    for (const format of ['json', 'junit']) {
      const expected = stratlint(['docs', '--fail-under', '100', '--format', format], { cwd: readable });
      const merged = stratlint(['merge', ...names, '--format', format], { cwd: readable });
      expect(merged.stderr, format).toMatch(/^stratlint: docs\/\S+ scores \d+, under the 100 it must reach \(--fail-under\)$/m);
      expect(merged.stderr, format).toBe(expected.stderr);
      expect(merged.stdout, format).toBe(expected.stdout);
      expect(merged.code, format).toBe(1);
      expect(expected.code, format).toBe(1);
    }
  });

  it('says in one line why shards cannot be merged, with exit code 2', () => {
    const names = sharedShards(3);
    const plain = 'plain.json';
    writeFileSync(join(dir, plain), unsharded('json').stdout);
    writeFileSync(join(dir, 'broken.json'), '{"version": 1, "files": [');
    const cases: Array<[string[], string]> = [
      [[names[0]!, names[2]!], 'shard 2/3 missing: merge needs the report of every shard'],
      [[...names, names[1]!], `${names[1]} and ${names[1]} are both shard 2/3`],
      [[plain], `${plain} holds no shard of a run: write each shard's report with --shard i/n --format json`],
      [['broken.json'], 'broken.json: not JSON'],
      [['nothing.json'], 'nothing.json: cannot read the report (ENOENT)'],
      [[...names, '--format', 'html'], "the html report shows each document's text, which these shard reports do not hold: run the shards with --keep-text"],
      [[...names, '--output-file', names[0]!], `refusing to write the report over ${names[0]}, which is a file stratlint reads`],
    ];
    for (const [args, message] of cases) {
      const r = stratlint(['merge', ...args], { cwd: dir });
      expect(r.code, message).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.startsWith(`stratlint: ${message}`), r.stderr).toBe(true);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    // Shards of different sets of documents.
    const other = project();
    writeFileSync(join(other, 'docs', 'extra.md'), '# Extra plan\n\nResidents told us the website is hard to use.\n');
    const foreign = shardReports(other, 3);
    copyFileSync(join(other, foreign[1]!), join(dir, 'foreign.json'));
    const r = stratlint(['merge', names[0]!, 'foreign.json', names[2]!], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^stratlint: foreign\.json and shard-1-of-3\.json are shards of runs over different documents \(21 and 20 found\)/);
  });
});

describe('the CI workflows in docs/ci.md', SLOW, () => {
  const doc = readFileSync(join(ROOT, 'docs/ci.md'), 'utf8');
  const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => b.includes('--shard'));
  const env = { STRATLINT: `${process.execPath} ${join(ROOT, 'bin', 'stratlint.js')}` };
  const sh = (command: string, cwd: string, extra: Record<string, string> = {}) =>
    spawnSync('bash', ['-c', command], { cwd, env: { ...process.env, NO_COLOR: '', ...env, ...extra }, encoding: 'utf8' });
  const strategies = () => {
    const dir = tempDir('stratlint-ci-');
    writeCorpus(join(dir, 'strategies'), { documents: 10, words: 300 });
    copyFileSync(join(ROOT, 'fixtures/strategies/northshire-ten-year-vision.md'), join(dir, 'strategies', 'northshire.md'));
    return dir;
  };

  it('GitHub Actions: the shard jobs and the merge job give the run\'s verdict, SARIF and HTML', () => {
    const workflow = parseYaml(blocks.find((b) => b.includes('.github/workflows'))!);
    const dir = strategies();
    const shardStep = workflow.jobs.shard.steps.find((s: any) => s.run?.includes('--shard'));
    for (const shard of workflow.jobs.shard.strategy.matrix.shard) {
      const r = sh(shardStep.run.replaceAll('${{ matrix.shard }}', String(shard)), dir);
      expect(r.status, r.stderr).toBe(0);
    }
    mkdirSync(join(dir, 'shards'));
    for (const name of readdirSync(dir).filter((f) => /^shard-\d\.json$/.test(f))) copyFileSync(join(dir, name), join(dir, 'shards', name));
    const steps = workflow.jobs.merge.steps.filter((s: any) => typeof s.run === 'string');
    expect(sh(steps[0].run, dir).status).toBe(0);
    expect(readFileSync(join(dir, 'stratlint.html'), 'utf8')).toContain('northshire');
    expect(JSON.parse(readFileSync(join(dir, 'stratlint.sarif'), 'utf8')).runs[0].results.length).toBeGreaterThan(0);
    const verdict = sh(steps[1].run, dir);
    expect(verdict.status).toBe(stratlint(['strategies/'], { cwd: dir }).code);
    expect(verdict.status).toBe(1);
  });

  it('GitLab CI: the parallel jobs and the merge job give the run\'s verdict', () => {
    const pipeline = parseYaml(blocks.find((b) => b.includes('.gitlab-ci.yml'))!);
    const dir = strategies();
    const total = pipeline['stratlint-shard'].parallel;
    for (let index = 1; index <= total; index++) {
      for (const line of pipeline['stratlint-shard'].script) {
        const r = sh(line, dir, { CI_NODE_INDEX: String(index), CI_NODE_TOTAL: String(total) });
        expect(r.status, r.stderr).toBe(0);
      }
    }
    const lines: string[] = pipeline['stratlint-merge'].script;
    for (const line of lines.slice(0, -1)) expect(sh(line, dir).status).toBe(0);
    expect(readFileSync(join(dir, 'stratlint.xml'), 'utf8')).toContain('<testsuites');
    expect(sh(lines.at(-1)!, dir).status).toBe(stratlint(['strategies/'], { cwd: dir }).code);
  });
});
