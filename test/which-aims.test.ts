// Blind tests one, two, four and seven (fixtures/blind/FINDINGS.md, R4-6, R7-3 and round one's class 3), in our
// own words: one sentence that says which of the organisation's aims the strategy serves
// ("priority 2 of the Council Plan", "the plan's first two aims", "the four aims of our
// Integrated Care Strategy") was counted as a thin link, where four reviewers' labels say the
// strategy is integrated.
import { describe, expect, it } from 'vitest';
import { findingsIn } from './support/judgement.js';

const plan = (context: string) => `---
date: 2026-06-01
---

# Fenwick District Council digital plan 2026-2029

## Where this plan fits

${context}

## What we will do

- Let residents report a missed bin online by March 2027.
`;

describe('a link that says which of the plan\'s aims the strategy serves (not-integrated)', () => {
  it.each([
    'This plan is how we will deliver priority 3 of the Council Plan 2026–2030, *a cleaner, greener district*.',
    'Digital is how we will meet the three aims of our Corporate Plan: fewer missed collections, faster planning decisions and a balanced budget.',
    'It sits under the Council Plan and serves that plan\'s first two ambitions: *homes people can afford* and *a council that listens*.',
    'Our work supports the Council Plan, in particular outcome 4, "residents can reach us at any hour".',
    // Blind R7-3: the aims named by what they are, not by number.
    'This plan serves the Council Plan 2026–2030, and above all its aims to cut fly-tipping and to get more young people into work.',
    'It helps deliver our Corporate Plan, in particular its priority of keeping older residents independent at home.',
    "It answers to the Council Plan and the plan's priorities: safer streets, cleaner air and better homes.",
  ])('is a link on its own: %s', async (context) => {
    expect(await findingsIn(plan(context), 'not-integrated')).toEqual([]);
  });

  it('still finds a passing reference thin, and a count of this plan\'s own parts no link', async () => {
    expect(await findingsIn(plan('This plan supports the Council Plan and its ambitions for the district.'), 'not-integrated')).toEqual([
      '9: Only a thin link to the organisation\'s own plans: "Council Plan"',
    ]);
    expect(await findingsIn(plan('This plan supports the Council Plan and its commitment to digital.'), 'not-integrated')).toEqual([
      '9: Only a thin link to the organisation\'s own plans: "Council Plan"',
    ]);
    expect(await findingsIn(plan('This plan has five strategic themes. It supports the Council Plan.'), 'not-integrated')).toEqual([
      '9: Only a thin link to the organisation\'s own plans: "Council Plan"',
    ]);
  });
});

// Met while checking the corpus read as PDF (22): the document named itself in its text by the
// title its front matter gives ("This is the Reliability Engineering Strategy for 2019-2020"
// under the heading "RE Strategy"), which counted as the organisation's plan in Markdown and not
// in the PDF, whose title is the full one; and the organisation's own named principles, the
// reference the reviewers read as its (weak) tie, were not read at all.
describe('the document\'s own names, and its organisation\'s principles (not-integrated)', () => {
  const doc = (body: string) => `---
title: "PS Plan (Pellworth Platform Services Plan 2026-2027)"
date: 2026-01-10
---

# PS Plan

${body}

## What we will do

- Move the last three services onto the shared hosting platform by March 2027.
`;

  it('takes the title its front matter gives for the document itself, not for the organisation\'s plan', async () => {
    expect(await findingsIn(doc('This is the Pellworth Platform Services Plan for 2026-2027, which sets our direction.'), 'not-integrated')).toEqual([
      "6: Not tied to the organisation's strategy: no corporate, business, clinical or system plan is named, and nothing says how digital serves it",
    ]);
  });

  it('reads the organisation\'s named principles as a thin reference to its aims', async () => {
    expect(await findingsIn(doc('This repeats a point from the Pellworth Operations Principles: run fewer things, well.'), 'not-integrated')).toEqual([
      '8: Only a thin link to the organisation\'s own plans: "Pellworth Operations Principles", with nothing on how digital serves them',
    ]);
  });
});
