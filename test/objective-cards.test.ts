// Blind test round two (fixtures/blind/FINDINGS.md, classes R2-1 and R2-3), in our own words: a
// commitment whose measure, date and owner are labelled fields in the list below it (an
// "objective card") is measured by them, and the fields are not objectives of their own; the
// items of a list of what will not be done are trade-offs, not commitments. The same fixture
// keeps an unmeasured card and a phased Now / Next / Later list, whose findings must stay.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analysis } from '../dist/src/analysis/index.js';
import { buildLexicons } from '../dist/src/analysis/lexicons.js';
import { markdownDocument } from '../dist/src/formats/markdown.js';
import { ROOT } from './helpers.js';
import { commitments, findingsIn } from './support/judgement.js';

const PLAN = 'fixtures/precision/objective-cards.md';
describe('objective cards: a commitment measured by the labelled fields below it', () => {
  it('gives each card its measure and date, in bold, plain and dashed labels and in a nested list, and makes no field an objective', () => {
    expect(commitments(PLAN, 4)).toEqual([
      '11 Priority A: borrowing without | measure yes | date yes',
      '13 We will let members | measure yes | date yes',
      '19 Priority B: computers people | measure yes | date yes',
      '21 We will replace the | measure yes | date yes',
      '27 Priority C: help at | measure yes | date yes',
      '29 We will lend tablets | measure yes | date yes',
      '34 Priority D: the catalogue | measure no | date no',
      '36 We will improve the | measure no | date no',
      '41 Priority E: in stages | measure no | date yes',
      '43 Now: publish branch opening | measure no | date yes',
      '44 Next: connect the booking | measure no | date no',
      '45 Later: review self-service kiosks | measure no | date no',
    ]);
  });

  it('still reports a card whose fields measure nothing, and the undated steps of a phased list', async () => {
    expect(await findingsIn(readFileSync(join(ROOT, PLAN), 'utf8'), 'vague-goals')).toEqual([
      '34: Objective has no measure or deadline, only "improve": "Priority D: the catalogue"',
      '36: Commitment to "improve" with no measure or deadline: "We will improve the online catalogue."',
      '44: Objective has no measure or deadline: "Next: connect the booking system to the council\'s payments service"',
      '45: Objective has no measure or deadline: "Later: review self-service kiosks"',
    ]);
  });

  it('reads a labelled measure as saying how success will be measured', async () => {
    const card = '# Housing plan\n\n## Our goals\n\nWe will open a web chat for tenants.\n\n- **Measure:** 40% of enquiries answered by chat\n- **When:** by June 2027\n';
    const bare = '# Housing plan\n\n## Our goals\n\nWe will open a web chat for tenants by June 2027.\n';
    expect(await findingsIn(card, 'no-success-measures')).toEqual([]);
    expect(await findingsIn(bare, 'no-success-measures')).toEqual(['3: Nothing says how success will be measured: no measures, indicators or progress reporting']);
  });
});

describe('a list of what will not be done holds trade-offs, not commitments', () => {
  it('under its own heading, or after a lead-in that refuses, none of its items or its lead-in is a commitment', () => {
    // Lines 47-56 of the fixture: "## What we will stop doing" and "To make room, we won't:".
    expect(commitments(PLAN, 4).filter((c) => Number(c.split(' ')[0]) >= 47)).toEqual([]);
  });

  it('says nothing of their technology or their missing dates', async () => {
    const text = readFileSync(join(ROOT, PLAN), 'utf8');
    for (const rule of ['vague-goals', 'it-driven']) {
      expect((await findingsIn(text, rule)).filter((f) => Number(f.split(':')[0]) >= 47), rule).toEqual([]);
    }
  });

  it('still reads the same items as commitments when no heading or lead-in refuses them', () => {
    const text = '# Plan\n\n## What we will do\n\n- run our own website server in the central library\n- print the events guide for every branch\n';
    const analysis = new Analysis(markdownDocument('plan.md', text), { lexicons: buildLexicons() });
    expect(analysis.objectives.map((o) => o.text)).toEqual(['run our own website server in the central library', 'print the events guide for every branch']);
  });

  it('reads "we\'ll stop:" as refusing what follows, even under a heading of commitments', () => {
    const text = "# Plan\n\n## What we will do\n\nTo free up staff time, we'll stop:\n\n- printing the annual report\n- answering the old booking line\n- visiting each branch every month\n";
    const analysis = new Analysis(markdownDocument('plan.md', text), { lexicons: buildLexicons() });
    expect(analysis.objectives.map((o) => o.text)).toEqual([]);
  });

  it('reads a lead-in that only mentions stopping ("… and what we will stop doing to make room for them:") as introducing commitments', () => {
    const text = '# Plan\n\n## What we will do\n\nIn order, and with what we will stop doing to make room for each:\n\n1. Open a booking service for the leisure centres by May 2027.\n2. Move library renewals online by July 2027.\n';
    const analysis = new Analysis(markdownDocument('plan.md', text), { lexicons: buildLexicons() });
    expect(analysis.objectives.map((o) => o.text)).toEqual(['Open a booking service for the leisure centres by May 2027.', 'Move library renewals online by July 2027.']);
  });
});
