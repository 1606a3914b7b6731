// Blind tests four and five (fixtures/blind/FINDINGS.md R4-11, R5-10; "it-driven absent
// (reviewer some)" on three documents): a plan led only by IT whose commitments are technology
// choices was found ("Leadership sits only with IT", "Technical change…"), but the verdict was the
// vocabulary ratio's alone, and a plan that names residents often enough passed. SIGNS.md: "A plan
// written by and for an IT function, whose objectives are technology choices, is strongly
// IT-driven even if a sentence names a benefit". In our own words: a district council's plan.
import { describe, expect, it } from 'vitest';
import { findingsIn, lintText } from './support/judgement.js';

const plan = (lead: string, commitments: string) => `---
date: 2026-02-01
---

# Brackenmoor District Council ICT plan 2026-2029

Residents, councillors and staff depend on council services every day. Residents pay their council
tax, report fly-tipping and apply for housing help; staff in planning, housing and waste answer
their questions. Councillors hear from residents when things go wrong. This plan is about making
those services work well for residents and for the staff who run them, and about giving families,
carers and older residents help when they need it.

## What we will do

${commitments}

## Who leads it

${lead}
`;

const TECHNICAL = `- We will migrate our servers to a public cloud by March 2027.
- We will replace our legacy systems for planning and licensing in 2026.
- We will upgrade the network infrastructure at the civic centre.
- We will publish a clear guide for residents on how to contact us.`;

async function itDriven(lead: string, commitments = TECHNICAL) {
  return (await lintText(plan(lead, commitments))).scorecard!.signs['it-driven'];
}

describe('a plan led only by IT, with technology choices among its commitments (it-driven)', () => {
  it('is IT-driven, "some" at least, though its prose names people more than technology', async () => {
    const sign = await itDriven('The plan will be led by the Head of ICT, who reports to the Corporate Management Team.');
    expect(sign.verdict).toBe('some');
    expect(sign.reason).toMatch(/some all the same: leadership sits only with IT and 3 of its commitments are technical changes with no outcome for people$/);
  });

  it('is not when a business leader leads it', async () => {
    const sign = await itDriven('The Chief Executive leads this plan, with the Head of ICT responsible for delivery.');
    expect(sign.verdict).toBe('absent');
  });

  it('is not when IT leads commitments that say what changes for people', async () => {
    const sign = await itDriven(
      'The plan will be led by the Head of ICT.',
      `- We will let residents book bulky waste collections online by March 2027.
- We will give housing officers tablets so tenants get repairs booked at the door, in 2026.
- We will publish a clear guide for residents on how to contact us.`,
    );
    expect(sign.verdict).toBe('absent');
  });
});

// Blind test six (R6-3): "sponsored by a member of the Technology leadership team" named a
// business leader ("leadership team") to the check, so a plan owned by the CIO was led by nobody
// alone. The IT function's own leadership team is IT.
describe("the IT function's own leadership team (it-driven)", () => {
  const led = (lead: string) => findingsIn(plan(lead, TECHNICAL), 'it-driven').then((f) => f.filter((m) => m.includes('Leadership sits only with IT')));

  it('is IT leadership', async () => {
    expect(await led('Each project is sponsored by a member of the ICT leadership team, and the plan is owned by the Chief Information Officer.')).toEqual([
      '22: Leadership sits only with IT: "ICT leadership team"; no chief executive, board or business leader is named to lead it',
    ]);
  });

  it("is not the organisation's own leadership team", async () => {
    expect(await led("Each project is sponsored by a member of the council's leadership team, and the plan is owned by the Chief Information Officer.")).toEqual([]);
  });
});

// Blind test six (b18): the finding sat at a foreword's thanks to "the Technology leadership
// team", where the only word of leadership was the team's own name.
describe('a word of leadership inside a leader’s name (it-driven)', () => {
  it('leads nothing: the finding is where someone is said to lead', async () => {
    const text = plan('The plan will be led by the Head of ICT.', TECHNICAL).replace(
      'Residents, councillors and staff',
      'I thank the ICT leadership team for this plan. Residents, councillors and staff',
    );
    expect((await findingsIn(text, 'it-driven')).filter((m) => m.includes('Leadership sits only with IT'))).toEqual([
      '22: Leadership sits only with IT: "Head of ICT"; no chief executive, board or business leader is named to lead it',
    ]);
  });
});


// Blind test eight (R8-13): a plan led only by IT, whose finding quoted the first sentence that
// named an IT leader: a foreword's "written by the Office of Technology under the leadership of…"
// or one project's sponsor, where reviewers cite the sentence that hands IT the plan or its
// delivery ("will be owned and led by the Group CIO", "will lead implementation"). In our own words.
describe('where "leadership sits only with IT" lands (it-driven)', () => {
  const lands = (opening: string, lead: string) =>
    findingsIn(plan(lead, TECHNICAL).replace('Residents, councillors and staff', `${opening} Residents, councillors and staff`), 'it-driven').then((f) =>
      f.filter((m) => m.includes('Leadership sits only with IT')).map((m) => m.split(':')[0]),
    );

  it('on the sentence that hands IT the delivery, not on the one that says IT wrote the plan', async () => {
    expect(await lands('This plan was drafted by the ICT Service under the leadership of the Head of ICT.', 'The Head of ICT will lead its delivery, with a programme office in the ICT Service.')).toEqual(['22']);
  });

  it('on the sentence that gives IT the plan, not on one project sponsored by an IT leader', async () => {
    expect(await lands('Each project will be sponsored by a member of the ICT leadership team.', 'The Brackenmoor ICT plan will be owned by the Chief Information Officer.')).toEqual(['22']);
  });

  it('on the first such sentence when that one hands IT the plan', async () => {
    expect(await lands('The Head of ICT will lead delivery of this plan.', 'Each project is sponsored by a member of the ICT leadership team.')).toEqual(['7']);
  });
});

// Blind test three (b3:169): "the Office of Information Technology (OIT)", then "membership from
// the OIT leadership team" counted the OIT's own leadership team as the organisation's, so a plan
// governed by the CIO was not led by IT alone. An IT unit named by the acronym the document gives
// it is IT, and so is its leadership team. In our own words.
describe('an IT unit named by its acronym (it-driven)', () => {
  const led = (lead: string) => findingsIn(plan(lead, TECHNICAL), 'it-driven').then((f) => f.filter((m) => m.includes('Leadership sits only with IT')));

  it("is IT, and so is that unit's leadership team", async () => {
    expect(
      await led('The Department of Information Technology (DIT) wrote this plan. The DIT will lead its delivery, with each project sponsored by a member of the DIT leadership team.'),
    ).toEqual(['22: Leadership sits only with IT: "DIT"; no chief executive, board or business leader is named to lead it']);
  });

  it('is not an acronym the document gives a business unit', async () => {
    expect(
      await led('The Department of Housing and Communities (DHC) wrote this plan. The DHC will lead its delivery, with each project sponsored by a member of the DHC leadership team.'),
    ).toEqual([]);
  });
});
