// Whole strategies for the integrated, IT-driven and cookie-cutter signs: an IT department's
// roadmap and a trust strategy that ties its technology to patients, staff and its clinical
// strategy. The verdicts a reviewer would give, and the passages that must not be flagged.
import { describe, expect, it } from 'vitest';
import { Linter } from '../dist/src/engine/run.js';
import { ROOT } from './helpers.js';

const GOOD = 'fixtures/signs/harbour-trust-digital-strategy.md';
const BAD = 'fixtures/signs/eastmoor-ict-strategy.md';

describe('integrated, IT-driven and cookie-cutter on whole strategies', async () => {
  const run = await new Linter({ cwd: ROOT }).lintFiles([GOOD, BAD]);
  const file = (path: string) => run.files.find((f) => f.path.endsWith(path))!;
  const verdicts = (path: string) => {
    const signs = file(path).scorecard!.signs;
    return { integrated: signs.integrated.verdict, 'it-driven': signs['it-driven'].verdict, 'cookie-cutter': signs['cookie-cutter'].verdict };
  };
  const at = (path: string, rule: string) => file(path).findings.filter((f) => f.ruleId === rule).map((f) => f.line);

  it('reads an IT roadmap with a ten-year single-supplier deal as IT-driven, cookie-cutter and not integrated', () => {
    expect(verdicts(BAD)).toEqual({ integrated: 'missing', 'it-driven': 'strong', 'cookie-cutter': 'strong' });
    // The contract, and leadership left to the Head of ICT.
    expect(at(BAD, 'supplier-lock-in')).toEqual([34]);
    expect(at(BAD, 'it-driven')).toContain(41);
  });

  it('reads a trust strategy tied to its clinical strategy and its patients as integrated, outcome-led and local', () => {
    expect(verdicts(GOOD)).toEqual({ integrated: 'present', 'it-driven': 'absent', 'cookie-cutter': 'absent' });
    // Technical work tied to outcomes, a CIO beside the chief executive, and short contracts.
    for (const rule of ['it-driven', 'supplier-lock-in', 'cookie-cutter', 'not-integrated']) expect(at(GOOD, rule)).toEqual([]);
  });
});
