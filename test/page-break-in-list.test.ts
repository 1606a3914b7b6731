// Blind test six (fixtures/blind/FINDINGS.md R6-2): in a strategy converted from PDF, a page
// break falls inside a list: the running header ("… | Digital Plan 2026–2028 | Version 1.1 | 2",
// more than twelve tokens when its bars are counted as words) stayed in the text, split the list
// in two and became the lead-in of its second half, whose items were then no commitments; an item
// cut mid-sentence by the break was left out of the list. Now the bars are not words, a list cut
// by a dropped header is one list again, and a sentence goes on across the break when its next
// part starts with a number that carries it on ("by April | 2027, replacing …"). Our own fixture.
import { describe, expect, it } from 'vitest';
import { commitments, findings } from './support/judgement.js';

const PLAN = 'fixtures/converted/tarnside-from-pdf.md';

describe('a list that a page break cuts in two (PDF text)', () => {
  it('reads every item as a commitment under the one lead-in, the cut item whole', () => {
    expect(commitments(PLAN, 4)).toEqual([
      '19 move council tax direct | measure yes | date yes',
      '21 give every bin crew | measure no | date yes',
      '26 cut the retyping of | measure yes | date yes',
      '31 improve how we use | measure no | date yes',
      '32 publish planning decisions in | measure no | date yes',
      '36 We will publish the | measure yes | date yes',
    ]);
  });

  it('reports the vague item after the break, and nothing of the running header', async () => {
    expect(await findings(PLAN, 'vague-goals')).toEqual([
      '31: Objective promises to "improve" with no measure of how much: "improve how we use data across the council;"',
    ]);
    for (const rule of ['readability', 'undefined-acronyms', 'long-horizon', 'vague-goals']) {
      expect((await findings(PLAN, rule)).filter((f) => f.includes('Version 1.1'))).toEqual([]);
    }
  });
});
