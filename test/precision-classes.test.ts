// Classes of wrong findings met in the corpus review (test/corpus-review), each written again in
// our own words: a strategy of our own holds the class beside findings of the same rule that must
// still be given, so a fix that silences the rule fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analysis } from '../dist/src/analysis/index.js';
import { buildLexicons } from '../dist/src/analysis/lexicons.js';
import { markdownDocument } from '../dist/src/formats/markdown.js';
import { ROOT } from './helpers.js';
import { findings, findingsIn, lintText } from './support/judgement.js';

function objectiveLines(path: string): number[] {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const analysis = new Analysis(markdownDocument(path, text), { lexicons: buildLexicons() });
  return analysis.objectives.map((o) => text.slice(0, o.start).split('\n').length);
}

describe('technology in its place (it-driven)', () => {
  const PLAN = 'fixtures/precision/technology-in-its-place.md';

  it('reports the migrations, not a plan, skills or contracts about technology, nor technology as the means to another end', async () => {
    expect(await findings(PLAN, 'it-driven')).toEqual([
      '18: Technical change with no outcome for people: "Migrate the catalogue database to the cloud" in "Migrate the catalogue database to the cloud by March 2027."',
      '19: Technical change with no outcome for people: "Upgrade the network infrastructure" in "Upgrade the network infrastructure in all nine branches by…"',
    ]);
  });

  it('takes "ICT services" for what the department runs, and the department by its name for a leader', async () => {
    // The fixture's only leadership sentence is about certifying outsourced ICT services.
    expect((await findings(PLAN, 'it-driven')).filter((f) => f.includes('Leadership'))).toEqual([]);
    const led = '# Plan\n\nThe ICT Services team leads this plan.\n';
    expect(await findingsIn(led, 'it-driven')).toEqual([
      '3: Leadership sits only with IT: "The ICT Services team"; no chief executive, board or business leader is named to lead it',
    ]);
  });

  it('reads a sentence whose subject is an activity as a benefit, not a commitment, and still commits a subject after a comma', () => {
    // Six actions, and "Building on this, the libraries team will publish …"; neither
    // "Publishing the catalogue … will provide …" nor "Pooling know-how … will enable …".
    expect(objectiveLines(PLAN)).toEqual([14, 15, 16, 17, 18, 19, 27]);
  });
});

describe('a technology word inside a compound about a plan or a contract (it-driven)', () => {
  it('finds the head of the noun phrase after a noun or two, and still reports a change to a system', async () => {
    const text = [
      '# Depot plan',
      '',
      '## Objectives',
      '',
      '- Replace the database hosting contract with a shorter one by June 2027.',
      '- Rewrite the cloud backup recovery guidance for depot managers by May 2027.',
      '- Update the server operating system in every depot by May 2027.',
      '',
    ].join('\n');
    expect((await findingsIn(text, 'it-driven')).filter((f) => !f.includes('technology terms against'))).toEqual([
      '7: Technical change with no outcome for people: "Update the server operating system" in "Update the server operating system in every depot by May…"',
    ]);
  });
});

describe('an acronym first met in a heading (undefined-acronyms)', () => {
  it('is explained by a long form under the heading, and still reported when the text uses it first or never spells it out', async () => {
    const text = [
      '# Estates strategy',
      '',
      '## The FMS roadmap',
      '',
      'Our Facilities Management Service moves to one booking system this year. The FMS team will run it.',
      '',
      '## The PBR review',
      '',
      'The PBR covers every site. The Planned Building Repairs list is published each spring.',
      '',
      '## The KPQ',
      '',
      'We report the KPQ every month.',
      '',
    ].join('\n');
    expect(await findingsIn(text, 'undefined-acronyms')).toEqual(['7: "PBR" is used before it is spelled out', '11: "KPQ" is never spelled out']);
  });
});

describe('sentence boundaries a conversion hides (readability)', () => {
  it('counts a run-in title, a lettered item, "etc.", a web address, a glossary term and a closing number apart from the sentences beside them', async () => {
    // Each of the first seven paragraphs is two sentences of fewer than 35 words that the parser
    // reads as one of 36 to 48 (the seventh ends its first sentence on "Schedule 4."); only the
    // last paragraph is one long sentence.
    expect(await findings('fixtures/precision/converted-boundaries.md', 'readability')).toEqual([
      '18: Sentence of 48 words: "Without a shared library, a crew that is sent to a failed…"',
    ]);
  });

  it('quotes and points at the part that is too long, not the whole parsed sentence', async () => {
    const text = [
      '# Plan',
      '',
      'Principle: Share what we learn When a crew finds a fault that other depots are likely to meet, it writes a short note the same day and posts it to the shared library, so that the next crew that meets the same fault on another site can fix it without phoning anyone first.',
      '',
    ].join('\n');
    const result = await lintText(text);
    const long = result.findings.filter((f) => f.ruleId === 'readability');
    expect(long.map((f) => [f.line, f.column, f.message])).toEqual([[3, 32, 'Sentence of 48 words: "When a crew finds a fault that other depots are likely to…"']]);
  });
});

