// Blind test nine (fixtures/blind/FINDINGS.md, R9-5), in our own words: a list of commitments that
// ends with "- Lead: …" was read as one commitment more, with no measure or date, and reported as
// vague. The line says who leads the items above it: they take its owner (when owner-terms
// knows it: "Director" does, "Head of" does not yet).
import { describe, expect, it } from 'vitest';
import { Analysis } from '../dist/src/analysis/index.js';
import { buildLexicons } from '../dist/src/analysis/lexicons.js';
import { markdownDocument } from '../dist/src/formats/markdown.js';
import { findingsIn } from './support/judgement.js';

const PLAN = `# Island ferries digital plan

## Our priorities

### Priority 1: Book a crossing online

- Let 80% of passengers book their crossing online by March 2027.
- Cut the wait on the booking line from nine minutes to three by March 2027.
- Lead: Director of Customer Services, with the harbour masters.
`;

describe('a "Lead:" line closing a list of commitments', () => {
  it('is no commitment of its own, and gives its owner to the items above it', () => {
    const analysis = new Analysis(markdownDocument('plan.md', PLAN), { lexicons: buildLexicons() });
    const items = analysis.objectives.filter((o) => o.kind === 'item');
    expect(items.map((o) => [o.text.split(' ').slice(0, 2).join(' '), o.owner !== null])).toEqual([
      ['Let 80%', true],
      ['Cut the', true],
    ]);
  });

  it('so nothing is reported as vague', async () => {
    expect(await findingsIn(PLAN, 'vague-goals')).toEqual([]);
  });
});
