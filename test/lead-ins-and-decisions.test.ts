// Blind test four (fixtures/blind/FINDINGS.md, R4-9), in our own words: a sentence that hands
// over to the list or table below it ("So we'll run one guarded pilot:", "We will track our
// progress with these measures:"), a decision ("we'll use one booking system") and a decision
// that waits on evidence ("we'll decide … only after the trial") were each judged as a promise
// with no measure or deadline.
import { describe, expect, it } from 'vitest';
import { findings, findingsIn } from './support/judgement.js';

const LIBRARIES = 'fixtures/precision/lead-ins-and-decisions.md';

describe('lead-ins, decisions and decision gates (vague-goals)', () => {
  it('measures and dates a lead-in by the list or table it introduces, and leaves decisions alone', async () => {
    expect(await findings(LIBRARIES, 'vague-goals')).toEqual(['33: Commitment to "transform" with no measure or deadline: "We will also transform the culture of the service."']);
  });

  it('takes a decision for a scattered decision rule, as "we will favour" is', async () => {
    expect(await findings(LIBRARIES, 'no-principles')).toEqual([
      '15: No guiding principles, only 2 decision rules scattered through the text, such as "We\'ll use one booking system for events and room hire."',
    ]);
  });

  it('still reports a lead-in whose list gives no measure or date', async () => {
    const text = '# Plan\n\n## What we will do\n\nWe will modernise the service:\n\n- **What:** new ways of working.\n- **Why:** the public expects it.\n';
    expect(await findingsIn(text, 'vague-goals')).toEqual([
      '3: No objectives: only 1 "we will" sentence, none with a measure and a deadline',
      '5: Commitment to "modernise" with no measure or deadline: "We will modernise the service:"',
    ]);
  });
});

const pilot = (leadIn: string) => `# Contact centre plan

## What we will do

We will answer 80% of calls within two minutes by March 2027.

${leadIn}

- **What:** an AI assistant that drafts replies to routine emails, checked by an adviser.
- **Who:** 20 advisers, from May 2026 for three months.
`;

describe('hype technology in the items of a trial (hype-tech)', () => {
  it('is the trial\'s, not an objective\'s, when the lead-in introduces a trial', async () => {
    expect(await findingsIn(pilot('So we will run one guarded pilot:'), 'hype-tech')).toEqual([]);
  });

  it('is still an objective\'s under a lead-in that commits to more', async () => {
    expect(await findingsIn(pilot('So we will roll out across the service:'), 'hype-tech')).toEqual([
      '9: "AI" in an objective: "What: an AI assistant that drafts replies to routine…"',
    ]);
  });
});