describe('a date above a list reaches the commitments in its items (vague-goals)', () => {
  it('dates the items through a lead-in that refers back to a dated paragraph, and not through one that does not', async () => {
    // "Three pilot services … by June 2027. ¶ These were chosen because …:" dates the pilots;
    // "Other services follow the same route:" does not take the date of the sentence before it.
    expect((await findings('fixtures/precision/dated-lead-ins.md', 'vague-goals')).filter((f) => !f.startsWith('1:'))).toEqual([
      '19: Commitment to "move" with no measure or deadline: "Allotment lettings: a waiting list kept on paper that we will move…"',
    ]);
  });
});

describe('a table of contents is not a list of objectives (vague-goals)', () => {
  it('leaves a list of links alone whether or not the links are set in bold, and still reads the actions it points to', async () => {
    const text = [
      '# Parks plan',
      '',
      '## Our actions',
      '',
      '* **[Planting more trees](#trees)**  ',
      '* *[Opening the lakeside path](#path)*',
      // A link a PDF wrapped over two lines: two links to one place.
      '* [Mending the boathouse](#boathouse) [roof](#boathouse)',
      '* [Looking ahead](#ahead)',
      '',
      '### Trees',
      '',
      '- Plant 400 street trees in the eastern wards by March 2027',
      '- Improve the parks',
      '',
    ].join('\n');
    expect(await findingsIn(text, 'vague-goals')).toEqual(['13: Objective has no measure or deadline, only "Improve": "Improve the parks"']);
  });
});

describe('a wait to bring down is a measure, not a date (vague-goals)', () => {
  it('reads "from 6 weeks to 3 weeks" and "to under 10 days" as how much, and still asks how much of a bare "reduce"', async () => {
    const text = [
      '---',
      'date: 2025-01-01',
      '---',
      '',
      '# Housing repairs plan',
      '',
      '## Our objectives',
      '',
      '- Cut the average wait for a damp repair from 6 weeks to 3 weeks by June 2026',
      '- Bring the wait for an emergency callback down to under 10 days by March 2026',
      '- Reduce the wait for a gas safety check by March 2026',
      '',
    ].join('\n');
    expect(await findingsIn(text, 'vague-goals')).toEqual(['11: Objective promises to "Reduce" with no measure of how much: "Reduce the wait for a gas safety check by March 2026"']);
  });
});

describe('a commitment measured in the sentence after it (vague-goals)', () => {
  it('takes the measure and date from the next sentence when it sets a deadline and commits no one new', async () => {
    const text = [
      '---',
      'date: 2025-01-01',
      '---',
      '',
      '# Town centre plan',
      '',
      'We will make parking easier to pay for. By June 2026, 90% of car parks will take payment by phone.',
      '',
      'We will improve the library service. The central library opened in 1998.',
      '',
      'The council will fund new street bins. The waste board meets every month.',
      '',
    ].join('\n');
    expect(await findingsIn(text, 'vague-goals')).toEqual([
      '9: Commitment to "improve" with no measure or deadline: "We will improve the library service."',
      '11: Commitment to "fund" with no measure or deadline: "The council will fund new street bins."',
    ]);
  });
});

