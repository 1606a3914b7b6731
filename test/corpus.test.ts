// The rules on real published strategies (../shared/corpus), against a reviewer's labels:
// the bars a release is judged by. Run `npm run corpus` for the per-sign table.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from '../dist/src/engine/run.js';
import { corpusDir, corpusFiles, scoreAgainstLabels, totals } from '../scripts/lib/corpus-score.js';
import { ROOT } from './helpers.js';

const dir = corpusDir(ROOT);
const available = existsSync(join(dir, 'labels.yml'));

describe.skipIf(!available)('real strategies in ../shared/corpus', async () => {
  const run = available ? await new Linter({ cwd: ROOT }).lintFiles(corpusFiles(dir)) : { files: [] };
  const figures = available ? scoreAgainstLabels(join(dir, 'labels.yml'), run.files) : null;

  it('lints every labelled document without a file error', () => {
    expect(run.files.length).toBeGreaterThanOrEqual(4);
    for (const f of run.files) expect(f.errors).toEqual([]);
  });

  it('the five foundation signs find at least 75% of must-find items and flag at most 20% of must-not-flag items', () => {
    const t = totals(figures!, ['vague', 'wish-list', 'too-long-term', 'unproven-tech', 'user-centred']);
    expect(t.hit / t.total).toBeGreaterThanOrEqual(0.75);
    expect(t.flagged / t.flagTotal).toBeLessThanOrEqual(0.2);
  });

  it('every sign finds at least 60% of its must-find items and flags at most 20% of its must-not-flag items', () => {
    for (const [sign, s] of Object.entries(figures!.signs)) {
      if (s.total) expect(s.hit / s.total, `${sign} must-find, missed ${s.missed.join(', ')}`).toBeGreaterThanOrEqual(0.6);
      if (s.flagTotal) expect(s.flagged / s.flagTotal, `${sign} false flags ${s.falseFlags.join(', ')}`).toBeLessThanOrEqual(0.2);
    }
  });

  it('agrees with the reviewer’s verdicts for at least 70% of sign × document pairs', () => {
    expect(figures!.verdicts.total).toBe(48);
    expect(figures!.verdicts.agree / figures!.verdicts.total).toBeGreaterThanOrEqual(0.7);
  });

  it('ranks the documents in the reviewer’s order by score', () => {
    const byScore = [...figures!.ranking].sort((a, b) => b.score - a.score).map((r) => r.file.slice(0, 2));
    const byReviewer = [...figures!.ranking].sort((a, b) => b.overall - a.overall).map((r) => r.file.slice(0, 2));
    expect(byScore).toEqual(byReviewer);
    expect(byReviewer).toEqual(['06', '02', '19', '05']);
  });

  it('reads each document’s date from its front matter', () => {
    const dates = Object.fromEntries(run.files.map((f) => [f.path.split('/').pop(), f.referenceDate]));
    expect(dates['02-moj-digital-strategy-2012.md']).toBe('2012-12-01');
    expect(dates['05-esdc-it-strategy-canada.md']).toBe('2019-01-01');
    expect(dates['19-ons-digital-publishing-principles.md']).toBe('2016-01-01');
  });
});
