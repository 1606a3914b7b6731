// A small deterministic corpus of made-up strategies for bulk tests and bench/jobs.js: the same
// seed writes the same bytes. Documents are put together from the phrase lists below, so they
// share short phrases the way real strategies do; every fifth one also carries a template
// paragraph word for word (what the copied-text rule should find). `broken` adds files that
// cannot be linted: empty, binary, not UTF-8.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  return {
    next,
    pick: (list) => list[Math.floor(next() * list.length)],
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}

const PLACES = ['Ashbourne', 'Brackley', 'Calderbank', 'Dunmore', 'Eskdale', 'Farrow', 'Glenholm', 'Hartwell', 'Inchmere', 'Juniper Vale', 'Kilnsey', 'Lowther'];
const KINDS = ['District Council', 'NHS Foundation Trust', 'Housing Association', 'College', 'Fire and Rescue Service', 'Integrated Care Board'];
const USERS = ['residents', 'patients', 'tenants', 'students', 'carers', 'staff', 'families', 'small businesses'];
const SERVICES = ['repairs', 'outpatient bookings', 'council tax', 'admissions', 'home visits', 'waste collection', 'benefits advice', 'referrals'];
const VERBS = ['cut', 'halve', 'reduce', 'raise', 'double', 'improve'];
const MEASURES = ['waiting times for', 'calls about', 'complaints about', 'paper forms in', 'the cost of', 'repeat visits for'];
const VAGUE = ['transform', 'leverage', 'harness', 'empower', 'drive', 'enhance'];
const NOUNS = ['our digital capability', 'synergies across the organisation', 'the power of data', 'innovation', 'a seamless experience', 'our culture'];
const HYPE = ['artificial intelligence', 'blockchain', 'the metaverse', 'digital twins', 'machine learning', 'chatbots'];
const BASICS = ['reliable Wi-Fi', 'laptops that work', 'cyber security', 'data quality', 'our legacy systems', 'single sign-on'];
const ASKED = ['told us in a survey', 'said in workshops', 'told us at drop-in sessions', 'wrote in their feedback'];

/** The paragraph a consultancy's template would carry into every strategy it writes. */
export const TEMPLATE_PARAGRAPH =
  'Digital is not about technology; it is about people. This strategy sets out how we will put the needs of the people we serve at the heart of everything we do, working in the open, designing with users rather than for them, and making sure that every pound we spend on technology delivers value that people can see and feel in their daily lives.';

function sentence(rng, org, year) {
  const users = rng.pick(USERS);
  const service = rng.pick(SERVICES);
  switch (rng.int(0, 7)) {
    case 0:
      return `We will ${rng.pick(VERBS)} ${rng.pick(MEASURES)} ${service} by ${rng.int(10, 60)}% by March ${year + rng.int(1, 3)}.`;
    case 1:
      return `We will ${rng.pick(VAGUE)} ${rng.pick(NOUNS)} to deliver better outcomes.`;
    case 2:
      return `${users[0].toUpperCase()}${users.slice(1)} ${rng.pick(ASKED)} that ${service} took too long and that they wanted to do it online.`;
    case 3:
      return `Before we explore ${rng.pick(HYPE)}, we will fix ${rng.pick(BASICS)} so that ${users} can rely on us.`;
    case 4:
      return `Since ${year - rng.int(1, 4)} we have moved ${rng.int(3, 40)} services online, and ${rng.int(20, 90)}% of ${users} now use them.`;
    case 5:
      return `${org} will not build its own systems where a common platform already does the job.`;
    case 6:
      return `The ${service} team will own this work and report progress to the board every quarter.`;
    default:
      return `By ${year + rng.int(6, 15)} we will use ${rng.pick(HYPE)} to ${rng.pick(VAGUE)} ${service}.`;
  }
}

/** One strategy of about `words` words. */
export function strategy(rng, index, words = 800) {
  const org = `${rng.pick(PLACES)} ${rng.pick(KINDS)}`;
  const year = 2023 + (index % 3);
  const out = [`---\ndate: ${year}-0${1 + (index % 9)}-15\n---\n`, `# ${org} digital strategy ${year} to ${year + 3}\n`];
  const headings = ['Our users', 'What we have done so far', 'Our priorities', 'What we will not do', 'How we will work', 'Measuring success', 'Review'];
  let count = 0;
  let h = 0;
  while (count < words) {
    out.push(`## ${headings[h++ % headings.length]}\n`);
    if (index % 5 === 0 && h === 2) {
      out.push(TEMPLATE_PARAGRAPH + '\n');
      count += TEMPLATE_PARAGRAPH.split(' ').length;
    }
    const paragraphs = rng.int(1, 3);
    for (let p = 0; p < paragraphs; p++) {
      const text = Array.from({ length: rng.int(3, 6) }, () => sentence(rng, org, year)).join(' ');
      count += text.split(' ').length;
      out.push(text + '\n');
    }
    if (rng.next() < 0.4) {
      const items = Array.from({ length: rng.int(3, 9) }, () => `- ${sentence(rng, org, year)}`);
      count += items.join(' ').split(' ').length;
      out.push(items.join('\n') + '\n');
    }
  }
  return out.join('\n');
}

/**
 * Writes `documents` strategies (doc-001.md …) into `dir`, and with `broken` also empty.md,
 * binary.md and latin1.md. Returns the file names written.
 */
export function writeCorpus(dir, { documents = 200, words = 800, seed = 7, broken = false } = {}) {
  mkdirSync(dir, { recursive: true });
  const rng = random(seed);
  const names = [];
  for (let i = 0; i < documents; i++) {
    const name = `doc-${String(i + 1).padStart(3, '0')}.md`;
    writeFileSync(join(dir, name), strategy(rng, i, words));
    names.push(name);
  }
  if (broken) {
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from('# Strat\u00e9gie num\u00e9rique\n\nNous allons am\u00e9liorer nos services.\n', 'latin1'));
    names.push('binary.md', 'empty.md', 'latin1.md');
  }
  return names.sort();
}
