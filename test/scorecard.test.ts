// The scorecard as users see it: its JSON shape, verdicts a reader can rebuild, the anchors'
// ranking, and the --fail-under gate.
import { describe, expect, it } from 'vitest';
import { SIGNS, GOOD_SIGNS } from '../dist/src/core/types.js';
import { SIGN_POINTS } from '../dist/src/score/scorecard.js';
import { Linter } from '../dist/src/engine/run.js';
import { ROOT, stratlint } from './helpers.js';

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

  it('can be rebuilt from the measures: each sign’s measure against its two cut points, then points', () => {
    for (const file of out.files) {
      let lost = 0;
      for (const [sign, s] of Object.entries<any>(file.scorecard.signs)) {
        expect(s.findings).toBe(file.findings.filter((f: any) => f.sign === sign).length);
        const [low, high] = s.measure.thresholds;
        const strongValue = (s.measure.strong ?? s.measure).value;
        const level = strongValue >= high ? 2 : s.measure.value >= low ? 1 : 0;
        const good = (GOOD_SIGNS as readonly string[]).includes(sign);
        expect(s.verdict).toBe((good ? ['present', 'weak', 'missing'] : ['absent', 'some', 'strong'])[level]);
        expect(s.points).toBe(level === 0 ? 0 : level === 1 ? -Math.round(s.maxPoints / 2) : -s.maxPoints);
        lost -= s.points;
      }
      // Each point lost counts `scale` times: how hard the reviewers mark, fitted with the cut points.
      expect(file.scorecard.scale).toBeGreaterThan(0);
      expect(file.scorecard.score).toBe(Math.max(0, Math.round(100 - file.scorecard.scale * lost)));
    }
  });

  it('takes each measure from what the rules measured in the document, normalised for its size', () => {
    // How each measure a sign may be judged by is computed from the rules' measures (docs/scorecard.md).
    const formulas: Record<string, (m: Record<string, number>, file: any, sign: string) => number> = {
      'open-share': (m) => (m['vague-goals.commitments'] ? m['vague-goals.open'] / m['vague-goals.commitments'] : 1),
      'aim-share': (m) => (m['vague-goals.commitments'] ? m['vague-goals.open-aims'] / m['vague-goals.commitments'] : 1),
      'unordered-items': (m) => m['wish-list.unordered-items'],
      'furthest-years': (m) => m['long-horizon.furthest-years'],
      'median-years': (m) => m['long-horizon.median-years'],
      'cliches-per-thousand': (m, file) => (1000 * m['cookie-cutter.cliches']) / file.words,
      'hype-per-thousand': (m, file) => (1000 * m['hype-tech.hype-weight']) / file.words,
      'tech-ratio': (m) => m['it-driven.technology-terms'] / Math.max(1, m['it-driven.people-terms']),
      'technical-share': (m) => (m['it-driven.statements'] ? m['it-driven.technical'] / m['it-driven.statements'] : 0),
      // JSON findings carry no weight; the scorecard gives their sum per sign.
      'finding-weight': (_, file, sign) => file.scorecard.signs[sign].weight,
    };
    for (const file of out.files) {
      for (const [sign, s] of Object.entries<any>(file.scorecard.signs)) {
        for (const measure of [s.measure, s.measure.strong].filter(Boolean)) {
          expect(Object.keys(formulas), `${sign}: ${measure.name}`).toContain(measure.name);
          expect(measure.value, `${file.path} ${sign}: ${measure.name}`).toBeCloseTo(formulas[measure.name]!(file.measures, file, sign), 2);
        }
      }
    }
    // The reason quotes the measure and the cut point that decided the verdict.
    expect(bad.scorecard.signs.vague.reason).toMatch(
      /^vague-goals: None of the 14 objectives has both a measure and a deadline \(and \d+ more findings\) \(weight [\d.]+; some from weight 0\.5\); \d+ of \d+ commitments have no measure, no date and no deliverable \(\d+%; strong from \d+%\)$/,
    );
    expect(good.scorecard.signs.vague.reason).toMatch(/^nothing found against it \(weight 0; some from weight 0\.5\); 0 of \d commitments have no measure, no date and no deliverable \(0%; strong from \d+%\)$/);
    expect(bad.scorecard.signs['wish-list'].reason).toBe('14 initiatives with no order, phasing or priority (the longest run has 14) (14; some from 10, strong from 25)');
  });

  it('raises a verdict its measure would leave fine when a reviewer would not: an IT department’s own plan', async () => {
    const text = [
      '# Customer services plan',
      '',
      'The chief executive sponsors this plan. Our internal customers told us that staff wait too long for help,',
      'so we will publish a service catalogue and raise our IT maturity. Residents and staff will find help faster,',
      'and patients, carers and families will get answers on the first call.',
    ].join('\n');
    const card = (await new Linter({ cwd: ROOT }).lintText(text, 'plan.md')).scorecard!;
    const it = card.signs['it-driven'];
    expect(it.measure.value).toBeLessThan(it.measure.thresholds[0]);
    expect(it.verdict).toBe('some');
    expect(it.floor).toMatch(/^framed as an IT department's own plan: 3 mentions/);
    expect(it.reason).toMatch(/\(0\.\d to 1; some from [\d.]+ to 1\); some all the same: framed as an IT department's own plan: 3 mentions/);
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
    expect(r.stdout).toMatch(/✖ unproven-tech +strong +-8 +hype technology weighs \d+ .* in \d+ words, against \d+ mentions? of the basics \([\d.]+ per 1,000 words; strong from [\d.]+ per 1,000 words\)/);
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

describe('undated deliverables are less vague than undated aims', () => {
  // The same plan twice: five commitments with no measure and no date, first as things that will
  // exist or not (a dashboard, a head of data, a register), then as aims.
  const plan = (items: string[]) =>
    `---\ndate: 2025-01-10\n---\n\n# Fenwick Housing digital plan\n\nFenwick Housing manages 6,000 homes for tenants across the valley.\n\n## What we will do\n\n${items.map((i) => `- ${i}`).join('\n')}\n`;
  const deliverables = plan([
    'Create a repairs dashboard that tenants can see',
    'Appoint a head of data to own our tenancy records',
    'Publish a register of the damp cases we know about',
    'Build a tenant app for booking repairs',
    'Set up a digital skills academy for our caretakers',
  ]);
  const aims = plan([
    'Improve how tenants report repairs',
    'Enhance our use of tenancy data',
    'Drive a culture of innovation in every team',
    'Empower caretakers to work digitally',
    'Transform the tenant experience',
  ]);

  it('calls a plan of undated deliverables somewhat vague, and one of undated aims strongly vague', async () => {
    const linter = new Linter({ cwd: ROOT });
    const made = await linter.lintText(deliverables, 'deliverables.md');
    const wished = await linter.lintText(aims, 'aims.md');
    for (const r of [made, wished]) expect(r.measures?.['vague-goals.open']).toBe(5);
    expect(made.measures?.['vague-goals.open-aims']).toBe(0);
    expect(wished.measures?.['vague-goals.open-aims']).toBe(5);
    expect(made.scorecard?.signs.vague.verdict).toBe('some');
    expect(wished.scorecard?.signs.vague.verdict).toBe('strong');
    expect(wished.scorecard?.signs.vague.reason).toContain('5 of 5 commitments have no measure, no date and no deliverable (100%; strong from');
  });

  it('needs the thing made to be the verb’s object: a new era, our people or the conditions for growth are not deliverables', async () => {
    const linter = new Linter({ cwd: ROOT });
    const notMade = plan([
      'Launch a new era of service for tenants',
      'Develop our people',
      'Create the conditions for growth in the valley',
      'Build trust with tenants through better contact',
      'Implement the findings of the tenant survey',
    ]);
    const r = await linter.lintText(notMade, 'not-made.md');
    expect(r.measures?.['vague-goals.open']).toBe(5);
    expect(r.measures?.['vague-goals.open-aims']).toBe(5);
  });
});
