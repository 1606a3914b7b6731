// Blind test round three (fixtures/blind/FINDINGS.md, met while fixing R3-1), in our own words:
// once a justice plan's key results were read, its objectives for victims and witnesses counted
// as serving nobody, and "every team leader … by a date" as a commitment to do everything.
// The people a justice, education or care service serves are people; a scope word that names
// people ("every team leader", "all service users") is no scope of work.
import { describe, expect, it } from 'vitest';
import { Linter } from '../dist/src/engine/run.js';
import { ROOT } from './helpers.js';

const linter = new Linter({ cwd: ROOT });

async function messages(text: string, rule: string): Promise<string[]> {
  const result = await linter.lintText(text, 'plan.md');
  return result.findings.filter((f) => f.ruleId === rule).map((f) => `${f.line}: ${f.message}`);
}

const plan = (served: string) => `---
date: 2026-02-01
---

# Witness care unit plan 2026-2028

Users told us in our 2025 survey that they need to know when they will be called to give evidence.

## Our objectives

- Tell ${served} their court date within two days of listing, from April 2026.
- Offer ${served} a pre-trial visit booked online by March 2027.
- Publish waiting times for every court centre by June 2026.
- Replace the case tracking spreadsheet with the national case system by December 2026.
- Move the unit's files to the shared drive by September 2026.
- Retire the fax line by May 2026.
`;

describe('the people a justice or care plan serves', () => {
  it('counts objectives for victims and witnesses as naming the people they serve', async () => {
    expect(await messages(plan('victims and witnesses'), 'missing-user-needs')).toEqual([]);
    expect(await messages(plan('each child witness'), 'missing-user-needs')).toEqual([]);
  });

  it('still reports objectives that name nobody', async () => {
    expect(await messages(plan('the listing office'), 'missing-user-needs')).toEqual(['9: Only 0 of 6 objectives name the people they serve']);
  });
});

describe('a scope word that names people (no-trade-offs)', () => {
  const dated = (what: string) => `# Depot plan\n\n## Our priorities\n\nFirst we will fix the depot network; we will not build a new app.\n\n## Objectives\n\n- ${what} by March 2027.\n`;

  it('takes "every team leader" and "all service users" for people, not for all of the work', async () => {
    expect(await messages(dated('Every team leader can see their own team\'s workload on a dashboard'), 'no-trade-offs')).toEqual([]);
    expect(await messages(dated('Send all service users a text reminder before each visit'), 'no-trade-offs')).toEqual([]);
  });

  it('still reports a commitment to all of the services by a date', async () => {
    expect(await messages(dated('Move all of our services online'), 'no-trade-offs')).toEqual([
      '9: Commits to all of it by a date: "Move all of our services online by March 2027."',
    ]);
  });
});
