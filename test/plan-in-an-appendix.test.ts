// Blind test nine (fixtures/blind/FINDINGS.md, R9-1), in our own words: "appendix" and "annex"
// made any section reference matter, as a glossary is, so a strategy sent as a report's
// "Appendix 1: Libraries Digital Plan 2026–2029" was read by no rule. An appendix whose title
// names the plan (or its priorities, actions, roadmap) is the plan; one that names anything else
// (an equality assessment, a glossary) is still set aside.
import { describe, expect, it } from 'vitest';
import { commitments, findings } from './support/judgement.js';

const REPORT = 'fixtures/precision/plan-in-an-appendix.md';

describe('a plan sent as a report\'s appendix', () => {
  it('has its priorities read as commitments, and the equality assessment\'s list not', () => {
    expect(commitments(REPORT, 3).map((line) => line.split(' |')[0])).toEqual([
      '25 open self-service kiosks',
      '26 enhance the reader',
      '27 leverage e-books to',
    ]);
  });

  it('so its vague priorities are reported', async () => {
    expect(await findings(REPORT, 'vague-goals')).toEqual([
      '26: Objective has no measure or deadline, only "enhance": "enhance the reader experience through digital;"',
      '27: Objective has no measure or deadline, only "leverage": "leverage e-books to drive borrowing."',
    ]);
  });

  it('and the clichés of its foreword', async () => {
    expect((await findings(REPORT, 'cookie-cutter')).map((f) => f.split(' "')[0] + ' ' + f.split('"')[1])).toEqual([
      '19: Strategy cliché world-class',
      '19: Strategy cliché digital-first',
      '19: Strategy cliché fit for the future',
    ]);
  });
});