describe('a yearly action plan with milestone tables (vague-goals)', () => {
  const PLAN = 'fixtures/precision/yearly-action-plan.md';
  const vague = async () => (await findings(PLAN, 'vague-goals')).filter((f) => !f.startsWith('1:'));

  it('keeps the heading after a table out of the table\'s last row, and still judges both', async () => {
    // "Open the catalogue to the public" (line 13) promises no change of degree; the "Improve"
    // of the heading below the table is the heading's own, and is reported there.
    const found = await vague();
    expect(found.filter((f) => /^1[2-5]:/.test(f))).toEqual([
      '12: Objective promises to "Reduce" with no measure of how much: "Reduce waiting at the returns desk"',
      '15: Objective promises to "Improve" with no measure of how much: "Action 2: Improve how residents renew their loans"',
    ]);
  });

  it('reads a plan, a group of actions or a charter as no one committing, and still a team that will act', async () => {
    // Lines 44-47: "Next year's Action Plans will build …", "The library board's charter will set
    // out …", "The Reading Support Actions will support …", "The libraries team will publish …".
    expect((await vague()).filter((f) => /^4[4-7]:/.test(f))).toEqual([
      '47: Commitment to "publish" with no measure or deadline: "The libraries team will publish a new timetable for the mobile…"',
    ]);
  });

  it('takes the promise from what states the action, not from its story, a report of the past or what it will show how to do', async () => {
    // Action 3 (line 26) commits to deliveries by September 2027; "improve" and "strengthen" come
    // later in its paragraph. Item 37's "improve" is in a survey's finding, item 38 shows how to
    // reduce mileage; item 40 does promise more opening hours, with no measure of how many.
    expect((await vague()).filter((f) => /^(?:2\d|3\d|40):/.test(f))).toEqual([
      '40: Objective promises to "Increasing" with no measure of how much: "Increasing the opening hours of the smallest branches."',
    ]);
  });
});

describe('the basics of data work (hype-tech)', () => {
  const plan = (basics: string) =>
    [
      '# Harbour board data plan',
      '',
      '## Action 3: Prepare our data for AI research',
      '',
      'By May 2027 we will publish our ten most requested tide datasets for AI research.',
      '',
      'By June 2027 we will give every berth planner an AI assistant that drafts the berthing schedule.',
      '',
      basics,
      '',
    ].join('\n');

  it('counts governing, describing and listing data as the basics that AI work stands on', async () => {
    const governed = plan(
      'First we set up data governance for every team, agree one data standard for tide readings, keep a data inventory of what we hold, ' +
        'and add metadata to each dataset. Data management stays with the records office, which checks the metadata, the data standards ' +
        'and the data inventories every quarter.',
    );
    expect((await findingsIn(governed, 'hype-tech')).filter((f) => f.includes('outweighs'))).toEqual([]);
  });

  it('still reports AI that outweighs a plan with no basics', async () => {
    const bare = plan('The board looks forward to the results.');
    expect((await findingsIn(bare, 'hype-tech')).filter((f) => f.includes('outweighs'))).toEqual([
      '3: Hype technology outweighs the basics: 3 mentions of AI against 0 of infrastructure, devices, records, data quality or security',
    ]);
  });
});

describe('what a plan is for, and a strategy that is only an object (no-mission)', () => {
  const plan = (opening: string) =>
    [
      '# Riverside housing action plan',
      '',
      opening,
      '',
      '## Repairs',
      '',
      'Damp is the commonest complaint from tenants in the tower blocks, and most of it comes from windows fitted in the 1970s.',
      '',
      '## Looking forward',
      '',
      'Writing a new plan every spring allows the strategy to adapt to new rules and to what tenants tell us.',
      '',
    ].join('\n');

  it('takes "the 2027 action plan identifies …" at the start for the plan\'s purpose', async () => {
    expect(await findingsIn(plan('The 2027 action plan identifies the repairs we will make to the council flats this year.'), 'no-mission')).toEqual([]);
  });

  it('does not take "allows the strategy to adapt" for a purpose, and reports a plan that never states one', async () => {
    expect(await findingsIn(plan('Tenants have told us about damp, broken lifts and slow repairs.'), 'no-mission')).toEqual([
      '1: No mission: nothing near the start says, in a sentence, what this strategy is for',
    ]);
  });
});

describe('a division of responsibility (vague-goals)', () => {
  it('is an arrangement of roles, not a commitment, and a body that will share its results still commits', async () => {
    const text = [
      '# Coastal path plan',
      '',
      'The rangers team will share responsibility for the path with the parish councils along it.',
      '',
      'The rangers team will keep oversight of the stiles and gates.',
      '',
      'The rangers team will share its survey of eroded sections with walkers.',
      '',
    ].join('\n');
    expect((await findingsIn(text, 'vague-goals')).filter((f) => !f.startsWith('1:'))).toEqual([
      '7: Commitment to "share" with no measure or deadline: "The rangers team will share its survey of eroded sections with…"',
    ]);
  });
});

