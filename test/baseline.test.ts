// --baseline and --write-baseline through the real binary: a repository adopting stratlint on
// old documents records their findings once, and from then on only new findings are reported
// and fail the run, however lines move; SARIF marks each result new, unchanged or absent.
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, stratlint, tempDir } from './helpers.js';
import { sarifOf, validate } from './support/sarif.js';

const SLOW = { timeout: 300_000 };
const json = (text: string) => JSON.parse(text) as { files: any[]; summary: any };

/** An old strategy, and the baseline of its findings. */
function adopted(): { dir: string; recorded: number } {
  const dir = tempDir('stratlint-baseline-');
  copyFileSync(join(ROOT, 'fixtures/strategies/northshire-ten-year-vision.md'), join(dir, 'strategy.md'));
  copyFileSync(join(ROOT, 'fixtures/strategies/riverside-council-digital-strategy.md'), join(dir, 'riverside.md'));
  const r = stratlint(['.', '--baseline', 'baseline.json', '--write-baseline', '--max-warnings', '0'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  const recorded = json(readFileSync(join(dir, 'baseline.json'), 'utf8'));
  const count = recorded.summary.errors + recorded.summary.warnings;
  expect(count).toBeGreaterThan(50);
  expect(r.stderr).toBe(`stratlint: wrote the baseline baseline.json: ${count} findings\n`);
  return { dir, recorded: count };
}

/** Five lines above every old finding, one of them a new problem. */
function edit(dir: string): void {
  const path = join(dir, 'strategy.md');
  const text = readFileSync(path, 'utf8');
  writeFileSync(
    path,
    text.replace('## Introduction\n\n', '## Introduction\n\nThe board approved this document in January.\n\nIt replaces the vision of 2020.\n\nWe will put a blockchain ledger in every ward.\n\n'),
  );
}

describe('--baseline', SLOW, () => {
  it('reports and fails on only the findings the baseline does not hold, wherever the old ones moved', () => {
    const { dir } = adopted();
    // Nothing new: a clean run, even with no warnings allowed.
    const before = stratlint(['.', '--baseline', 'baseline.json', '--max-warnings', '0', '--format', 'json'], { cwd: dir });
    expect(before.code).toBe(0);
    expect(json(before.stdout).summary).toMatchObject({ errors: 0, warnings: 0 });

    edit(dir);
    const after = stratlint(['.', '--baseline', 'baseline.json', '--max-warnings', '0', '--format', 'json'], { cwd: dir });
    expect(after.code).toBe(1);
    const reported = json(after.stdout).files.flatMap((f) => f.findings.map((x: any) => ({ path: f.path, line: x.line, ruleId: x.ruleId })));
    // Only what the new line brought: every old finding, now five lines lower, stays known.
    expect(reported).toEqual([
      { path: 'strategy.md', line: 15, ruleId: 'vague-goals' },
      { path: 'strategy.md', line: 15, ruleId: 'hype-tech' },
    ]);
    expect(after.stderr).toMatch(/^stratlint: --baseline baseline\.json: \d+ known findings not reported/);
    expect(after.stderr).toContain('stratlint: 2 warnings, more than --max-warnings 0');
    // Without the baseline, the old findings are all there.
    const all = json(stratlint(['.', '--format', 'json'], { cwd: dir }).stdout);
    expect(all.summary.warnings + all.summary.errors).toBeGreaterThan(50);
  });

  it('marks SARIF results new, unchanged or absent, and the validator accepts it', () => {
    const { dir, recorded } = adopted();
    edit(dir);
    // A paragraph with old findings goes, so they are absent.
    const text = readFileSync(join(dir, 'strategy.md'), 'utf8');
    const gone = 'We will leverage artificial intelligence and machine learning to drive innovation across the organisation.';
    expect(text).toContain(gone);
    writeFileSync(join(dir, 'strategy.md'), text.replace(gone, ''));

    const r = stratlint(['.', '--baseline', 'baseline.json', '--max-warnings', '0', '--format', 'sarif', '--output-file', 'out.sarif'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(validate(join(dir, 'out.sarif'))).toEqual([]);
    const results = sarifOf(join(dir, 'out.sarif')).runs[0].results as any[];
    const byState = (state: string) => results.filter((x) => x.baselineState === state);
    expect(results.every((x) => ['new', 'unchanged', 'absent'].includes(x.baselineState))).toBe(true);
    expect(byState('new').map((x) => [x.ruleId, x.locations[0].physicalLocation.region.startLine])).toEqual([
      ['vague-goals', 15],
      ['hype-tech', 15],
    ]);
    expect(byState('absent').length).toBeGreaterThan(0);
    expect(byState('absent').map((x) => x.properties.evidence).join(' ')).toMatch(/leverage|artificial intelligence/);
    // Every finding of the baseline is either still found (unchanged) or absent.
    expect(byState('unchanged').length + byState('absent').length).toBe(recorded);
    // The fingerprints code scanning matches alerts by are those of a run without the baseline.
    const plain = stratlint(['.', '--format', 'sarif'], { cwd: dir });
    const fingerprints = (list: any[]) => list.map((x) => x.partialFingerprints).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(fingerprints(results.filter((x) => x.baselineState !== 'absent'))).toEqual(fingerprints(JSON.parse(plain.stdout).runs[0].results));
  });

  it('works on a merged run of shards as on one run', () => {
    const { dir } = adopted();
    edit(dir);
    for (const i of [1, 2]) stratlint(['.', '--shard', `${i}/2`, '--format', 'json', '--output-file', `shard-${i}.json`], { cwd: dir });
    const merged = stratlint(['merge', 'shard-1.json', 'shard-2.json', '--baseline', 'baseline.json', '--format', 'sarif'], { cwd: dir });
    const one = stratlint(['.', '--baseline', 'baseline.json', '--format', 'sarif'], { cwd: dir });
    expect(merged.stdout).toBe(one.stdout);
    expect(merged.code).toBe(one.code);
  });

  it('says in one line what is wrong with a baseline, with exit code 2', () => {
    const dir = tempDir('stratlint-baseline-bad-');
    copyFileSync(join(ROOT, 'fixtures/strategies/riverside-council-digital-strategy.md'), join(dir, 'strategy.md'));
    writeFileSync(join(dir, 'not-a-report.json'), '{"hello": 1}');
    const cases: Array<[string[], string]> = [
      [['--baseline', 'none.json'], '--baseline none.json: cannot read it (ENOENT); write one with --write-baseline'],
      [['--baseline', 'not-a-report.json'], '--baseline not-a-report.json: not a stratlint JSON report (version 1)'],
      [['--write-baseline'], '--write-baseline writes the file named by --baseline; give --baseline <path> too'],
      [['--baseline', 'strategy.md', '--write-baseline'], 'refusing to write the baseline over strategy.md, which is a file stratlint reads or writes'],
    ];
    for (const [args, message] of cases) {
      const r = stratlint(['strategy.md', ...args], { cwd: dir });
      expect(r.code, message).toBe(2);
      expect(r.stderr).toBe(`stratlint: ${message}\n`);
      expect(r.stdout).toBe('');
    }
    expect(readFileSync(join(dir, 'strategy.md'), 'utf8')).toBe(readFileSync(join(ROOT, 'fixtures/strategies/riverside-council-digital-strategy.md'), 'utf8'));
  });
});
