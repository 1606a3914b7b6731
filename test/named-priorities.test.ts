// Blind test round three (fixtures/blind/FINDINGS.md, class R3-2), in our own words: naming is
// not choosing. A long list called "priorities" ("we have identified the following fourteen key
// priorities, all of equal importance") is no order; "we have identified" introduces the work, it
// does not look back at it; "fourteen key priorities" is a count of them; and refusing a stance
// ("we will never stand still", "we won't compromise on quality", "stop doing things that no
// longer add value") refuses no work. A short list of chosen priorities with a real refusal
// stays focused.
import { describe, expect, it } from 'vitest';
import { findings, findingsIn } from './support/judgement.js';

const NAMED = 'fixtures/precision/named-priorities.md';
const CHOSEN = 'fixtures/precision/chosen-priorities.md';
describe('a long list called priorities (wish-list)', () => {
  it('reports the list and its stated count, the noun "priorities" ordering nothing', async () => {
    expect(await findings(NAMED, 'wish-list')).toEqual([
      '13: 14 priorities in one strategy: more than 12 cannot all be priorities',
      '13: List of 14 initiatives with no order, phasing or priority: "Transform the learner…", "Leverage data to drive…", "Deliver a new virtual…", …',
    ]);
  });

  it('leaves a short list of chosen priorities alone', async () => {
    expect(await findings(CHOSEN, 'wish-list')).toEqual([]);
  });
});

describe('a lead-in that reports choosing the work (vague-goals)', () => {
  it('reads the items after "we have identified the following … priorities" as commitments', async () => {
    const open = (await findings(NAMED, 'vague-goals')).filter((f) => f.includes('Objective has no measure or deadline'));
    expect(open).toHaveLength(14);
    expect(open[0]).toBe('16: Objective has no measure or deadline, only "Transform": "Transform the learner journey from enquiry to graduation."');
  });

  it('still reads a lead-in that looks back as a record of what was done', async () => {
    const done = '# Plan\n\n## Our objectives\n\nSince 2022 we have:\n\n- cut the enrolment queue by half;\n- set up a student help desk;\n- put every course handbook online.\n';
    expect(await findingsIn(done, 'vague-goals')).toEqual(['3: No objectives: nothing says what will be achieved, by how much or by when']);
  });
});

describe('refusals that refuse no work (no-trade-offs)', () => {
  it('finds no choice in fourteen "key priorities" and refused stances', async () => {
    expect(await findings(NAMED, 'no-trade-offs')).toEqual(['11: No trade-offs: nothing says what comes first or what will not be done']);
  });

  it('still takes a short list of chosen priorities and a refusal of work as a choice', async () => {
    expect(await findings(CHOSEN, 'no-trade-offs')).toEqual([]);
    const refusal = (sentence: string) => `# Plan\n\n## Our priorities\n\n- Put enrolment online by June 2027.\n- Answer IT requests within two days by March 2028.\n\n${sentence}\n`;
    expect(await findingsIn(refusal('We will not build our own student app.'), 'no-trade-offs')).toEqual([]);
    expect(await findingsIn(refusal('We will not stand still.'), 'no-trade-offs')).toEqual([
      '3: Priorities, but nothing says what will not be done: "Our priorities"',
    ]);
  });
});
