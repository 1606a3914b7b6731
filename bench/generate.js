#!/usr/bin/env node
// A deterministic corpus of made-up strategy documents for the benchmark.
//
// The same seed always writes the same bytes, so figures from two runs (or two machines) are
// measured on the same text. The prose is assembled from phrase banks written for this file;
// it reads like a strategy, and it carries what the rules look at: front matter with a date,
// heading trees, objectives (some with a measure and a date, some vague), long lists of
// initiatives, tables, years and ranges, durations, hype technology, user nouns and
// "we will" sentences.
//
//   node bench/generate.js [--seed 42] [--small 20] [--medium 200] [--large 1] [--out bench/.corpus]

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the generator's output changes, so a stale corpus is written again. */
export const GENERATOR_VERSION = 1;

export const SIZES = {
  small: { words: 300 },
  medium: { words: 800 },
  large: { words: 20000 },
};

export const DEFAULTS = { seed: 42, small: 20, medium: 200, large: 1 };

// ---------------------------------------------------------------------------------------------
// A small seeded PRNG (mulberry32): fast, 32-bit state, good enough for picking phrases.

export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  const sample = (list, n) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, Math.min(n, copy.length));
  };
  return { next, int, pick, chance, sample };
}

// ---------------------------------------------------------------------------------------------
// Phrase banks.

const ORGS = [
  ['Northmoor', 'County Council'], ['Eastbridge', 'City Council'], ['Kestrel Valley', 'NHS Foundation Trust'],
  ['Harbourside', 'University'], ['Ashworth', 'Housing Association'], ['Westfield', 'Borough Council'],
  ['the Regional Transport', 'Authority'], ['Millbrook', 'Community Health Partnership'],
  ['the National Archives', 'Service'], ['Greystone', 'Fire and Rescue Service'], ['Riverside', 'Integrated Care Board'],
  ['the Department for', 'Rural Affairs'], ['Oakhaven', 'College'], ['the Coastal Water', 'Company'],
];

const USERS = [
  ['residents', 'resident'], ['patients', 'patient'], ['staff', 'member of staff'], ['carers', 'carer'],
  ['students', 'student'], ['tenants', 'tenant'], ['businesses', 'business'], ['clinicians', 'clinician'],
  ['families', 'family'], ['visitors', 'visitor'], ['applicants', 'applicant'], ['customers', 'customer'],
  ['parents', 'parent'], ['colleagues', 'colleague'], ['nurses', 'nurse'], ['citizens', 'citizen'],
];

const HYPE = [
  'artificial intelligence', 'AI', 'generative AI', 'machine learning', 'blockchain', 'the metaverse',
  'digital twins', 'robotic process automation', 'predictive analytics', 'chatbots', 'the internet of things',
  'big data', 'quantum computing', 'virtual reality', 'large language models', 'drones',
];

const BASICS = [
  'reliable Wi-Fi', 'laptops for frontline staff', 'the electronic patient record', 'data quality',
  'cyber security', 'our legacy systems', 'single sign-on', 'network resilience', 'telephony',
  'backup and recovery', 'core systems', 'the basics',
];

const SERVICES = [
  'online booking', 'the council tax account', 'appointment reminders', 'repairs reporting', 'the planning portal',
  'school admissions', 'parking permits', 'the staff intranet', 'outpatient letters', 'waste collection requests',
  'the housing register', 'library membership', 'blue badge applications', 'the careers service', 'referrals',
  'the case management system', 'the customer contact centre', 'our website', 'the records archive',
  'shared care plans', 'payments', 'the grants service', 'the visitor app', 'rota management',
];

const OUTCOMES = [
  ['the time it takes to', ['book an appointment', 'report a repair', 'renew a permit', 'get an answer', 'apply for support'], 'days'],
  ['the share of', ['transactions completed online', 'calls resolved first time', 'letters sent digitally', 'cases closed within target'], 'percent'],
  ['the number of', ['paper forms in use', 'systems we run', 'passwords staff need', 'missed appointments', 'duplicate records'], 'count'],
];

