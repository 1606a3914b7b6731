// Blind test five (fixtures/blind/FINDINGS.md, R5-2), in our own words: a strategy that repeats
// the same lead-in ("We will:") over the list of each theme lost every one of them, taken for a
// running header (a short line recurring through the document), so none of its items was read as
// a commitment. Then, with the lead-in kept, a numbered mission's heading ("Mission 1: …") read as
// the mission statement, and its "We will:" as the mission.
import { describe, expect, it } from 'vitest';
import { commitments, findings, findingsIn } from './support/judgement.js';

const FERRIES = 'fixtures/precision/repeated-lead-ins.md';

describe('a lead-in repeated over each theme\'s list', () => {
  it('introduces its items, which are commitments, however often it recurs', () => {
    expect(commitments(FERRIES, 2).map((line) => line.split(' |')[0])).toEqual([
      '15 cut the',
      '16 let passengers',
      '17 modernise the',
      '23 put Wi-Fi',
      '24 show live',
      '25 enhance the',
      '31 give hauliers',
      '32 send hauliers',
      '33 transform freight.',
    ]);
  });

  it('so the vague ones among them are reported', async () => {
    expect(await findings(FERRIES, 'vague-goals')).toEqual([
      '5: Only 1 of 9 objectives (11%) have both a measure and a deadline',
      '17: Objective has no measure or deadline, only "modernise": "modernise the booking experience."',
      '25: Objective has no measure or deadline, only "enhance": "enhance the on-board experience."',
      '33: Objective has no measure or deadline, only "transform": "transform freight."',
    ]);
  });
});

describe('a numbered mission (no-mission)', () => {
  it('is an objective, not the mission statement', async () => {
    const text = '# Ferry plan\n\n## Our missions\n\n### Mission 1: Booking\n\nWe will:\n\n- cut the steps to book to four by 2027;\n- add phone booking by 2027.\n';
    expect(await findingsIn(text, 'no-mission')).toEqual(['1: No mission: nothing near the start says, in a sentence, what this strategy is for']);
  });
});
