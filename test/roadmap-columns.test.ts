// Blind test four (fixtures/blind/FINDINGS.md, R4-7), in our own words: a roadmap table whose
// columns are successive periods says what comes first, as a "Now / Next / Later" heading does;
// no-trade-offs read only words, and said nothing chose the order of the work.
import { describe, expect, it } from 'vitest';
import { findingsIn } from './support/judgement.js';

const plan = (table: string) => `---
date: 2026-02-01
---

# Riverside Leisure Trust digital plan 2026-2029

## What we will do

We will let members book classes online by June 2026, with 60% of bookings online by 2027.

## Roadmap

${table}
`;

describe('a roadmap table (no-trade-offs)', () => {
  it.each([
    ['financial years', '| Theme | 2026/27 | 2027/28 | 2028/29 |\n|---|---|---|---|\n| Booking | Classes online | Courts and pitches | Swimming lessons |\n| Data | Membership data cleaned | One customer record | Reports for each centre |'],
    ['now, next and later', '| Work | Now | Next | Later |\n|---|---|---|---|\n| Booking | Classes online | Courts and pitches | Swimming lessons |'],
  ])('with columns of %s says what comes first', async (_name, table) => {
    const found = await findingsIn(plan(table), 'no-trade-offs');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^13: Priorities, but nothing says what will not be done: "(?:2026\/27|Now)"$/);
  });

  it('takes a table of past years\' figures for no order of work', async () => {
    const figures = '| Measure | 2023 | 2024 | 2025 |\n|---|---|---|---|\n| Bookings online | 12% | 18% | 25% |';
    expect(await findingsIn(plan(figures), 'no-trade-offs')).toEqual(['7: No trade-offs: nothing says what comes first or what will not be done']);
  });
});

// Blind test five (R5-6), in our own words: an order said in a sentence ("we'll X before we Y",
// "the work is phased by branch") or given as one table row per phase.
describe('an order said in words, or a row per phase (no-trade-offs)', () => {
  const doc = (body: string) => `---
date: 2026-02-01
---

# Riverside Leisure Trust digital plan 2026-2029

## What we will do

We will let members book classes online by June 2026. We will not build our own app.

${body}
`;

  it.each([
    ["we'll X before we Y", "We'll fix the Wi-Fi in every centre before we buy more kiosks."],
    ['phased work', 'The work is phased by centre, starting with the busiest.'],
    ['a row per phase', '| Phase | When | What |\n|---|---|---|\n| 1 | 2026 | Classes online |\n| 2 | 2027 | Courts and pitches |'],
  ])('says what comes first: %s', async (_name, body) => {
    expect(await findingsIn(doc(body), 'no-trade-offs')).toEqual([]);
  });

  it('still finds no order in a sentence that only lists the work', async () => {
    expect(await findingsIn(doc('We will also improve the website and the app.'), 'no-trade-offs')).toEqual([
      '7: Says what it will not do ("We will not build our own app.") but not which work comes first',
    ]);
  });
});
