// Blind test one (fixtures/blind/FINDINGS.md; b1's must-find at its title page): a Word export
// opens with a title page, the organisation's name and then the strategy's own name set in bold
// ("**Digital Strategy 2025-2035**"), before its first heading. The year range in that name was
// read as another plan's ("a Trust … Digital Strategy 2025-2035", a citation), since only the
// first heading counted as the document's title, so the strategy's own ten-year span went
// unreported there. The document's own names are now one fact of the analysis (Analysis.ownNames:
// its title, its front matter's title, its title page's bold lines), which the dates and
// not-integrated both read. In our own words.
import { describe, expect, it } from 'vitest';
import { findingsIn } from './support/judgement.js';

const plan = (frontMatter: string, titlePage: string) => `---
date: 2026-01-20
${frontMatter}---

${titlePage}

# Introduction

Our libraries, leisure centres and museums serve 210,000 residents. This plan says what we will
change for them and by when.

## What we will do

- Let residents renew library loans and book sports halls online by March 2027.
- Replace the museum's ticketing system by October 2026.
`;

describe("a strategy's own name on its title page (long-horizon)", () => {
  it('reads the span in the bold name under the organisation as the plan’s own horizon', async () => {
    const found = await findingsIn(plan('', '**Harrowfield Borough Council**\n\n**Culture and Leisure Digital Plan 2026–2036**'), 'long-horizon');
    expect(found).toContainEqual("7: Horizon runs to 2036, 10 years past the document's date (2026)");
  });

  it('reads it so when the front matter gives the same title', async () => {
    const found = await findingsIn(
      plan('title: "Culture and Leisure Digital Plan 2026–2036"\n', '**Harrowfield Borough Council**\n\n**Culture and Leisure Digital Plan 2026–2036**\n\nVersion 2.0, approved by Cabinet'),
      'long-horizon',
    );
    expect(found).toContainEqual("8: Horizon runs to 2036, 10 years past the document's date (2026)");
  });

  it('still reads a plan the text cites as another document’s', async () => {
    const found = await findingsIn(
      plan('', '**Harrowfield Borough Council**\n\n**Culture and Leisure Digital Plan 2026–2029**').replace(
        'This plan says',
        'It serves the Harrowfield Place Strategy 2024–2040, and this plan says',
      ),
      'long-horizon',
    );
    expect(found).toEqual([]);
  });
});