const WEASEL = ['transform', 'enhance', 'leverage', 'drive', 'empower', 'harness', 'optimise', 'modernise', 'streamline', 'unlock', 'accelerate', 'strengthen', 'embrace'];
const ABSTRACT = [
  'innovation', 'digital maturity', 'a culture of excellence', 'our digital ambitions', 'the customer experience',
  'collaboration across the system', 'new ways of working', 'the power of data', 'our digital capability',
  'world-class services', 'efficiency and effectiveness', 'a seamless experience', 'the digital agenda',
];
const ACTIONS = [
  'Build a single front door for enquiries', 'Develop a shared data platform', 'Retire the remaining paper processes',
  'Launch a digital skills programme for managers', 'Publish an open standards policy', 'Introduce a new identity service',
  'Replace the old finance system', 'Build a design system for our web pages', 'Adopt a service standard for every team',
  'Move the contact centre to cloud telephony', 'Publish a data catalogue', 'Provide self-service reporting for managers',
  'Migrate the data centre to cloud hosting', 'Carry out an accessibility audit of every service', 'Set up a product team for each priority service',
  'Recruit a user research panel', 'Establish a portfolio board', 'Refresh devices for community teams', 'Agree a records retention schedule',
  'Open an API for partner organisations', 'Agree a roadmap with each directorate', 'Train a network of digital champions',
  'Publish a performance dashboard', 'Create a supplier framework for small firms', 'Embed an information governance toolkit',
  'Turn on two-factor authentication for all accounts', 'Redesign the intranet', 'Replace paper forms with e-forms for common requests',
  'Consolidate our three case management systems', 'Deliver a digital inclusion programme with local libraries',
  'Make every form work on a phone', 'Share appointment data with partners', 'Implementing a new rostering system',
  'Reviewing every contract before it renews', 'Continuously improve the website based on feedback',
];
const PAST_WORK = ['launched', 'redesigned', 'replaced', 'rebuilt', 'piloted a new version of'];
const PAINS = [
  'have to tell us the same thing more than once', 'wait on the phone to do simple things', 'cannot see where their request has got to',
  'fill in paper forms that we then type in again', 'find our website hard to search', 'struggle with passwords for too many systems',
  'lose time to slow and unreliable equipment', 'are not told when something changes', 'give up and come in person instead',
];
const NEEDS = [
  'to do simple things online at a time that suits them', 'clear information in plain English', 'to know what happens next',
  'to be asked for their details only once', 'services that work on a phone', 'help when the online route does not work for them',
  'systems that are quick and do not get in the way', 'to trust that their data is safe',
];
const QUOTES = [
  'I just want to know where my request has got to.', 'Every time I ring, I have to start again from the beginning.',
  'The form timed out and I lost everything I had typed.', 'I would use the app if it remembered who I was.',
  'Half my morning goes on logging in to things.', 'Nobody told me the appointment had moved.',
];
const PLACES = ['the county', 'the city', 'the region', 'our three hospitals', 'twelve towns and villages', 'the borough', 'four campuses', 'the district'];
const CONNECTIVES = ['At the same time,', 'In practice,', 'For this reason,', 'Above all,', 'In the meantime,', 'As a result,', 'Even so,', 'Most importantly,', 'Alongside this,', 'Put simply,'];
const HEAD_THEMES = [
  'Services designed around users', 'Data we can trust', 'Skills and culture', 'Modern, reliable technology',
  'Working with partners', 'Security and resilience', 'Inclusion and access', 'Value for money',
  'Information and records', 'Innovation and new technology', 'Leadership and governance', 'Our workforce',
];
const GLOSSARY = [
  ['API', 'a way for one computer system to ask another for data'], ['Cloud', 'computing services rented from a provider rather than run in our own buildings'],
  ['Digital inclusion', 'making sure people have the access, skills and confidence to use digital services'],
  ['Service standard', 'the points a service must meet before it goes live'], ['User research', 'watching and talking to the people who use a service to learn what they need'],
  ['Legacy system', 'an older system that is costly to run or change'], ['Single sign-on', 'logging in once to reach several systems'],
  ['Open standards', 'published rules for data and formats that anyone may use'], ['Product team', 'a small team that owns a service for its whole life'],
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// ---------------------------------------------------------------------------------------------
// The writer: sentences from templates, then blocks, then documents of a target size.

function writer(rng, context) {
  const { org, year } = context;
  const user = () => rng.pick(USERS)[0];
  const oneUser = () => rng.pick(USERS)[1];
  const later = (min, max) => year + rng.int(min, max);
  const month = () => rng.pick(MONTHS);
  const percent = () => `${rng.pick([5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 80, 90, 95])}%`;
  const money = () => rng.pick([`£${rng.int(2, 90) * 10},000`, `£${rng.int(1, 12)}.${rng.int(1, 9)} million`, `£${rng.int(2, 40)}m`, `$${rng.int(2, 30)} million`]);
  const count = () => rng.pick(['two', 'three', 'four', 'five', 'six', 'twelve', String(rng.int(2, 40)), String(rng.int(100, 900)), `${rng.int(2, 60)},${rng.int(100, 999)}`]);
  const bigCount = () => rng.pick([`${rng.int(2, 90)},000`, `${rng.int(2, 9)} million`, `${rng.int(120, 900)},${rng.int(100, 999)}`, 'half a million']);
  const deadline = () =>
    rng.pick([
      `by ${month()} ${later(0, 2)}`, `by the end of ${later(0, 2)}`, `by ${later(1, 3)}`, `within ${rng.pick(['six', '12', '18'])} months`,
      `in Q${rng.int(1, 4)} ${later(0, 2)}`, fiscal(),
      `by ${rng.int(1, 28)} ${month()} ${later(0, 3)}`, `in the next ${rng.pick(['two', 'three'])} years`,
    ]);
  const fiscal = () => {
    const from = later(0, 1);
    return `during FY${from}/${String((from + 1) % 100).padStart(2, '0')}`;
  };
  const horizon = () =>
    rng.pick([
      `by ${later(8, 15)}`, `over the next decade`, `${year}–${later(8, 12)}`, `as part of a ${rng.pick(['ten', '10', '15', 'twenty'])}-year plan`,
      `over the next ${rng.pick(['ten', '15', 'twenty'])} years`, `by ${later(1, 4)}`, `between ${year} and ${later(2, 5)}`,
    ]);
  const outcome = () => {
    const [lead, ends] = rng.pick(OUTCOMES);
    return `${lead} ${rng.pick(ends)}`;
  };
  const vagueTiming = () => rng.pick(['over time', 'in due course', 'as soon as possible', 'going forward', 'when resources allow', 'in the coming years', 'eventually']);
  const inline = (text) => {
    // Some inline markup, as real documents have: emphasis, strong and links.
    if (rng.chance(0.08)) return text.replace(/\b(users?|residents|patients|staff)\b/, '**$1**');
    if (rng.chance(0.06)) return text.replace(/\b(online|digital|data)\b/, '*$1*');
    return text;
  };

  const sentences = {
    context: () =>
      rng.pick([
        () => `${org.name} serves more than ${bigCount()} ${user()} across ${rng.pick(PLACES)}.`,
        () => `Too many ${user()} still ${rng.pick(PAINS)}.`,
        () => `In ${year - rng.int(1, 6)}, we ${rng.pick(PAST_WORK)} ${rng.pick(SERVICES)}, and ${rng.pick(['take-up has grown every month since', 'it now handles most requests', 'the savings paid for the next phase', 'complaints fell sharply'])}.`,
        () => `Over the past ${rng.pick(['three', 'five', 'few'])} years, demand for ${rng.pick(SERVICES)} has ${rng.pick(['doubled', 'grown by a third', 'risen steadily'])} while our budget has ${rng.pick(['stayed flat', 'fallen', 'fallen in real terms'])}.`,
        () => `We spend about ${money()} a year keeping ${rng.pick(BASICS)} running.`,
        () => `The previous strategy ran from ${year - rng.int(5, 8)} to ${year - rng.int(1, 2)} and ${rng.pick(['met most of its aims', 'was overtaken by events', 'focused on infrastructure'])}.`,
        () => `${rng.pick(['Most', 'Many', 'Some', 'Nearly half of our'])} ${user()} now ${rng.pick(['contact us online first', 'use a smartphone as their main device', 'expect to track a request as they would a parcel'])}.`,
        () => `${rng.pick(CONNECTIVES)} ${rng.pick(['the money we have', 'the pace of change', 'the state of our systems', 'what we heard from users'])} ${rng.pick(['shapes every choice in this strategy', 'means we cannot do everything at once', 'is the reason for this document'])}.`,
      ])(),
    users: () =>
      rng.pick([
        () => `${capital(user())} told us they need ${rng.pick(NEEDS)}.`,
        () => `Our user research with ${rng.int(12, 400)} ${user()} found that they ${rng.pick(PAINS)}.`,
        () => `We will design services with ${user()}, not for them, and test every change with the people who will use it.`,
        () => `Each ${oneUser()} should be able to ${rng.pick(['see their record', 'change an appointment', 'pay a bill', 'report a problem', 'ask a question'])} without ${rng.pick(['phoning us', 'visiting an office', 'repeating themselves'])}.`,
        () => `Feedback from ${user()} and ${user()} has ${rng.pick(['shaped our priorities', 'been clear', 'pointed to the same few problems'])}.`,
        () => `${capital(user())} ${rng.pick(['want', 'expect', 'need'])} ${rng.pick(NEEDS)}.`,
      ])(),
    vision: () =>
      rng.pick([
        () => `Our vision is to ${rng.pick(WEASEL)} ${rng.pick(ABSTRACT)} ${horizon()}.`,
        () => `This strategy sets out how we will ${rng.pick(WEASEL)} ${rng.pick(ABSTRACT)} ${horizon()}.`,
        () => `We will ${rng.pick(['transform', 'modernise', 'streamline'])} ${rng.pick(ABSTRACT)} and ${rng.pick(['empower', 'strengthen', 'enhance'])} ${rng.pick(ABSTRACT)} ${vagueTiming()}.`,
        () => `By ${later(6, 15)}, ${org.short} will be a ${rng.pick(['digital-first', 'data-driven', 'truly connected', 'world-leading'])} organisation.`,
        () => `Digital is not an end in itself; it is how we ${rng.pick(['meet rising demand', 'keep our promises to ' + user(), 'free staff to do the work only people can do'])}.`,
        () => `We aim to ${rng.pick(['halve', 'cut', 'reduce'])} ${outcome()} ${deadline()}.`,
      ])(),
    tech: () =>
      rng.pick([
        () => `We will ${rng.pick(['harness', 'leverage', 'embrace'])} ${rng.pick(HYPE)} to ${rng.pick(['transform', 'unlock', 'accelerate', 'drive'])} ${rng.pick(ABSTRACT)}.`,
        () => `${capital(rng.pick(HYPE))} and ${rng.pick(HYPE)} offer new ways to ${rng.pick(['predict demand', 'answer routine questions', 'plan our estate', 'spot fraud'])}.`,
        () => `We will pilot ${rng.pick(HYPE)} in one service once ${rng.pick(BASICS)} ${rng.pick(['is', 'are'])} reliable.`,
        () => `Before we explore ${rng.pick(HYPE)}, we must get ${rng.pick(BASICS)} right.`,
        () => `${capital(rng.pick(BASICS))} ${rng.pick(['is still the biggest complaint from staff', 'holds back every other change', 'must come first'])}.`,
        () => `We will ${rng.pick(['upgrade', 'renew', 'sort out'])} ${rng.pick(BASICS)} ${deadline()}, at a cost of ${money()}.`,
        () => `A small team will test whether ${rng.pick(HYPE)} can help with ${rng.pick(SERVICES)}, and we will stop if it does not.`,
      ])(),
    delivery: () =>
      rng.pick([
        () => `The ${rng.pick(['Chief Digital Officer', 'Director of Finance', 'Chief Executive', 'Digital Board', 'service manager'])} ${rng.pick(['owns', 'is accountable for', 'leads'])} this strategy.`,
        () => `We will report progress to the ${rng.pick(['board', 'cabinet', 'executive team'])} every ${rng.pick(['quarter', 'six months', 'month'])}.`,
        () => `Each priority has an owner, a budget and a date.`,
        () => `Funding of ${money()} has been set aside for the first ${rng.pick(['two', 'three'])} years.`,
        () => `We will ${rng.pick(['stop', 'close', 'retire'])} ${rng.pick(SERVICES)} ${rng.pick(['once its replacement is live', deadline()])}.`,
        () => `Progress will be measured against the targets in the table below.`,
      ])(),
  };

  const paragraph = (kinds, min = 2, max = 5) => {
    const n = rng.int(min, max);
    const out = [];
    for (let i = 0; i < n; i++) out.push(inline(sentences[rng.pick(kinds)]()));
    return out.join(' ');
  };

  const measurableObjective = () =>
    rng.pick([
      () => `${rng.pick(['Reduce', 'Cut'])} ${outcome()} ${rng.chance(0.5) ? `by ${percent()} ` : ''}${deadline()}`,
      () => `${rng.pick(['Increase', 'Raise'])} the share of ${rng.pick(OUTCOMES[1][1])} from ${rng.int(10, 50)}% to ${rng.int(55, 95)}% ${deadline()}`,
      () => `Move ${count()} services to the cloud ${deadline()}, saving ${money()} a year`,
      () => `Give every ${oneUser()} ${rng.pick(['an online account', 'a working laptop', 'one login for all systems'])} ${deadline()}`,
      () => `Answer ${percent()} of enquiries first time ${deadline()}`,
    ])();
  const vagueObjective = () =>
    rng.pick([
      () => `${capital(rng.pick(WEASEL))} ${rng.pick(ABSTRACT)}`,
      () => `${capital(rng.pick(WEASEL))} ${rng.pick(ABSTRACT)} through ${rng.pick(HYPE)}`,
      () => `Be a ${rng.pick(['leader', 'beacon', 'pioneer'])} in ${rng.pick(ABSTRACT)}`,
      () => `Improve ${rng.pick(SERVICES)} for ${user()} ${vagueTiming()}`,
      () => `${capital(rng.pick(WEASEL))} the way we work with ${user()}`,
    ])();
  const objectiveItem = (share) => (rng.chance(share) ? measurableObjective() : vagueObjective());
  const actionItem = () => `${rng.pick(ACTIONS)}${rng.chance(0.3) ? ` ${deadline()}` : ''}`;

  const blocks = {
    objectives: (n, share) => {
      const lead = rng.pick(['Our objectives are to:', 'By the end of this strategy we will:', 'We have set ourselves these goals:', '']);
      const items = [];
      for (let i = 0; i < n; i++) items.push(`- ${objectiveItem(share)}`);
      return (lead ? `${lead}\n\n` : '') + items.join('\n');
    },
    actions: (n) => {
      const lead = rng.pick(['We will achieve this by:', 'To get there we will:', 'Our programme of work includes:', 'Over the life of this strategy we will:']);
      const items = [];
      for (let i = 0; i < n; i++) items.push(`${rng.chance(0.1) ? '* ' : '- '}${actionItem()}`);
      return `${lead}\n\n${items.join('\n')}`;
    },
    ordered: (n) => {
      const items = [];
      for (let i = 0; i < n; i++) items.push(`${i + 1}. ${actionItem()}`);
      return `In order of priority, we will:\n\n${items.join('\n')}`;
    },
    roadmap: (rows) => {
      const lines = ['| Phase | What we will do | When | Owner |', '| --- | --- | --- | --- |'];
      for (let i = 0; i < rows; i++) {
        const from = later(0, 3);
        lines.push(`| ${i + 1} | ${actionItem()} | ${rng.pick([`${from}`, `Q${rng.int(1, 4)} ${from}`, `${from}–${String(from + 1).slice(2)}`, `${month()} ${from}`])} | ${rng.pick(['CDO', 'Head of IT', 'Service manager', 'Director of Operations', 'Data lead'])} |`);
      }
      return lines.join('\n');
    },
    measures: (rows) => {
      const lines = ['| Measure | Baseline | Target | By |', '| --- | ---: | ---: | --- |'];
      for (let i = 0; i < rows; i++) {
        const [lead, ends, unit] = rng.pick(OUTCOMES);
        const base = rng.int(20, 400);
        const [from, to] =
          unit === 'percent' ? [`${rng.int(10, 60)}%`, `${rng.int(65, 95)}%`] : unit === 'days' ? [`${rng.int(5, 30)} days`, `${rng.int(1, 4)} days`] : [String(base), String(Math.round(base / rng.int(2, 5)))];
        lines.push(`| ${capital(lead)} ${rng.pick(ends)} | ${from} | ${to} | ${month()} ${later(1, 3)} |`);
      }
      return lines.join('\n');
    },
    glossary: (n) =>
      rng
        .sample(GLOSSARY, n)
        .map(([term, meaning]) => `- **${term}**: ${meaning}.`)
        .join('\n'),
    review: () =>
      rng.pick([
        `We will review this strategy every year alongside the business plan, and publish what we learn.`,
        `This strategy is a living document: the Digital Board will refresh it annually.`,
        `We will publish a progress report each quarter.`,
        `The strategy will be reviewed in ${later(2, 4)}.`,
      ]),
    quote: () => `> "${rng.pick(QUOTES)}" — a ${oneUser()} at one of our workshops`,
    links: () =>
      `This strategy builds on the [${rng.pick(['Digital Plan', 'IT Strategy', 'Data Strategy', 'Transformation Programme'])} ${year - rng.int(6, 9)}–${year - rng.int(1, 3)}](https://example.org/strategy/${rng.int(100, 999)}) and the ${rng.pick(['national', 'regional'])} framework (${rng.pick(['Audit Office', 'Digital Service', 'Review Board'])}, ${year - rng.int(1, 4)}).`,
  };

  return { sentences, paragraph, blocks, later, deadline };
}

function capital(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function countWords(text) {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,%£$-]*/gu);
  return m ? m.length : 0;
}

