// Blind tests three, five and eight's round (fixtures/blind/FINDINGS.md; must-finds b8:83 and
// b9:150): a technical change whose object is a system named by what it is for ("our
// back-office systems", "the learning management system", telephony, email) or by a product sold
// to run an organisation (Microsoft 365, Exchange Online) was not a technical change, since only
// `technology-terms` ("platform", "cloud", "infrastructure") could be its object. The lexicon
// `business-systems` now can; it does not count in the document's technology vocabulary. In our
// own words.
import { describe, expect, it } from 'vitest';
import { findingsIn } from './support/judgement.js';

const plan = (items: string) => `---
date: 2026-01-20
---

# Westerby College IT plan 2026-2028

## Our objectives

${items}
`;

describe('a business system as the object of a technical change (it-driven)', () => {
  it('reports a change to a system named by its use or by its product', async () => {
    const found = await findingsIn(
      plan(`- Migrate payroll to Workday by April 2027.
- Replace the library management system in 2026.
- Decommission our on-premise Exchange servers by the summer.
- Modernise the college's back-office systems.
- Upgrade the timetabling management system.`),
      'it-driven',
    );
    expect(found).toEqual([
      '9: Technical change with no outcome for people: "Migrate payroll to Workday" in "Migrate payroll to Workday by April 2027."',
      '10: Technical change with no outcome for people: "Replace the library management system" in "Replace the library management system in 2026."',
      '11: Technical change with no outcome for people: "Decommission our on-premise Exchange servers" in "Decommission our on-premise Exchange servers by the summer."',
      '12: Technical change with no outcome for people: "Modernise the college\'s back-office systems" in "Modernise the college\'s back-office systems."',
      '13: Technical change with no outcome for people: "Upgrade the timetabling management system" in "Upgrade the timetabling management system."',
    ]);
  });

  it('leaves a system that says who it serves, and a system that is a way of working', async () => {
    const found = await findingsIn(
      plan(`- Replace the paper forms with an online booking system, so that students can book study rooms from their phones.
- Reply to every student's email within two working days.
- Upgrade the college's quality management system before the inspection in 2027.`),
      'it-driven',
    );
    expect(found).toEqual([]);
  });
});
