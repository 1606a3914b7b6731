// `stratlint explain <file>`: per sign, the measures and cut points that decided the verdict,
// what the rules measured, and the findings, for a user who disagrees and wants to see why.
import { describe, expect, it } from 'vitest';
import { SIGNS } from '../dist/src/core/types.js';
import { stratlint } from './helpers.js';

const BAD = 'fixtures/strategies/northshire-ten-year-vision.md';
const GOOD = 'fixtures/strategies/riverside-council-digital-strategy.md';

describe('stratlint explain', () => {
  const explained = stratlint(['explain', BAD]);
  const json = JSON.parse(stratlint([BAD, '--format', 'json']).stdout).files[0];

  it('explains every sign of the document, with the score rebuilt from the points each sign costs', () => {
    expect(explained.code).toBe(1); // the document has an error, as when linted
    const lost = Object.values<any>(json.scorecard.signs).filter((s) => s.points < 0).map((s) => -s.points);
    expect(explained.stdout.startsWith(`${BAD}\n  Score ${json.scorecard.score}/100: 100 - ${json.scorecard.scale} x (${lost.join(' + ')}), rounded\n`)).toBe(true);
    for (const sign of SIGNS) {
      const s = json.scorecard.signs[sign];
      expect(explained.stdout).toContain(`\n  ${sign}: ${s.verdict}${s.points ? `, ${s.points} of ${s.maxPoints} points` : ''}\n    decided by: ${s.measure.name} = `);
    }
  });

  it('shows the measures and cut points that decided a verdict, what the rules measured, and the findings by weight', () => {
    const vague = explained.stdout.slice(explained.stdout.indexOf('\n  vague: '), explained.stdout.indexOf('\n  too-long-term: '));
    expect(vague).toMatch(/decided by: finding-weight = weight [\d.]+: vague-goals: None of the 14 objectives has both a measure and a deadline \(and \d+ more findings\); some from weight 0\.5\n/);
    expect(vague).toMatch(/ and: aim-share = \d+%: 19 of 21 commitments have no measure, no date and no deliverable; strong from \d+%\n/);
    expect(vague).toContain('    measured: vague-goals.commitments 21, vague-goals.open 19, vague-goals.open-aims 19\n');
    expect(vague).toMatch(/findings: 21, weighing [\d.]+ together\n +25:1 +1\.5 +vague-goals: None of the 14 objectives has both a measure and a deadline\n/);
    const wish = explained.stdout.slice(explained.stdout.indexOf('\n  wish-list: '));
    expect(wish).toContain('decided by: unordered-items = 14: 14 initiatives with no order, phasing or priority (the longest run has 14); some from 10, strong from 25');
  });

  it('is the same as --explain and -f explain, and takes the lint options', () => {
    expect(stratlint([BAD, '--explain']).stdout).toBe(explained.stdout);
    expect(stratlint(['-f', 'explain', BAD]).stdout).toBe(explained.stdout);
    const off = stratlint(['explain', BAD, '--rule', 'vague-goals:off']).stdout;
    // With its rule off, the sign falls back on the weight of the findings that remain.
    expect(off).toMatch(/\n {2}vague: absent\n {4}decided by: finding-weight = weight 0\.25: no-success-measures: /);
    expect(off).not.toContain('vague-goals.commitments');
  });

  it('names a file it cannot read, exits 2, and still explains the others', () => {
    const r = stratlint(['explain', 'missing.md', GOOD]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('missing.md\n  error: No such file or folder (not-found)\n');
    expect(r.stdout).toContain(`${GOOD}\n  Score 100/100: 100\n`);
    expect(r.stderr).toContain('missing.md');
  });
});
