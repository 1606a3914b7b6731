// The commitment model on short texts of our own, one per class: what is a commitment, and the
// traps a precision review of real strategies found read as commitments (examples, principles,
// roles, contents lists, subjects read as imperatives, necessities, advice, descriptions).
import { describe, expect, it } from 'vitest';
import { Analysis } from '../dist/src/analysis/index.js';
import { buildLexicons } from '../dist/src/analysis/lexicons.js';
import { markdownDocument } from '../dist/src/formats/markdown.js';

const lexicons = buildLexicons();
const FRONT = '---\ndate: 2025-01-01\n---\n\n# Westmere digital plan\n\n';

function found(body: string): string[] {
  const analysis = new Analysis(markdownDocument('plan.md', FRONT + body), { lexicons });
  return analysis.objectives.map((o) => `${o.kind}: ${o.text.replace(/\s+/g, ' ').trim()}`);
}

describe('commitments the model finds', () => {
  it.each([
    ['a named body that will act', 'The Records Office will digitise the planning archive.', ['commitment: The Records Office will digitise the planning archive.']],
    ['a labelled initiative mid-paragraph', 'Tenants wait too long. Initiative 2: Build a repairs tracker for tenants.', ['labelled: Initiative 2: Build a repairs tracker for tenants.']],
    ['the document\'s own aim', 'This strategy aims to simplify how residents pay the council.', ['commitment: This strategy aims to simplify how residents pay the council.']],
    ['an action table row', '| Milestone | Due |\n|---|---|\n| Publish the bus data | May 2025 |\n| Train the library staff | June 2025 |', ['row: Publish the bus data', 'row: Train the library staff']],
  ])('%s', (_, body, expected) => {
    expect(found(body)).toEqual(expected);
  });
});

describe('what is not a commitment', () => {
  it.each([
    ['a list of examples to choose from', '## Our actions\n\nTeams may use techniques such as:\n\n- Run open days\n- Offer paid internships\n- Publish salary ranges'],
    ['a list of principles', 'The new platform meets our principles:\n\n- Use managed services\n- Build in the open\n- Reuse before buying'],
    ['a role described', '## Our actions\n\nService owners are accountable for their services. They will:\n\n- champion the needs of users\n- join up policy and delivery\n- publish performance data'],
    ['a table of contents', '## Our actions\n\n1. [Better services](#better-services)\n2. [Better tools](#better-tools)\n3. [Better data](#better-data)'],
    ['a subject read as an imperative', '## Objectives\n\nOpen source solutions are free for everyone to use.'],
    ['a gerund subject', '## Objectives\n\nIncreasing collaboration will allow partners to help.'],
    ['a necessity', 'To do this well we will need to understand the risks.'],
    ['advice to others', 'Departments should consider shared hosting.'],
    ['a thing, not an actor', 'The new strategy will enable faster decisions.'],
    ['a relative clause', 'We list the datasets that the Council will use next year.'],
    ['a line drawn', 'We will not build a mobile app.'],
    ['a description of the plan', 'This plan sets out how we will start.'],
    ['a preference between options', '## Objectives\n\n- Prefer managed services over running our own servers'],
    ['a foreword previewing the plan', '## Foreword\n\nIn this plan we will publish every dataset we hold.'],
    ['the same action stated twice', '## Our actions\n\n- Publish every bus timetable as open data by 2026\n\n## Open data\n\n- Publish every bus timetable as open data by 2026'],
  ])('%s', (name, body) => {
    const objectives = found(body);
    if (name === 'the same action stated twice') expect(objectives).toHaveLength(1);
    else expect(objectives).toEqual([]);
  });
});

describe('the dates a commitment takes from the commitment it belongs to', () => {
  function dated(body: string): string[] {
    const analysis = new Analysis(markdownDocument('plan.md', FRONT + body), { lexicons });
    return analysis.objectives.map((o) => `${o.text.replace(/\s+/g, ' ').trim()} | ${o.deadline?.match.text ?? 'no date'}`);
  }

  it('a date above a list covers its items', () => {
    expect(dated('## Our actions\n\nBy June 2026 we will:\n\n- publish the bus data\n- train the library staff')).toEqual([
      'publish the bus data | June 2026',
      'train the library staff | June 2026',
    ]);
  });

  it("a date stated in one sentence under an action is that sentence's, not its neighbours'", () => {
    expect(dated('## Action 3: Open the library hub\n\nBy March 2026 the Council will open the hub. The Council will also review the mobile library routes.')).toEqual([
      'Action 3: Open the library hub | March 2026',
      'By March 2026 the Council will open the hub. | March 2026',
      'The Council will also review the mobile library routes. | no date',
    ]);
  });

  it("a date one milestone gives its action does not spread to the action's other milestones", () => {
    expect(dated('## Action 5: Publish open data\n\n| Milestone | Due |\n|---|---|\n| Publish the bus data | May 2025 |\n| Publish the parking data | |')).toEqual([
      'Action 5: Publish open data | May 2025',
      'Publish the bus data | May 2025',
      'Publish the parking data | no date',
    ]);
  });
});
