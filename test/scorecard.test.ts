// The scorecard as users see it: its JSON shape, verdicts a reader can rebuild, the anchors'
// ranking, and the --fail-under gate.
import { describe, expect, it } from 'vitest';
import { SIGNS, GOOD_SIGNS } from '../dist/src/core/types.js';
import { SIGN_POINTS } from '../dist/src/score/scorecard.js';
import { stratlint } from './helpers.js';

const GOOD = 'fixtures/strategies/riverside-council-digital-strategy.md';
const BAD = 'fixtures/strategies/northshire-ten-year-vision.md';

const lint = (...paths: string[]) => JSON.parse(stratlint([...paths, '--format', 'json']).stdout);

describe('scorecard', () => {
  const out = lint(BAD, GOOD);
  const [bad, good] = out.files;

  it('has a verdict, points and evidence for each of the twelve signs', () => {
    for (const file of out.files) {
      expect(Object.keys(file.scorecard.signs).sort()).toEqual([...SIGNS].sort());
      for (const [sign, s] of Object.entries<any>(file.scorecard.signs)) {
        const good = (GOOD_SIGNS as readonly string[]).includes(sign);
        expect(good ? ['present', 'weak', 'missing'] : ['absent', 'some', 'strong']).toContain(s.verdict);
        expect(s.maxPoints).toBe(SIGN_POINTS[sign as keyof typeof SIGN_POINTS]);
        expect(s.evidence.length).toBeLessThanOrEqual(3);
        for (const e of s.evidence) expect(e).toMatchObject({ ruleId: expect.any(String), line: expect.any(Number), locator: expect.any(String) });
      }
    }
  });

  it('can be rebuilt from the findings: weights per sign, verdict thresholds, points', () => {
    for (const file of out.files) {
      let score = 100;
      for (const [sign, s] of Object.entries<any>(file.scorecard.signs)) {
        const weight = file.findings.filter((f: any) => f.sign === sign).length;
        expect(s.findings).toBe(weight);
        const level = s.weight >= 1.5 ? 2 : s.weight >= 0.5 ? 1 : 0;
        expect(s.points).toBe(level === 0 ? 0 : level === 1 ? -Math.round(s.maxPoints / 2) : -s.maxPoints);
        score += s.points;
      }
      expect(file.scorecard.score).toBe(score);
    }
  });

  it('scores a focused, measurable, user-centred strategy far above a ten-year wish list of hype tech', () => {
    expect(good.scorecard.score).toBeGreaterThanOrEqual(90);
    expect(bad.scorecard.score).toBeLessThanOrEqual(60);
    expect(good.scorecard.score - bad.scorecard.score).toBeGreaterThanOrEqual(35);
    expect(bad.scorecard.signs['unproven-tech'].verdict).toBe('strong');
    expect(bad.scorecard.signs['too-long-term'].verdict).toBe('strong');
    expect(bad.scorecard.signs['wish-list'].verdict).not.toBe('absent');
    expect(bad.scorecard.signs['user-centred'].verdict).toBe('missing');
    expect(good.scorecard.signs['user-centred'].verdict).toBe('present');
    expect(good.scorecard.signs.vague.verdict).toBe('absent');
  });

  it('shows the scorecard in the stylish report unless --no-scorecard', () => {
    const r = stratlint([BAD]);
    expect(r.stdout).toMatch(/Score \d+\/100/);
    expect(r.stdout).toMatch(/✖ unproven-tech +strong +-8 +Hype technology outweighs the basics/);
    expect(stratlint([BAD, '--no-scorecard']).stdout).not.toContain('Score ');
  });

  it('--fail-under fails the run for a document under the score, naming it', () => {
    expect(stratlint([GOOD, '--fail-under', '80']).code).toBe(0);
    const r = stratlint([GOOD, BAD, '--fail-under', '80', '--rule', 'no-users:warn']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`stratlint: ${BAD} scores`);
    expect(r.stderr).not.toContain(GOOD);
    expect(stratlint([GOOD, '--fail-under', '101']).code).toBe(2);
  });
});