// ---------------------------------------------------------------------------------------------
// Documents.

/** One strategy document of about `targetWords` words, in Markdown. */
export function generateDocument(rng, targetWords, index = 0) {
  const [place, kind] = rng.pick(ORGS);
  const org = { name: `${capital(place)} ${kind}`, short: capital(place.replace(/^the /, '')) };
  const year = rng.int(2019, 2025);
  const endYear = year + rng.pick([3, 3, 4, 5, 5, 10]);
  const w = writer(rng, { org, year });
  const parts = [];
  let words = 0;
  const add = (text) => {
    parts.push(text);
    words += countWords(text);
  };

  const date = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const title = `${org.name}: ${rng.pick(['Digital Strategy', 'Digital and Data Strategy', 'Technology Strategy', 'Our Digital Future'])} ${year}–${endYear}`;
  const frontMatter = rng.chance(0.85);
  if (frontMatter) {
    parts.push(['---', `title: "${title}"`, `date: ${date}`, `owner: ${rng.pick(['Chief Digital Officer', 'Director of Transformation', 'Head of IT'])}`, `version: ${rng.int(1, 3)}.${rng.int(0, 9)}`, `status: ${rng.pick(['draft', 'approved', 'consultation'])}`, '---'].join('\n'));
  }
  add(`# ${title}`);
  if (!frontMatter) add(`${rng.pick(MONTHS)} ${year}`);

  const large = targetWords > 4000;
  const budget = () => words < targetWords;

  // Opening sections: every document has these, at some length.
  add(`## ${rng.pick(['Foreword', 'Introduction', 'Summary', 'Why this strategy'])}`);
  add(w.paragraph(['context', 'vision'], 2, 4));
  if (targetWords >= 600) add(w.paragraph(['vision', 'users', 'context'], 2, 4));
  if (targetWords >= 600 && rng.chance(0.5)) add(w.blocks.links());

  if (targetWords >= 600 || rng.chance(0.4)) {
    add(`## ${rng.pick(['Where we are now', 'Background', 'The case for change', 'Context'])}`);
    add(w.paragraph(['context', 'context', 'tech'], 3, 5));
  }

  add(`## ${rng.pick(['Our users', 'Who we serve', 'What people told us', 'Listening to users'])}`);
  add(w.paragraph(['users', 'users', 'context'], 2, 5));
  if (rng.chance(0.3)) add(w.blocks.quote());

  add(`## ${rng.pick(['Our objectives', 'Our priorities', 'Goals', 'What we will achieve'])}`);
  add(w.blocks.objectives(rng.int(4, targetWords >= 600 ? 9 : 6), rng.pick([0.1, 0.3, 0.5, 0.8])));

  if (targetWords >= 600) {
    add(`## ${rng.pick(['What we will do', 'How we will get there', 'Our programme'])}`);
    add(w.paragraph(['vision', 'delivery'], 1, 3));
    add(rng.chance(0.25) ? w.blocks.ordered(rng.int(4, 8)) : w.blocks.actions(rng.int(8, 22)));
  }

  // The body: themed chapters, each with prose, a list or a table, until the document is long enough.
  const themes = rng.sample(HEAD_THEMES, HEAD_THEMES.length);
  let chapter = 0;
  const closingWords = targetWords >= 600 ? 120 : 40;
  while (words < targetWords - closingWords) {
    const theme = themes[chapter % themes.length];
    chapter++;
    if (large) {
      add(`## ${chapter}. ${theme}${chapter > themes.length ? ` (part ${Math.ceil(chapter / themes.length)})` : ''}`);
      add(w.paragraph(['context', 'users', 'vision', 'tech'], 4, 7));
      for (let sub = 0; sub < rng.int(2, 4) && budget(); sub++) {
        add(`### ${rng.pick(['What we heard', 'Where we are', 'What we will do', 'How we will measure it', 'Risks', 'Dependencies', 'Case study'])}`);
        add(w.paragraph(['context', 'users', 'vision', 'tech', 'delivery'], 3, 7));
        const extra = rng.next();
        if (extra < 0.3) add(w.blocks.actions(rng.int(6, 25)));
        else if (extra < 0.45) add(w.blocks.objectives(rng.int(3, 8), rng.pick([0.2, 0.5, 0.8])));
        else if (extra < 0.6) add(w.blocks.roadmap(rng.int(4, 12)));
        else if (extra < 0.7) add(w.blocks.measures(rng.int(3, 8)));
        else if (extra < 0.75) add(w.blocks.quote());
        else add(w.paragraph(['context', 'tech', 'delivery'], 2, 5));
      }
    } else {
      add(`## ${theme}`);
      add(w.paragraph(['context', 'users', 'vision', 'tech', 'delivery'], 2, 5));
      const extra = rng.next();
      if (extra < 0.25) add(w.blocks.actions(rng.int(4, 12)));
      else if (extra < 0.4) add(w.blocks.roadmap(rng.int(3, 6)));
      else if (extra < 0.5) add(w.blocks.measures(rng.int(3, 5)));
    }
  }

  // Closing sections: delivery, measures, review (sometimes missing), glossary.
  add(`## ${rng.pick(['Delivery and governance', 'Governance', 'Next steps', 'Measuring success'])}`);
  add(w.paragraph(['delivery'], 2, targetWords >= 600 ? 4 : 2));
  if (targetWords >= 600 && rng.chance(0.6)) add(w.blocks.measures(rng.int(3, 6)));
  if (rng.chance(0.6)) add(w.blocks.review());
  if (targetWords >= 600 && rng.chance(0.5)) {
    add(`## ${rng.pick(['Glossary', 'Appendix A: Glossary', 'Definitions'])}`);
    add(w.blocks.glossary(rng.int(3, 7)));
  }

  return { text: parts.join('\n\n') + '\n', words, index };
}