describe('links to the site a strategy is published on (cookie-cutter)', () => {
  const PAGE = 'fixtures/precision/published-on-a-shared-site.md';
  const page = readFileSync(join(ROOT, PAGE), 'utf8');

  it('takes the site of the breadcrumb trail and of the links named after the organisation for its own, not one outside source', async () => {
    expect(await findings(PAGE, 'cookie-cutter')).toEqual([]);
  });

  it('takes either on its own for the sign of the site', async () => {
    // Without the trail, the committee papers named after the service still say whose site it
    // is; without that name, the trail does.
    expect(await findingsIn(page.replace(/^\[Home\].*$/m, ''), 'cookie-cutter')).toEqual([]);
    expect(await findingsIn(page.replace('[Westmarch Fire and Rescue\nService committee papers]', '[committee papers]'), 'cookie-cutter')).toEqual([]);
  });

  it('still reports a site the page leans on when nothing says it is the organisation\'s own', async () => {
    const leaning = page.replace(/^\[Home\].*$/m, '').replace('[Westmarch Fire and Rescue\nService committee papers]', '[committee papers]');
    expect(await findingsIn(leaning, 'cookie-cutter')).toEqual([
      expect.stringMatching(/^\d+: Leans on one outside source: 13 of 13 outside links go to localgov\.example$/),
    ]);
  });

  it('still reports an outside site beside the organisation\'s own', async () => {
    const consultancy = Array.from({ length: 12 }, (_, i) => `- [Maturity step ${i + 1}](https://www.transform-partners.example/model/${i + 1})`).join('\n');
    const borrowed = page.replace('## Where to find more', `## Our maturity model\n\n${consultancy}\n\n## Where to find more`);
    expect(await findingsIn(borrowed, 'cookie-cutter')).toEqual([
      expect.stringMatching(/^\d+: Leans on one outside source: 12 of 12 outside links go to transform-partners\.example$/),
    ]);
  });
});

describe('objectives named as missions, and headings that say how (vague-goals)', () => {
  const PLAN = 'fixtures/precision/missions-and-methods.md';
  const plan = readFileSync(join(ROOT, PLAN), 'utf8');
  const structural = (text: string) => {
    const analysis = new Analysis(markdownDocument(PLAN, text), { lexicons: buildLexicons() });
    return analysis.objectives.filter((o) => o.kind !== 'commitment').map((o) => `${text.slice(0, o.start).split('\n').length} ${o.kind}`);
  };

  it('reads each "Mission n:" heading under "Our missions" as an objective, and a promise made under one where it is said', async () => {
    expect(structural(plan)).toEqual(['17 heading', '22 heading', '24 paragraph', '27 heading', '31 heading']);
    expect(await findings(PLAN, 'vague-goals')).toEqual([
      '29: Objective promises to "improve" with no measure of how much: "By 2029 we\'ll improve the survey tools rangers use on the fells."',
      '31: Objective has no measure or deadline: "Mission 4: Replace the network in our visitor centres"',
    ]);
  });

  it('holds no objectives under a heading that says how we will work, know or measure', () => {
    for (const heading of ['How we will measure progress', "How we'll know it is working", 'How we will work together']) {
      expect(structural(plan.replace("## How we will know we're succeeding", `## ${heading}`)), heading).not.toContain('42 paragraph');
    }
  });

  it('still holds them under a heading that says what we will do', () => {
    for (const heading of ['What we will deliver', "We'll also", 'Where we will invest']) {
      expect(structural(plan.replace("## How we will know we're succeeding", `## ${heading}`)), heading).toContain('42 paragraph');
    }
  });
});

