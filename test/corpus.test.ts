// The rules on real published strategies (../shared/corpus), against two reviewers' labels: the
// bars a release is judged by. Run `npm run corpus` for the figures per sign and per document.
//
// FLOORS are the figures measured on main; they only ever go up. When a change improves a figure,
// raise its floor in the same commit; a change that loses one fails here. The documents numbered
// 20 and above were not used when the rules were first written, so their floors say most about
// how the rules do on strategies nobody here has read.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from '../dist/src/engine/run.js';
import { corpusDir, corpusFiles, scoreAgainstLabels } from '../scripts/lib/corpus-score.js';
import { ROOT } from './helpers.js';

interface DocumentFloor {
  /** must-find items found, at least */
  hit: number;
  /** must-not-flag items flagged, at most */
  flagged: number;
  /** sign verdicts equal to the first reviewer's, at least (of 12) */
  agree: number;
  /** sign verdicts equal to either reviewer's, at least (of 12) */
  either: number;
}

const FLOORS: { documents: Record<string, DocumentFloor>; rho: number } = {
  documents: {
    '02-moj-digital-strategy-2012.md': { hit: 6, flagged: 0, agree: 12, either: 12 },
    '05-esdc-it-strategy-canada.md': { hit: 7, flagged: 0, agree: 12, either: 12 },
    '06-directgov-2010-revolution-not-evolution.md': { hit: 3, flagged: 0, agree: 12, either: 12 },
    '19-ons-digital-publishing-principles.md': { hit: 3, flagged: 0, agree: 12, either: 12 },
    '20-us-omb-cloud-smart-2019.md': { hit: 7, flagged: 0, agree: 9, either: 10 },
    '21-us-federal-data-strategy-2020-action-plan.md': { hit: 8, flagged: 0, agree: 11, either: 12 },
    '22-uk-gds-reliability-engineering-strategy-2019.md': { hit: 5, flagged: 0, agree: 11, either: 12 },
    '26-au-dta-secure-cloud-strategy-2017.md': { hit: 9, flagged: 0, agree: 11, either: 12 },
  },
  /**
   * Spearman's rho of the score against the mean of the two reviewers' overall scores. Lowered
   * to 0.47 when the commitment model landed; raised again (0.81 measured) when user-centred
   * read research as reported or promised and organisations as users, mainstream stopped
   * counting long sentences beside a low reading ease, and integrated read ties to "each
   * agency's mission", and focused read sequences and defaults as priorities (0.88).
   * docs/scorecard.md has the leave-one-out figures.
   */
  rho: 0.9,
};

const dir = corpusDir(ROOT);
const available = existsSync(join(dir, 'labels.yml'));

describe.skipIf(!available)('real strategies in ../shared/corpus', async () => {
  const run = available ? await new Linter({ cwd: ROOT }).lintFiles(corpusFiles(dir)) : { files: [] };
  const figures = available
    ? scoreAgainstLabels(join(dir, 'labels.yml'), run.files, { secondPath: join(dir, 'labels-second.yml') })
    : null;

  it('lints every labelled document without a file error', () => {
    expect(run.files.map((f) => f.path.split('/').pop())).toEqual(Object.keys(FLOORS.documents));
    for (const f of run.files) expect(f.errors).toEqual([]);
  });

  it.each(Object.entries(FLOORS.documents))('%s: must-find, must-not-flag and verdicts hold their floors', (file, floor) => {
    const d = figures!.documents[file];
    const missed = Object.values(figures!.signs).flatMap((s) => s.missed.filter((m: string) => m.startsWith(file.slice(0, 3))));
    expect(d.hit, `must-find found; missed ${missed.join(', ')}`).toBeGreaterThanOrEqual(floor.hit);
    expect(d.flagged, 'must-not-flag items flagged').toBeLessThanOrEqual(floor.flagged);
    expect(d.verdicts).toBe(12);
    expect(d.agree, `verdicts agreeing with the first reviewer; ${figures!.verdicts.disagreements.filter((x: string) => x.startsWith(file.slice(0, 2))).join('; ')}`).toBeGreaterThanOrEqual(floor.agree);
    expect(d.either, 'verdicts agreeing with either reviewer').toBeGreaterThanOrEqual(floor.either);
  });

  it('ranks the documents as the two reviewers do, at least as well as its floor', () => {
    expect(figures!.ranking).toHaveLength(8);
    expect(figures!.rho).toBeGreaterThanOrEqual(FLOORS.rho);
  });

  it('reads each document’s date from its front matter', () => {
    const dates = Object.fromEntries(run.files.map((f) => [f.path.split('/').pop(), f.referenceDate]));
    expect(dates['02-moj-digital-strategy-2012.md']).toBe('2012-12-01');
    expect(dates['05-esdc-it-strategy-canada.md']).toBe('2019-01-01');
    expect(dates['19-ons-digital-publishing-principles.md']).toBe('2016-01-01');
    expect(dates['20-us-omb-cloud-smart-2019.md']).toBe('2019-06-24');
  });
});