// ---------------------------------------------------------------------------------------------
// The corpus on disk.

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OUT = join(here, '.corpus');

/**
 * Writes the corpus (unless the manifest shows the same one is there already) and returns
 * its manifest: the files of each size with their bytes and words.
 */
export function generateCorpus(options = {}) {
  const settings = { ...DEFAULTS, ...options };
  const out = resolve(settings.out ?? DEFAULT_OUT);
  const key = { version: GENERATOR_VERSION, seed: settings.seed, small: settings.small, medium: settings.medium, large: settings.large };
  const manifestPath = join(out, 'manifest.json');
  try {
    const existing = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (JSON.stringify(existing.key) === JSON.stringify(key) && !settings.force) return { ...existing, out, fresh: false };
  } catch {
    // No corpus yet, or an unreadable one: write it.
  }
  const manifest = { key, sizes: {} };
  for (const size of ['small', 'medium', 'large']) {
    const n = settings[size];
    const dir = join(out, size);
    // Only this corpus's own folders are replaced (a quick corpus may live inside this one).
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // One stream of random numbers per size, so changing one count leaves the other sizes alone.
    const rng = createRandom(settings.seed * 1009 + ['small', 'medium', 'large'].indexOf(size) + 1);
    const files = [];
    for (let i = 0; i < n; i++) {
      const doc = generateDocument(rng, SIZES[size].words, i);
      const name = `${size}-${String(i + 1).padStart(3, '0')}.md`;
      writeFileSync(join(dir, name), doc.text);
      files.push({ name, bytes: Buffer.byteLength(doc.text), words: doc.words });
    }
    manifest.sizes[size] = {
      dir: size,
      files,
      bytes: files.reduce((n, f) => n + f.bytes, 0),
      words: files.reduce((n, f) => n + f.words, 0),
    };
  }
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  return { ...manifest, out, fresh: true };
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--seed' || arg === '--small' || arg === '--medium' || arg === '--large') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) throw new Error(`${arg} takes a whole number`);
      options[arg.slice(2)] = n;
    } else if (arg === '--out') options.out = value();
    else if (arg === '--force') options.force = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('node bench/generate.js [--seed N] [--small N] [--medium N] [--large N] [--out DIR] [--force]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const manifest = generateCorpus(parseArgs(process.argv.slice(2)));
    for (const [size, info] of Object.entries(manifest.sizes)) {
      const per = info.files.length ? Math.round(info.words / info.files.length) : 0;
      process.stdout.write(`${size.padEnd(6)} ${String(info.files.length).padStart(4)} files  ${(info.bytes / 1024).toFixed(0).padStart(6)} KiB  ~${per} words each\n`);
    }
    process.stdout.write(`${manifest.fresh ? 'wrote' : 'kept'} ${manifest.out}\n`);
  } catch (error) {
    process.stderr.write(`generate: ${error.message}\n`);
    process.exit(2);
  }
}
