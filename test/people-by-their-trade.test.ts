// Blind tests two and four (fixtures/blind/FINDINGS.md, R2-7, R4-3 and R4-4), in our own words:
// the people a company or an agency serves are often named by their relation to it or their
// trade (passengers, hauliers, brokers, skippers, landlords), not as "customers" or "users", and
// what they said often reaches the strategy through the staff they told it to. Neither made the
// document's users, their needs or the evidence for them count.
import { describe, expect, it } from 'vitest';
import { findings, findingsIn } from './support/judgement.js';

const FERRY = 'fixtures/precision/people-by-their-trade.md';

describe('people named by their relation or trade', () => {
  it('are the users a ferry operator serves, and what they say is evidence of their needs', async () => {
    expect(await findings(FERRY, 'no-users')).toEqual([]);
    expect(await findings(FERRY, 'missing-user-needs')).toEqual([]);
  });

  it('weigh against the technology vocabulary, while technical changes with no outcome are still reported', async () => {
    const itDriven = await findings(FERRY, 'it-driven');
    expect(itDriven.filter((m) => m.includes('Technology outweighs'))).toEqual([]);
    expect(itDriven).toContain('20: Technical change with no outcome for people: "Replace the on-board network and the Wi-Fi" in "Replace the on-board network and the Wi-Fi on all four…"');
  });
});

const plan = (evidence: string) => `---
date: 2026-01-15
---

# Moorfield Homes digital plan 2026-2028

Moorfield Homes lets 6,000 homes to tenants across the district.

${evidence}

## What we will do

- Let tenants report a repair online and track it, by April 2027.
`;

describe('what users said, reported second-hand', () => {
  it('counts words told to the staff who serve them as evidence, and as their needs', async () => {
    expect(await findingsIn(plan('Tenants have told our housing officers that repairs take too long to book.'), 'missing-user-needs')).toEqual([]);
    expect(await findingsIn(plan('Tenants book most repairs by phone, and many want to do it online. They tell their neighbourhood teams that the line is always busy.'), 'missing-user-needs')).toEqual([]);
  });

  it('counts research reported without the word "user"', async () => {
    expect(await findingsIn(plan('Our research shows that most tenants want to book repairs in the evening.'), 'missing-user-needs')).toEqual([]);
  });

  it('does not take a service called "Tell Us Once", or staff telling others, for what users said', async () => {
    expect(await findingsIn(plan('We will join the national Tell Us Once service so that tenants need not repeat a bereavement.'), 'missing-user-needs')).toEqual([
      '9: No research with users is reported, only planned or about others: 1 mention of research or feedback, such as "We will join the national Tell Us Once service so that tenants need…"',
    ]);
    // Found in a blind document: having to tell us again is a burden on users, not what they told us.
    expect(await findingsIn(plan('Tenants want to book repairs online, but often have to tell us the same thing twice.'), 'missing-user-needs')).toEqual([
      '9: No research with users is reported, only planned or about others: 1 mention of research or feedback, such as "Tenants want to book repairs online, but often have to tell us the…"',
    ]);
    expect(await findingsIn(plan('Our managers told the board that tenants want online repairs.'), 'missing-user-needs')).toEqual([
      '5: No evidence of what users need: no user research, feedback or co-design is mentioned',
    ]);
  });
});
