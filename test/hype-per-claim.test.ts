// Blind tests one to four (fixtures/blind/FINDINGS.md, "unproven-tech strong (reviewer some)" in
// five documents), in our own words: hype technology was weighed term by term, so one sentence
// naming AI, machine learning and chatbots weighed as three objectives; the reviewers read it as
// one claim. A sentence now weighs as its heaviest mention.
import { describe, expect, it } from 'vitest';
import { findingsIn, lintText } from './support/judgement.js';

const plan = (ai: string) => `---
date: 2026-03-01
---

# Ormsby Borough Council digital plan 2026-2028

## What we will do

- Replace the housing repairs system by March 2027, so that tenants can book repairs online.
- Give every care worker a phone with the day's visits by June 2026.
- Move the council's website to the shared platform by December 2026.
- Replace 1,200 laptops over two years, starting with social care.
- Fix the Wi-Fi in all eleven libraries by September 2026.
- Publish how long each service takes to answer, every month, from April 2026.

${ai}
`;

/** The hype weight the unproven-tech verdict is read from (per 1,000 words), as the JSON report gives it. */
async function hypeWeight(ai: string) {
  return (await lintText(plan(ai))).measures!['hype-tech.hype-weight'];
}

describe('hype technology weighed per claim (hype-tech, unproven-tech)', () => {
  it('weighs a sentence naming several technologies as its heaviest mention', async () => {
    expect(await hypeWeight('We will use AI, machine learning, chatbots and predictive analytics to transform every service.')).toBe(2);
  });

  it('still adds up separate claims', async () => {
    expect(await hypeWeight('We will use AI to transform every service.\n\nWe will use chatbots to answer every call.\n\nWe will use predictive analytics to plan every budget.')).toBe(6);
  });
});

// Blind tests four and five (R5-7, and the earlier "hype named in a refusal"), in our own words: a
// section headed "Artificial intelligence" that refuses the technology and runs one bounded trial
// weighed its heading as hype, and the refusal as a mention.
describe('a hype heading over a refusal and a trial (hype-tech)', () => {
  const doc = (section: string) => plan(`## Artificial intelligence\n\n${section}`);

  it('is the topic of the boundary, not a hype heading', async () => {
    const section = 'Some staff already use AI chatbots at home. We will not use AI to make decisions about residents. We will trial an AI note-taking tool with ten social workers for three months.';
    expect(await findingsIn(doc(section), 'hype-tech')).toEqual([]);
    expect((await lintText(doc(section))).measures!['hype-tech.hype-weight']).toBe(1);
  });

  it('is still a hype heading over a commitment without a bound', async () => {
    expect(await findingsIn(doc('We will use AI to answer every call by 2027.'), 'hype-tech')).toEqual([
      '16: "Artificial intelligence" in a heading: "Artificial intelligence"',
      '18: "AI" in an objective: "We will use AI to answer every call by 2027."',
    ]);
  });
});

// Blind tests four and five (b5:146, b14:85 traps): "Install Internet of Things (IoT) sensors in
// homes to monitor damp, mould and temperature" drew "'Internet of Things' in an objective".
// Connected sensors are established kit (meters, damp and flood sensors, telemetry), not a bet
// whose promise runs ahead of its proof; a plan of nothing but sensors is technology-led, which
// it-driven weighs. In our own words.
describe('connected sensors are no hype technology (hype-tech)', () => {
  it('reports nothing for an Internet of Things network or IoT sensors', async () => {
    const text = plan('- Fit Internet of Things (IoT) damp sensors in 300 council homes by March 2027.\n- Connect the pumping stations to an IoT telemetry network in 2027.');
    expect(await findingsIn(text, 'hype-tech')).toEqual([]);
    expect(await hypeWeight('- Fit Internet of Things (IoT) damp sensors in 300 council homes by March 2027.')).toBe(0);
  });

  it('still reports the hype named beside them', async () => {
    expect(await findingsIn(plan('- Use IoT sensors and AI to predict every repair before it happens.'), 'hype-tech')).toEqual([
      '16: "AI" in an objective: "Use IoT sensors and AI to predict every repair before it…"',
    ]);
  });
});
