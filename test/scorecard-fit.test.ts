// The scorecard's cut points, fitted to the two reviewers' labels of ../shared/corpus by
// scripts/fit-scorecard.js, and checked leave-one-document-out: fit on seven, predict the eighth.
// FLOORS are what was measured; they only go up (docs/scorecard.md has the figures per sign).
// Once lowered, on 2026-12-07: reading work already in operation as delivery made realistic
// agree with both reviewers on 22 (one verdict more, fitted and left out), and with it the rank
// over eight documents fell from 0.91 to 0.88 left out and the largest fitted gap rose from 11
// to 13 (the points rescaled from 1.25 to 1.3): a right verdict is kept over a rank figure.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from '../dist/src/engine/run.js';
import { SCALE, THRESHOLDS } from '../dist/src/score/thresholds.js';
import { corpusDir } from '../scripts/lib/corpus-score.js';
import { fitted, leaveOneOut, loadCorpus } from '../scripts/lib/fit-scorecard.js';
import { ROOT } from './helpers.js';

// Measured with the commitment model, which finds three times the commitments the scorecard
// was first fitted on; agreement rose and the rank fell (on the scorecard's branch alone:
// fitted 83 / 78 / 0.88 / 11, leave-one-out 80 / 75 / 0.898 / 12.5). The rank is the open
// problem: see docs/scorecard.md.
const FLOORS = {
  /** Of 96 verdicts (8 documents, 12 signs). */
  fitted: { either: 94, first: 89, rho: 0.9, maxOff: 13 },
  // The largest gap left out was 8 before undated deliverables counted as less vague than
  // aims; that change brought two verdicts to the reviewers' and the rank to 0.90, and moved
  // the scale of some folds so that 21 sits 10 from the reviewers' mean (the issue allows 15).
  leaveOneOut: { either: 91, first: 85, rho: 0.9, maxOff: 10 },
};

const dir = corpusDir(ROOT);
const available = existsSync(join(dir, 'labels-second.yml'));

describe.skipIf(!available)('the scorecard fitted to the reviewers of ../shared/corpus', async () => {
  const docs = available ? await loadCorpus(Linter, ROOT, dir) : [];

  it('ships the cut points and scale the fitting script gives on all eight documents', () => {
    const { thresholds, scale } = fitted(docs);
    expect(THRESHOLDS).toEqual(thresholds);
    expect(SCALE).toBe(scale);
  });

  it('agrees with the reviewers and ranks as they do, fitted, at least as well as its floors', () => {
    const { figures } = fitted(docs);
    expect(figures.total).toBe(96);
    expect(figures.either).toBeGreaterThanOrEqual(FLOORS.fitted.either);
    expect(figures.first).toBeGreaterThanOrEqual(FLOORS.fitted.first);
    expect(figures.rho).toBeGreaterThanOrEqual(FLOORS.fitted.rho);
    expect(figures.maxOff).toBeLessThanOrEqual(FLOORS.fitted.maxOff);
  });

  it('does as well on each document when fitted on the other seven, at least as well as its floors', () => {
    const { figures, folds } = leaveOneOut(docs);
    expect(folds).toHaveLength(8);
    expect(figures.either).toBeGreaterThanOrEqual(FLOORS.leaveOneOut.either);
    expect(figures.first).toBeGreaterThanOrEqual(FLOORS.leaveOneOut.first);
    expect(figures.rho).toBeGreaterThanOrEqual(FLOORS.leaveOneOut.rho);
    expect(figures.maxOff).toBeLessThanOrEqual(FLOORS.leaveOneOut.maxOff);
  });
});
