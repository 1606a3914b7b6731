// Blind test seven (fixtures/blind/FINDINGS.md R7-8): an objective written as a heading and a
// sentence that describes it ("### Ambition 3: Research without limits" / "We want to empower our
// researchers…") is one objective, but its finding covered the heading alone, two lines above
// what a reader must change. Now an open heading objective's finding runs on to where its weasel
// is said, or to the sentence that describes it when that opens the paragraph right under the
// heading. In our own words: a housing association's plan.
import { describe, expect, it } from 'vitest';
import { lintText } from './support/judgement.js';

const PLAN = `---
date: 2026-03-01
---

# Fernside Homes digital plan 2026-2028

Tenants told us that reporting a repair takes too long and that they cannot see when it will be done.

## Our goals

### Goal 1: Repairs that tenants can follow

We want to streamline how tenants report repairs and follow them.

- Publish each repair's booked date in the tenant app.
- Text tenants the day before a visit.

### Goal 2: Confident colleagues

Every colleague should feel at home with the tools they use.

### Goal 3: Safer homes

- Fit damp sensors in 400 homes by March 2027.

### Goal 4: Joined-up records

- Bring tenancy and repair records together.

Our housing officers will spend less time looking for papers.
`;

async function vagueGoals(): Promise<string[]> {
  const result = await lintText(PLAN);
  return result.findings.filter((f) => f.ruleId === 'vague-goals').map((f) => `${f.line}-${f.endLine}: ${f.message}`);
}

describe('where an open heading objective is reported (vague-goals)', () => {
  it('runs from the heading to where its weasel is said in the text under it', async () => {
    expect(await vagueGoals()).toContain('11-13: Objective has no measure or deadline, only "streamline": "Goal 1: Repairs that tenants can follow"');
  });

  it('runs from the heading to the sentence that describes it, in the paragraph right under it', async () => {
    expect(await vagueGoals()).toContain('18-20: Objective has no measure or deadline: "Goal 2: Confident colleagues"');
  });

  it('stays on the heading when no paragraph describes it right under it', async () => {
    const found = await vagueGoals();
    expect(found.filter((f) => f.startsWith('26-'))).toEqual(['26-26: Objective has no measure or deadline: "Goal 4: Joined-up records"']);
  });
});
