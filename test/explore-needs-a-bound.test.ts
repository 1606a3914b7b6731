// Blind tests two, three and five (fixtures/blind/FINDINGS.md; must-finds b5:188, b8:79,
// b14:170): "explore" counted as a bounded experiment on its own, so a priority that is only an
// intention ("Explore the use of blockchain for ticketing", "explore and scale quantum computing")
// weighed nothing, as a six-month pilot in two clinics does. SIGNS.md: "a bounded, evidence-first
// pilot among much basic work is absent or some". "Explore" now frames a trial only beside
// another word of exploration or with a bound of its own. In our own words.
import { describe, expect, it } from 'vitest';
import { findingsIn } from './support/judgement.js';

const plan = (item: string) => `---
date: 2026-01-20
---

# Fenwick Libraries digital plan 2026-2028

## Our priorities

1. Fix the public Wi-Fi in all twelve libraries by June 2026.
2. Replace the self-service kiosks by March 2027.
3. ${item}
`;

const hype = (item: string) => findingsIn(plan(item), 'hype-tech');

describe('an exploration with no bound is a commitment to the technology (hype-tech)', () => {
  it('weighs a priority to explore a technology, and one to explore and scale it', async () => {
    expect(await hype('Explore the use of the metaverse for virtual open days.')).toEqual([
      '11: "metaverse" in an objective: "Explore the use of the metaverse for virtual open days."',
    ]);
    expect(await hype('Our Digital Lab will explore and scale emerging technologies such as blockchain.')).toEqual([
      '11: "blockchain" in an objective: "Our Digital Lab will explore and scale emerging…"',
    ]);
  });

  it('leaves an exploration with a question, a length of time, a small scope or a wait', async () => {
    expect(await hype('Explore whether a chatbot could answer questions about renewals.')).toEqual([]);
    expect(await hype('Explore generative AI for six months before we decide whether to buy it.')).toEqual([]);
    expect(await hype('Explore AI-assisted cataloguing in two branches, with the staff who catalogue.')).toEqual([]);
    expect(await hype('Explore AI tools for the catalogue as our records improve.')).toEqual([]);
    expect(await hype('Pilot a chatbot for renewals.')).toEqual([]);
  });
});
