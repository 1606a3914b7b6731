// Blind test nine (b25, R9-5's rest): a priority written as one sentence that sums it up ("We will
// make remote appearances reliable…") over a list of the dated, measured actions that carry it out
// was reported as a commitment with no measure or deadline; and a list whose lead-in said why it
// starts where it does ("…starting with small claims because it is already mostly digital") was
// read as looking back, so its actions were no commitments at all. Items that open with their date
// ("By March 2027, move…") were not seen to open with an action. In our own words.
import { describe, expect, it } from 'vitest';
import { Analysis } from '../dist/src/analysis/index.js';
import { buildLexicons } from '../dist/src/analysis/lexicons.js';
import { markdownDocument } from '../dist/src/formats/markdown.js';
import { findingsIn } from './support/judgement.js';

const PLAN = `---
date: 2026-03-01
---

# Fernside Homes digital plan 2026-2028

## Our priorities

### Priority 1: Repairs tenants can follow

We will replace the repairs system, starting with gas servicing because that part is already online.

- Choose a supplier by March 2027.
- Move gas servicing to the new system by September 2027.
- Move every other repair to it by March 2028.

### Priority 2: Forms that work on a phone

We will make our forms work on a phone.

- By June 2027, move the 18 most used forms to the new form builder.
- By December 2027, retire the 40 paper forms tenants still post to us.
- In 2028, publish how long each form takes to complete, every month.
`;

/** Each commitment as "line kind: opening words | measured and dated or not". */
function commitments(text: string): string[] {
  const analysis = new Analysis(markdownDocument('plan.md', text), { lexicons: buildLexicons() });
  return analysis.objectives.map((o) => `${text.slice(0, o.start).split('\n').length} ${o.kind}: ${o.text.split(/\s+/).slice(0, 4).join(' ')} | ${o.deadline ? 'dated' : 'undated'}`);
}

describe('a priority summed up in one sentence over the actions that carry it out', () => {
  it('reads the actions as commitments, whether the lead-in explains where they start or the items open with their date', () => {
    expect(commitments(PLAN)).toEqual(
      expect.arrayContaining([
        '13 item: Choose a supplier by | dated',
        '14 item: Move gas servicing to | dated',
        '15 item: Move every other repair | dated',
        '21 item: By June 2027, move | dated',
        '22 item: By December 2027, retire | dated',
        '23 item: In 2028, publish how | dated',
      ]),
    );
  });

  it('does not report the summing-up sentence as a commitment with no measure or deadline', async () => {
    const found = await findingsIn(PLAN, 'vague-goals');
    expect(found.filter((f) => f.startsWith('11:') || f.startsWith('19:'))).toEqual([]);
  });
});
