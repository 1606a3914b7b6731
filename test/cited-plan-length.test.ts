// Blind test five (fixtures/blind/FINDINGS.md, R5-4), in our own words: a cited plan's length and
// span ("Our fifteen-year plan, *Greenway 2020--2035*, commits the council to …") were read as
// this strategy's horizon: the length because it stands before the plan word, the span because
// pandoc's Markdown writes the en dash as "--", which no year range allowed.
import { describe, expect, it } from 'vitest';
import { findingsIn } from './support/judgement.js';

const plan = (body: string, title = 'Ashby Vale Council digital plan 2026-2028') => `---
date: 2026-02-01
---

# ${title}

${body}

## What we will do

- Let residents book a bulky waste collection online by March 2027.
`;

describe('a cited plan\'s length and span (long-horizon)', () => {
  it('are the cited plan\'s, not this strategy\'s horizon', async () => {
    expect(await findingsIn(plan('Our fifteen-year plan, *Greenway 2020--2035*, commits the council to a greener district.'), 'long-horizon')).toEqual([]);
  });

  it('are still this strategy\'s when it names itself', async () => {
    expect(await findingsIn(plan('This fifteen-year plan, *Digital Ashby 2041*, sets out where we are going.'), 'long-horizon')).toEqual([
      '7: Horizon of 15 years ("fifteen-year") is longer than 5 years',
      "7: Horizon runs to 2041, 15 years past the document's date (2026)",
    ]);
  });

  it('still reports the document\'s own span, written with pandoc\'s "--"', async () => {
    expect(await findingsIn(plan('We will fix the basics first.', 'Ashby Vale Council digital plan 2026--2036'), 'long-horizon')).toEqual([
      "5: Horizon runs to 2036, 10 years past the document's date (2026)",
    ]);
  });
});
