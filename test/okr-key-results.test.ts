// Blind test round three (fixtures/blind/FINDINGS.md, class R3-1), in our own words: objectives
// with key results beneath them, each key result opening with a reference code ("**KR 1.1**",
// "KR1.2:", "KR 2.1 –", "SO3.1)"). The code names the key result: the words after it are the
// commitment, whether an action ("Raise …") or the result to reach ("Every boater … can see …"),
// and the code's number measures nothing. Key results reviewed on a cycle are a review cycle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { commitments, findings, lintText } from './support/judgement.js';

const PLAN = 'fixtures/precision/okr-key-results.md';
describe('key results behind a reference code (OKRs)', () => {
  it('reads every key result as a commitment, and the code\'s number as no measure', () => {
    expect(commitments(PLAN, 3)).toEqual([
      '16 Objective 1: Boaters | measure yes | date yes',
      '20 KR 1.1 Raise | measure yes | date yes',
      '21 KR1.2: Every boater | measure no | date yes',
      '22 KR 1.3 Improve | measure no | date no',
      '28 KR 2.1 – | measure yes | date yes',
      '29 KR 2.2 – | measure no | date yes',
      '30 KR 2.3 – | measure no | date no',
      '32 Objective 3: Lock | measure yes | date yes',
      '36 SO3.1) Half the | measure yes | date yes',
      '37 SO3.2) Upgrade the | measure no | date yes',
      '38 SO3.3) All 38 | measure yes | date yes',
    ]);
  });

  it('reports the unmeasured key results, not the objectives their key results measure', async () => {
    expect(await findings(PLAN, 'vague-goals')).toEqual([
      '22: Objective has no measure or deadline, only "Improve": "KR 1.3 Improve the boating experience across the network."',
      '30: Objective has no measure or deadline, only "Enhance": "KR 2.3 – Enhance engagement with towpath users."',
    ]);
  });

  it('judges a technical key result as any other commitment', async () => {
    expect(await findings(PLAN, 'it-driven')).toEqual([
      '37: Technical change with no outcome for people: "Upgrade the telemetry servers" in "SO3.2) Upgrade the telemetry servers at the Fenmere depot…"',
    ]);
  });

  it('takes key results refreshed each quarter for a review cycle', async () => {
    expect(await findings(PLAN, 'no-review-cycle')).toEqual([]);
    const unreviewed = readFileSync(join(ROOT, PLAN), 'utf8').replace('Our key results are refreshed each quarter by the\nTrust Board.', '');
    const result = await lintText(unreviewed);
    expect(result.findings.filter((f) => f.ruleId === 'no-review-cycle')).toHaveLength(1);
  });

  it('leaves a coded list outside the objectives alone (a risk register)', () => {
    expect(commitments(PLAN, 3).some((c) => c.includes(' R1 ') || c.startsWith('42') || c.startsWith('43'))).toBe(false);
  });
});
