// Blind rounds one to eight: cookie-cutter was a level under the reviewer on 13 of 24 documents.
// A cliché weighed half in a document rich in its own names and figures, and all of them
// together never more than 1, under the "strong" cut point of 1.5: a plan of local detail with
// fifteen stock phrases read as "some", and no number of clichés alone could make it "strong".
// In our own words: a district council's plan full of its own places and figures.
import { describe, expect, it } from 'vitest';
import { lintText } from './support/judgement.js';

const CLICHES = [
  'We will be a world-class council.',
  'Services will be seamless.',
  'This is a step change for Ashby Vale.',
  'We will break down silos.',
  'We will adopt new ways of working.',
  'We will build a centre of excellence.',
  'Our website will be best-in-class.',
  'Our estate will be fit for the future.',
  'We will have a single version of the truth.',
  'We will use cutting-edge tools.',
  'This is a paradigm shift.',
  'Care will be joined-up.',
  'We will take a holistic view.',
  'We will find synergies.',
  'The contact centre will be a one-stop shop.',
];

const plan = (cliches: number) => `---
date: 2026-03-01
---

# Ashby Vale District Council digital plan 2026-2028

Ashby Vale has 96,400 residents in Ashby, Market Delling and 31 villages. In 2025 we answered
212,000 calls and 48,000 emails; 61% of council tax payers paid online. The Delling Road depot
runs 42 bin rounds, and the Brook Street office serves 1,300 visitors a month.

## What we will do

- Move the 18 most used forms to the Ashby Vale website by March 2027.
- Cut the time to answer a call from 9 minutes to 4 by March 2028.
- Give the 42 bin crews tablets with their rounds by June 2027.

${CLICHES.slice(0, cliches).join('\n\n')}
`;

async function cookieCutter(cliches: number) {
  const result = await lintText(plan(cliches));
  return { verdict: result.scorecard!.signs['cookie-cutter'].verdict, found: result.findings.filter((f) => f.ruleId === 'cookie-cutter').length };
}

describe('clichés in a plan rich in its own specifics (cookie-cutter)', () => {
  it('one or two are a slip of wording', async () => {
    expect(await cookieCutter(2)).toEqual({ verdict: 'absent', found: 2 });
  });

  it('five are "some"', async () => {
    expect(await cookieCutter(5)).toEqual({ verdict: 'some', found: 5 });
  });

  it('fifteen are "strong", local detail or not', async () => {
    expect(await cookieCutter(15)).toEqual({ verdict: 'strong', found: 15 });
  });
});
