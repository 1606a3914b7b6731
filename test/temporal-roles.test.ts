// Dates with a role: a year or a duration is the strategy's horizon only when the text plans
// forward. Two strategies of our own: one full of years that are not horizons (statistics,
// ages, look-backs, forecasts of the world, citations), one whose horizons are all real.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analysis } from '../dist/src/analysis/index.js';
import { buildLexicons } from '../dist/src/analysis/lexicons.js';
import { findTemporal } from '../dist/src/analysis/temporal.js';
import { markdownDocument } from '../dist/src/formats/markdown.js';
import { Linter } from '../dist/src/engine/run.js';
import { lintText } from '../dist/src/api.js';
import { ROOT } from './helpers.js';

const TRAPS = 'fixtures/dates/traps.md';
const HORIZONS = 'fixtures/dates/horizons.md';

/** Each temporal fact of a fixture as "line role text". */
function roles(path: string): string[] {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const analysis = new Analysis(markdownDocument(path, text), { lexicons: buildLexicons() });
  return analysis.temporalFacts.map((f) => `${text.slice(0, f.start).split('\n').length} ${f.role} ${f.match.text.replace(/\s+/g, ' ')}`);
}

describe('temporal facts with a role', async () => {
  const run = await new Linter({ cwd: ROOT }).lintFiles([TRAPS, HORIZONS]);
  const horizonLines = (path: string) =>
    run.files.find((f) => f.path.endsWith(path))!.findings.filter((f) => f.ruleId === 'long-horizon').map((f) => `${f.line}: ${f.message}`);

  it('gives years and durations that are not the plan’s horizon the role they have', () => {
    const found = roles(TRAPS);
    expect(found).toEqual(
      expect.arrayContaining([
        // Figures and the years they were measured in; the 71% is never the year 2071.
        '10 statistic 2016',
        '10 statistic 2023',
        '10 statistic 2017',
        '10 statistic 2024',
        // Look-backs.
        '12 past the last two decades',
        '14 past Twenty years ago',
        '14 past the past 15 years',
        '30 past Over 25 years',
        // Ages of systems and of people.
        '16 age more than 30 years',
        '16 age over 12 years',
        '28 age over 65 years',
        // Forecasts of the world, with or without a forecasting word.
        '18 statistic 2021 to 2041',
        '20 projection 2045',
        '22 projection 2040',
        '24 projection over the next 10 years',
        '26 projection 2034',
        '36 projection 2035',
        // What may come about (a modal of possibility), even of the organisation's own people.
        '52 projection in the next ten years',
        '54 projection within 12 years',
        '56 projection over the next decade',
        // Laws, author-year references and another body's plan.
        '32 citation 1999',
        '32 citation 2010',
        '32 citation 2019',
        '34 citation 2020-2040',
        '48 citation 2024-2040',
        '48 citation 2022',
        // The plan's own dates, a contract's length and a cadence.
        '40 deadline March 2027',
        '42 deadline within 18 months',
        '42 period three-year',
        '46 cadence every year',
      ]),
    );
    expect(found.some((f) => f.includes('quarter'))).toBe(false);
  });

  it('reports no horizon in a strategy whose far years are statistics, ages, look-backs, forecasts and citations', () => {
    expect(horizonLines(TRAPS)).toEqual([]);
  });

  it('reports every horizon the strategy plans forward to: a vision year in the title or a heading, a ten-year plan, over the next decade, by 2033, a plan that runs for twelve years', () => {
    expect(horizonLines(HORIZONS)).toEqual([
      "6: Horizon runs to 2036, 12 years past the document's date (2024)",
      '8: Horizon of 10 years ("ten-year") is longer than 5 years',
      '10: Horizon of 10 years ("Over the next decade") is longer than 5 years',
      "12: Horizon runs to 2033, 9 years past the document's date (2024)",
      '14: Horizon of 10 years ("more than 10 years") is longer than 5 years',
      "16: Horizon runs to 2040, 16 years past the document's date (2024)",
      "18: Horizon runs to 2032, 8 years past the document's date (2024)",
      '20: Horizon of 15 years ("fifteen-year") is longer than 5 years',
      "22: Horizon runs to 2035, 11 years past the document's date (2024)",
      '26: Horizon of 12 years ("twelve years") is longer than 5 years',
      "28: Horizon runs to 2038, 14 years past the document's date (2024)",
      '30: Horizon of 10 years ("ten-year") is longer than 5 years',
    ]);
  });

  it('keeps deadlines on the strategy’s commitments, and not on a past year or a forecast', () => {
    const text = readFileSync(join(ROOT, TRAPS), 'utf8');
    const analysis = new Analysis(markdownDocument(TRAPS, text), { lexicons: buildLexicons() });
    const deadlines = analysis.objectives.map((o) => o.deadline?.match.text ?? null);
    expect(deadlines).toEqual(expect.arrayContaining(['March 2027', 'within 18 months', 'every year']));
    expect(deadlines.filter((d) => d !== null).every((d) => ['March 2027', 'within 18 months', 'every year'].includes(d!))).toBe(true);
  });

  it('reads a span in a sentence about what was done as a record of delivery, not a horizon', async () => {
    const doc = '---\ndate: 2025-01-01\n---\n\n# Plan\n\nOver 12 years the council has moved 400 forms online.\n\n## What we will do\n\n- Move the last 30 forms online by March 2026.\n';
    const findings = (await lintText(doc, { cwd: ROOT, filePath: 'plan.md' })).files[0]!.findings;
    expect(findings.filter((f) => f.ruleId === 'long-horizon')).toEqual([]);
    expect(findings.filter((f) => f.ruleId === 'no-delivery-evidence').map((f) => f.message)).toEqual([
      'Only one statement of what has been delivered: "Over 12 years the council has moved 400 forms online."',
    ]);
  });

  it('reads a bare length as a length, not a deadline, unless it stands alone as a timeline', () => {
    const doc = '---\ndate: 2025-01-01\n---\n\n# Plan\n\n## Objectives\n\n- Cut the wait for a hip replacement from 46 weeks to 18 weeks.\n\n| Action | Timeline |\n|---|---|\n| Replace the booking system | 12 months |\n';
    const analysis = new Analysis(markdownDocument('plan.md', doc), { lexicons: buildLexicons() });
    // The table's row is an action whose timeline cell is its deadline.
    expect(analysis.objectives.map((o) => [o.text, o.deadline?.match.text ?? null])).toEqual([
      ['Cut the wait for a hip replacement from 46 weeks to 18 weeks.', null],
      ['Replace the booking system', '12 months'],
    ]);
    expect(analysis.temporalFacts.map((f) => `${f.role} ${f.match.text}`)).toEqual(['period 46 weeks to 18 weeks', 'deadline 12 months']);
  });

  it('never reads a percentage or a sum of money as a year', () => {
    const years = (text: string) => findTemporal(text, new Date(Date.UTC(2020, 0, 1))).map((m) => m.year);
    expect(years('Take-up rose from 61% in 2015 to 78% in 2019.')).toEqual([2015, 2019]);
    expect(years('Sites grew in 2015 to 20 across the county.')).toEqual([2015]);
    expect(years('A 2030% return and 2025 million visits.')).toEqual([]);
    expect(years('In 2023, and again in 2024, we met the target.')).toEqual([2023, 2024]);
    expect(years('Our plan runs from 2025 to 2030.')).toEqual([2030]);
  });
});

describe('a date earlier in the year the document is dated', () => {
  it('was due before the document was written: past, not a deadline', () => {
    const text = [
      '---',
      'date: 2025-11-20',
      '---',
      '',
      '# Records plan',
      '',
      'Every library was required to publish its register by March 2025.',
      '',
      'We will publish the loans catalogue by December 2025 and the archive by 2026-02.',
    ].join('\n');
    const analysis = new Analysis(markdownDocument('plan.md', text), { lexicons: buildLexicons() });
    expect(analysis.temporalFacts.map((f) => `${f.role} ${f.match.text}`)).toEqual(['past March 2025', 'deadline December 2025', 'deadline 2026-02']);
  });
});