describe('the organisation\'s plan named by its title or its kind (not-integrated)', () => {
  const plan = (title: string, sentence: string) =>
    [`# ${title}`, '', sentence, '', '## What we will do', '', '- Open a booking service for meeting rooms by June 2027.', ''].join('\n');
  const NOT_TIED = "1: Not tied to the organisation's strategy: no corporate, business, clinical or system plan is named, and nothing says how digital serves it";

  it('takes "Our Plan 2024–2029" and an outcome delivery plan for the organisation\'s plan, and a plan that sits under one as tied to it', async () => {
    expect(await findingsIn(plan('Brackenfield libraries digital plan 2026 to 2028', 'This plan serves Our Plan 2024–2029, the council\'s five-year plan, and its aim of a library within reach of every village.'), 'not-integrated')).toEqual([
      '3: Only a thin link to the organisation\'s own plans: "Our Plan 2024–2029"',
    ]);
    expect(await findingsIn(plan('Estuary Surveys Agency data plan', 'Our data team will help the agency deliver the Department for Coasts outcome delivery plan 2026 to 2029.'), 'not-integrated')).toEqual([
      '3: Only a thin link to the organisation\'s own plans: "outcome delivery plan"',
    ]);
    expect(await findingsIn(plan('Ferrybridge Hospice digital plan', 'It sits under our strategy for 2025 to 2030, which the trustees agreed in May.'), 'not-integrated')).toEqual([
      '3: Only a thin link to the organisation\'s own plans: "our strategy for 2025 to 2030"',
    ]);
  });

  it('takes a company\'s words for it: its group plan, group strategy or company strategy', async () => {
    for (const [sentence, named] of [
      ['This plan supports our group strategy, which the board agreed in March.', 'group strategy'],
      ['Every priority below serves the company plan for 2026 and its three aims.', 'company plan'],
    ]) {
      expect(await findingsIn(plan('Ridgeway Mutual technology plan', sentence), 'not-integrated'), sentence).toEqual([
        `3: Only a thin link to the organisation's own plans: "${named}"`,
      ]);
    }
  });

  it('does not take the document itself, or "our plan is to", for the organisation\'s plan', async () => {
    expect(await findingsIn(plan('Digital strategy 2026–2030', 'Our strategy 2026–2030 sets out what our digital team will do and supports every service.'), 'not-integrated')).toEqual([NOT_TIED]);
    expect(await findingsIn(plan('Ferrybridge Hospice digital plan', 'Our plan is to support 2026 families with one booking service.'), 'not-integrated')).toEqual([NOT_TIED]);
  });
});

describe('IT leading with the executive as its audience (it-driven)', () => {
  const plan = (governance: string) =>
    ['# Larkhill College technology plan 2026 to 2028', '', 'We will give every student a working laptop loan within a day by September 2027.', '', '## Governance', '', governance, ''].join('\n');

  it('reports IT leadership when the executive is only the body IT reports to, or a board IT chairs', async () => {
    for (const governance of [
      "The plan will be led by the Head of ICT, who reports quarterly to the college's Senior Leadership Team.",
      'A Technology Steering Board, chaired by the Director of IT, will oversee every project.',
      'Delivery is owned by the IT department and is accountable to the Board of Governors.',
      // Blind R4-11: the IT function under a name that joins digital to it.
      'The plan will be delivered by the Digital and IT Service, led by the Chief Information and Digital Officer, reporting to the Principal twice a year.',
      'A Change Board chaired by the Head of Digital and ICT will oversee every project.',
      // Blind R7-4: the executive as the audience in a sentence of its own.
      'A Technology Steering Board, chaired by the Director of IT, will oversee every project. The Steering Board will report to the Senior Leadership Team each term.',
      'The Head of ICT leads the plan. Each quarter the ICT Programme Board reports to the Board of Governors.',
    ]) {
      expect(await findingsIn(plan(governance), 'it-driven'), governance).toEqual([expect.stringMatching(/^7: Leadership sits only with IT: /)]);
    }
  });

  it('does not when a business leader leads, whoever reports to whom', async () => {
    for (const governance of [
      "The plan will be led by the college's Chief Operating Officer, with the Head of ICT reporting to her.",
      'The Principal chairs the Technology Steering Board; the Director of IT leads delivery.',
      'The Chief Operating Officer leads the plan, with the Head of Digital and ICT running delivery.',
      // A sentence that gives the executive the plan as well as the reports.
      'The Head of ICT leads delivery. The programme reports to the Senior Leadership Team, which owns the plan.',
      'The Head of ICT leads delivery. Each service director is accountable for the changes in their area.',
    ]) {
      expect(await findingsIn(plan(governance), 'it-driven'), governance).toEqual([]);
    }
  });
});

describe('a bounded trial in plain words (hype-tech)', () => {
  const plan = (sentence: string) => ['# Ashby Parish Council digital plan 2026', '', '## What we will do', '', sentence, ''].join('\n');

  it('weighs "we\'ll try", "try out" and "trying" as a trial, as "pilot" and "trial" are', async () => {
    for (const sentence of [
      "We'll try generative AI for drafting replies to letters for six weeks with one clerk.",
      'We will try out a chatbot on the allotments page until March 2027, then decide whether to keep it.',
      'From May we are trying machine learning on the grass-cutting rota with one contractor.',
    ]) {
      expect(await findingsIn(plan(sentence), 'hype-tech'), sentence).toEqual([]);
    }
  });

  it('does not take the effort of "try to" for a trial', async () => {
    expect(await findingsIn(plan('We will try to use AI in every service we run by 2027.'), 'hype-tech')).toEqual([
      '5: "AI" in an objective: "We will try to use AI in every service we run by 2027."',
    ]);
  });
});

