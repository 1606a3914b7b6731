// The signs about choices and track record (useful to teams, realistic, focused) on real
// strategies and on the two sample strategies: verdicts as a reader would give them, and
// findings where a reader would look.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Linter } from '../dist/src/engine/run.js';
import { corpusDir, corpusFiles, scoreAgainstLabels } from '../scripts/lib/corpus-score.js';
import { ROOT } from './helpers.js';

const SIGNS = ['useful-to-teams', 'realistic', 'focused'] as const;
// The four strategies these rules were written on; the later ones are held by the per-document
// floors in corpus.test.ts.
const FIRST_FOUR = /^(02|05|06|19)-/;
const dir = corpusDir(ROOT);
const available = existsSync(join(dir, 'labels.yml'));

describe.skipIf(!available)('useful-to-teams, realistic and focused on ../shared/corpus', async () => {
  const run = available ? await new Linter({ cwd: ROOT }).lintFiles(corpusFiles(dir)) : { files: [] };
  const labels = available ? (parse(readFileSync(join(dir, 'labels.yml'), 'utf8')) as { documents: any[] }) : { documents: [] };

  it('gives the reviewer’s verdict for each of the three signs on each document', () => {
    const disagreements: string[] = [];
    for (const doc of labels.documents.filter((d) => FIRST_FOUR.test(d.file))) {
      const file = run.files.find((f: any) => f.path.endsWith(doc.file));
      if (!file) continue;
      for (const sign of SIGNS) {
        const verdict = file.scorecard.signs[sign].verdict;
        if (verdict !== doc.signs[sign].label) disagreements.push(`${doc.file} ${sign}: ${verdict}, label ${doc.signs[sign].label}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('finds every must-find item of the three signs and flags no must-not-flag item', () => {
    const figures = scoreAgainstLabels(join(dir, 'labels.yml'), run.files.filter((f: any) => FIRST_FOUR.test(f.path.split('/').pop())));
    for (const sign of SIGNS) {
      const s = figures.signs[sign];
      expect(s.missed, sign).toEqual([]);
      expect(s.falseFlags, sign).toEqual([]);
    }
  });
});

describe('useful-to-teams, realistic and focused on the sample strategies', async () => {
  const run = await new Linter({ cwd: ROOT }).lintFiles([
    join(ROOT, 'fixtures/strategies/riverside-council-digital-strategy.md'),
    join(ROOT, 'fixtures/strategies/northshire-ten-year-vision.md'),
  ]);
  const [good, bad] = ['riverside', 'northshire'].map((name) => run.files.find((f: any) => f.path.includes(name))!);

  it('finds principles, a track record and trade-offs in the focused strategy', () => {
    for (const sign of SIGNS) expect(good!.scorecard.signs[sign].verdict, sign).toBe('present');
  });

  it('finds none of them in the ten-year wish list, and says so at its headings', () => {
    for (const sign of SIGNS) expect(bad!.scorecard.signs[sign].verdict, sign).toBe('missing');
    const tradeOffs = bad!.findings.find((f: any) => f.ruleId === 'no-trade-offs' && f.weight === 2);
    expect(tradeOffs?.evidence).toBe('Our objectives');
  });
});
