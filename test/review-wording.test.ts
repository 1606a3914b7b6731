// Blind test five (fixtures/blind/FINDINGS.md, R5-5), in our own words: a review cycle was missed
// when a word stood between "the" and "strategy" ("review the whole strategy every October"), and
// found in "refreshed as required", which names no time and no cycle.
import { describe, expect, it } from 'vitest';
import { findingsIn } from './support/judgement.js';

const plan = (review: string) => `---
date: 2026-01-15
---

# Kestle Harbour Board digital plan 2026-2028

## What we will do

- Put the harbour's berth bookings online by March 2027.

## Governance

${review}
`;

const MISSING = '11: No review cycle: nothing says when this strategy will be reviewed or refreshed';

describe('how a review cycle is worded (no-review-cycle)', () => {
  it.each([
    'We will review the whole strategy every March with the board.',
    'The board will refresh our digital and data plan each autumn.',
    'This plan will be reviewed every year.',
  ])('finds a cycle in "%s"', async (review) => {
    expect(await findingsIn(plan(review), 'no-review-cycle')).toEqual([]);
  });

  it.each(['This plan will be refreshed as required.', 'We will update the plan when necessary.'])('finds none in "%s"', async (review) => {
    expect(await findingsIn(plan(review), 'no-review-cycle')).toEqual([MISSING]);
  });
});