describe('principles as a name over an italic tagline (no-principles)', () => {
  const plan = (principles: string[]) =>
    ['# Wrenfield Library Service digital plan 2026 to 2028', '', '## Our principles', '', ...principles.flatMap((p) => [p, '']), '## What we will do', '', 'We will let members renew loans by text by June 2027.', ''].join('\n');
  const tagged = (name: string, line: string, ...more: string[]) => [`### ${name}`, '', `*${line}*`, ...more.flatMap((m) => ['', m])].join('\n');

  it('reads a one-word virtue with only a short italic line under it as a slogan', async () => {
    const text = plan([
      tagged('Brave', 'We try new things.'),
      tagged('Together', 'Stronger as one team.'),
      tagged('Simple', 'Less is more.'),
      tagged('Green', 'Kind to the planet.'),
    ]);
    expect(await findingsIn(text, 'no-principles')).toEqual([
      '3: 4 of the 4 principles under "Our principles" are slogans that would not help anyone decide, such as "Brave We try new things."',
    ]);
  });

  it('does not when the line sets a condition or a limit, or the principle is explained', async () => {
    const text = plan([
      tagged('Paper stays', 'If a paper form still works for a member, we keep it.'),
      tagged('Open', 'No catalogue data is locked in a supplier’s system.'),
      tagged('Together', 'Stronger as one team.', 'Branch staff choose the next service we move online, from what members ask them for most.'),
      tagged('Simple', 'Less is more.', 'A new online service replaces an old one; we do not run two side by side for more than a month.'),
    ]);
    expect(await findingsIn(text, 'no-principles')).toEqual([]);
  });
});

describe('a roadmap whose phase headings date the items under them (vague-goals)', () => {
  const roadmap = (headings: [string, string, string]) =>
    [
      '---', 'date: 2026-03-01', '---', '', '# Hollins Vale Council digital plan 2026 to 2029', '', '## What we will deliver', '',
      `### ${headings[0]}`, '', '- Move the housing repairs line onto the new contact platform.', '- Publish our open data catalogue.', '',
      `### ${headings[1]}`, '', '- Let tenants book a repair online and choose the time.', '- Replace the paper parking permit with a digital one.', '',
      `### ${headings[2]}`, '', '- Close two of the three old benefits systems.', '- Improve the experience of the planning portal for agents.', '',
    ].join('\n');

  it('takes each phase heading\'s date as its items\' deadline, and still asks a promised change for a measure', async () => {
    expect(await findingsIn(roadmap(['Year 1 (2026/27)', 'Year 2 (April 2027 to March 2028)', 'By March 2029']), 'vague-goals')).toEqual([
      '7: Only 1 of 6 objectives (17%) have both a measure and a deadline',
      '22: Objective promises to "Improve" with no measure of how much: "Improve the experience of the planning portal for agents."',
    ]);
  });

  it('does not take a date from a heading whose neighbours have none', async () => {
    const found = await findingsIn(roadmap(['Customers', 'Key initiatives 2026 to 2029', 'Staff']), 'vague-goals');
    expect(found).toContain('16: Objective has no measure or deadline: "Let tenants book a repair online and choose the time."');
    expect(found).toContain('17: Objective has no measure or deadline: "Replace the paper parking permit with a digital one."');
  });
});

describe('a fraction in words as an amount (vague-goals)', () => {
  const plan = (items: string[]) =>
    ['---', 'date: 2026-03-01', '---', '', '# Ardwell Borough digital plan 2026 to 2028', '', '## Our objectives', '', ...items.map((i) => `- ${i}`), ''].join('\n');

  it('reads "by a quarter", "three quarters" and "a fifth" as how much, and "every quarter" as when', async () => {
    const found = await findingsIn(
      plan([
        'Cut calls chasing repairs by a quarter by March 2027.',
        'Raise the share of permits renewed online to three quarters by March 2027.',
        'Reduce paper forms by a fifth by March 2028.',
        'Reduce missed bin collections every quarter by March 2027.',
      ]),
      'vague-goals',
    );
    expect(found.filter((f) => f.includes('no measure of how much'))).toEqual([
      '12: Objective promises to "Reduce" with no measure of how much: "Reduce missed bin collections every quarter by March 2027."',
    ]);
  });
});
