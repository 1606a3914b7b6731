// A commitment under a heading that names the outcome it serves is tied to that outcome: "### Goal
// 3: Safer homes" / "- Fit damp sensors in 400 homes by March 2027." The technology named in the
// item is the means; SIGNS.md: technical detail tied to a stated user outcome is not IT-driven.
// Found by the lead's own fixture for R7-8, where the sensors drew "Outcome stated in technology
// terms only"; in our own words, a housing association's plan.
import { describe, expect, it } from 'vitest';
import { findingsIn } from './support/judgement.js';

const PLAN = `---
date: 2026-03-01
---

# Fernside Homes digital plan 2026-2028

Tenants told us that damp and slow repairs are what matter most to them.

## Our goals

### Goal 1: Safer homes for tenants

- Fit damp sensors in 400 homes by March 2027.

### Goal 2: A modern estate

- Migrate the housing system to the cloud by March 2027.
`;

describe('a technical commitment under a heading that names its outcome for people (it-driven)', () => {
  it('is tied to that outcome, while one under a heading that names none is still reported', async () => {
    expect(await findingsIn(PLAN, 'it-driven')).toEqual([
      '17: Technical change with no outcome for people: "Migrate the housing system to the cloud" in "Migrate the housing system to the cloud by March 2027."',
    ]);
  });
});
