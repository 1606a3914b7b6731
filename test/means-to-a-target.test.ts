// Blind test four (fixtures/blind/FINDINGS.md, R4-10), in our own words: the means listed under
// a measured target ("Our target is 7 days by March 2028. To do this, we will:") were judged as
// objectives of their own, with no measure; and a span of time given as the target ("our target
// is 7 days", "an average of 21 days") was read as a length of time, not as a level.
import { describe, expect, it } from 'vitest';
import { commitments, findings } from './support/judgement.js';

const REPAIRS = 'fixtures/precision/means-to-a-target.md';

describe('the means to a measured target', () => {
  it('share its measure and date, whether the target is a span of time or a percentage', () => {
    expect(commitments(REPAIRS, 3).slice(0, 5)).toEqual([
      '17 let tenants book | measure yes | date yes',
      '18 give every operative | measure yes | date yes',
      '19 order parts from | measure yes | date yes',
      '26 sending an operative | measure yes | date yes',
      '27 checking each job\'s | measure yes | date yes',
    ]);
  });

  it('leaves the items of a lead-in that introduces more work unmeasured, and reports them', async () => {
    expect(await findings(REPAIRS, 'vague-goals')).toEqual([
      '33: Objective has no measure or deadline: "rewrite the housing pages with tenants;"',
      '34: Objective has no measure or deadline: "move the website to a new platform."',
    ]);
  });
});
