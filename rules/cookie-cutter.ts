// Cookie-cutter: text that could belong to any organisation. Strategy clichés ("world-class",
// "seamless", "journey") and grand claims about the age we live in; few local specifics (the
// organisation's own name, places, named services, figures) for the document's length; the voice
// of a consultancy template, which addresses its reader as "you"; and substance borrowed from one
// outside source, seen as many of its links pointing to one site that is not the organisation's own.
// Copying between documents needs a bulk run and is not this rule's business.

import { defineRule, quote } from '../src/core/rule.js';
import { Lexicon } from '../src/analysis/lexicon.js';
import type { Analysis, Block, Sentence, TermFact } from '../src/analysis/index.js';
import { insideQuotation, quotationsIn, type Quotation } from '../src/analysis/quotations.js';
import type { Link, Nodes, Paragraph, Parents } from 'mdast';

interface Options {
  minSpecificsPerThousand: number;
  minWords: number;
  clicheWeight: number;
  maxClicheWeight: number;
  minSourceLinks: number;
  minSourceShare: number;
  minYouSentences: number;
  minYouShare: number;
}

interface Span {
  start: number;
  end: number;
}

const CONNECTORS = new Set(['of', 'the', 'and', 'for', '&']);
const SECOND_PERSON = /\b(?:you|your|yours|yourself|yourselves)\b/i;
// Words that cannot tell one organisation's web address from another's.
const COMMON_NAME_WORDS = new Set([
  'department', 'ministry', 'council', 'borough', 'county', 'city', 'government', 'national', 'office', 'service', 'services',
  'trust', 'foundation', 'health', 'care', 'team', 'branch', 'division', 'group', 'board', 'agency', 'authority', 'digital',
  'strategy', 'information', 'technology', 'innovation', 'development', 'social', 'public', 'united', 'kingdom', 'with', 'from',
  'nhs', 'hospital', 'hospitals', 'district', 'university', 'partnership', 'association', 'limited', 'ltd', 'plc', 'inc',
]);

export default defineRule<Options>({
  meta: {
    id: 'cookie-cutter',
    sign: 'cookie-cutter',
    description: "Strategy clichés, few local specifics, and substance borrowed from one outside source: text that could be any organisation's.",
    severity: 'warning',
    fix: 'Replace stock phrases with what is true here: your services, places, users and figures.',
    options: {
      minSpecificsPerThousand: {
        type: 'number',
        default: 15,
        description: 'Local specifics (names, places, services, figures) per 1,000 words below which the document is reported.',
      },
      minWords: { type: 'number', default: 200, description: 'Documents shorter than this are not judged on their density of local specifics.' },
      clicheWeight: { type: 'number', default: 0.1, description: 'How much each cliché counts toward the sign.' },
      maxClicheWeight: { type: 'number', default: 2, description: 'The most that clichés together count toward the sign.' },
      minSourceLinks: { type: 'number', default: 10, description: 'Links to one outside site from which the document may be restating that source.' },
      minSourceShare: { type: 'number', default: 0.4, description: 'Share of all outside links that must point to that one site.' },
      minYouSentences: { type: 'number', default: 5, description: 'Sentences addressing the reader as "you" from which the document may be written in a template\'s voice.' },
      minYouShare: { type: 'number', default: 0.1, description: 'Share of the sentences that must address the reader as "you" for the document to be reported.' },
    },
  },
  check({ analysis, doc, options, report, measure }) {
    const title = analysis.title;
    if (!title) return;
    const inReference = (s: Sentence) => analysis.sectionMatches(s.block.section, 'excluded-headings');
    const names = organisationNames(analysis, doc.metadata, title.text);
    const quotations = new Map<Block, Quotation[]>();

    // Local specifics, and the spans of proper nouns that clichés must not be read inside.
    let specifics = 0;
    let nameMentions = 0;
    const properBySentence = new Map<Sentence, Span[]>();
    for (const sentence of analysis.sentences) {
      if (inReference(sentence)) continue;
      const named = names ? names.matches(sentence.text) : [];
      if (sentence.block === title) {
        properBySentence.set(sentence, named);
        continue;
      }
      nameMentions += named.length;
      if (sentence.block.kind === 'heading' || titleCase(sentence.text)) {
        properBySentence.set(sentence, named);
        continue;
      }
      const proper = properNouns(analysis, sentence.text);
      properBySentence.set(sentence, [...proper, ...named]);
      const figures =
        analysis.quantitiesOf(sentence).length +
        analysis.temporalOf(sentence).filter((t) => t.match.year !== undefined && t.match.kind !== 'duration').length;
      specifics += proper.length + figures;
    }
    const words = analysis.wordCount;
    const perThousand = words > 0 ? (1000 * specifics) / words : 0;

    // Clichés and grand claims about the age, each a small weight, together at most maxClicheWeight.
    let clicheTotal = 0;
    let cliches = 0;
    const stock = [
      ...analysis.terms('strategy-cliches').map((fact) => ({ fact, age: false })),
      ...analysis.terms('age-claims').map((fact) => ({ fact, age: true })),
    ].sort((a, b) => a.fact.start - b.fact.start || b.fact.end - a.fact.end);
    let reached = -1;
    for (const { fact, age } of stock) {
      const s = fact.sentence;
      if (s.block.inQuote || inReference(s)) continue;
      // "in today's digital age" is one stock phrase, not a claim and a cliché.
      if (fact.start < reached) continue;
      reached = fact.end;
      const at = { start: fact.match.start, end: fact.match.end };
      if ((properBySentence.get(s) ?? []).some((p) => p.start < at.end && at.start < p.end)) continue;
      // The words in their plain sense ("the journey from the estate takes an hour").
      if (analysis.termsIn(s, 'literal-senses').some((l) => l.match.start < at.end && at.start < l.match.end)) continue;
      if (quotedByOthers(analysis, quotations, fact)) continue;
      const weight = Math.max(0, Math.min(options.clicheWeight, options.maxClicheWeight - clicheTotal));
      clicheTotal += weight;
      cliches++;
      const phrase = fact.match.text.replace(/\s+/g, ' ');
      report({
        start: fact.start,
        end: fact.end,
        message: `${age ? 'Grand claim about the age we live in' : 'Strategy cliché'} "${phrase}": "${around(s.text, fact.match.start, fact.match.end)}"`,
        evidence: s.text,
        fix: age
          ? 'Start from what is true here: the problem this organisation faces, in its own figures.'
          : `Say what "${phrase.toLowerCase()}" means here, concretely, for your users and services.`,
        weight: round(weight),
      });
    }

    // A template's voice: a strategy says what "we" will do; a template tells its reader what "you" can.
    const prose = analysis.sentences.filter((s) => s.block.kind !== 'heading' && !s.block.inQuote && !inReference(s) && s.block !== title);
    const addressed = prose.filter((s) => SECOND_PERSON.test(s.text));
    measure('you-sentences', addressed.length);
    measure('sentences', prose.length);
    if (addressed.length >= options.minYouSentences && addressed.length / prose.length >= options.minYouShare) {
      report({
        start: title.start,
        end: title.end,
        message: `Addressed to the reader as "you" in ${addressed.length} of ${prose.length} sentences, such as "${quote(addressed[0]!.text, 60)}": the voice of a template, not of this organisation's plan`,
        evidence: title.text,
        fix: 'Say, as "we", what this organisation will do for its own users and services.',
        weight: 1,
      });
    }

    measure('cliches', cliches);
    measure('specifics-per-thousand', perThousand);

    // Few local specifics for the document's length.
    if (words >= options.minWords && perThousand < options.minSpecificsPerThousand) {
      const who = names
        ? `; the organisation is named ${nameMentions} time${nameMentions === 1 ? '' : 's'} outside the title`
        : '';
      report({
        start: title.start,
        end: title.end,
        message: `Few local specifics (names, places, services, figures): ${specifics} in ${words} words (${Math.round(perThousand)} per 1,000, under ${options.minSpecificsPerThousand})${who}`,
        evidence: title.text,
        fix: 'Ground the strategy in this organisation: name its services, places and users, and give the figures that describe them.',
        weight: 1,
      });
    }

    // Substance borrowed from one outside source.
    const source = borrowedSource(analysis, names, options);
    if (source) {
      report({
        start: source.first.start,
        end: source.first.end,
        message: `Leans on one outside source: ${source.count} of ${source.total} outside links go to ${source.host}`,
        evidence: source.first.text,
        fix: `Say what the practices taken from ${source.host} mean for this organisation, in your own words, and what you will do differently.`,
        weight: 0.5,
      });
    }
  },
});

/**
 * A cliché in someone else's words: inside a quotation the text attributes to a speaker ("one
 * carer told us: “…seamless…”"), or a quotation of the phrase alone, which mentions it rather
 * than uses it (the word “seamless”). An unattributed quoted slogan of the author's own counts.
 */
function quotedByOthers(analysis: Analysis, cache: Map<Block, Quotation[]>, fact: TermFact): boolean {
  const block = fact.sentence.block;
  let quotations = cache.get(block);
  if (!quotations) {
    quotations = quotationsIn(analysis.doc.text.slice(block.start, block.end));
    cache.set(block, quotations);
  }
  const quotation = insideQuotation(quotations, fact.start - block.start, fact.end - block.start);
  if (!quotation) return false;
  return quotation.attributed || quotation.end - quotation.start <= fact.end - fact.start + 2;
}

/**
 * The organisation's names: the parts of front matter `organisation` ("Ministry of Justice",
 * "ESDC"), and acronyms in the title ("ONS"). Null when the document names no organisation.
 */
function organisationNames(analysis: Analysis, metadata: Record<string, unknown>, titleText: string): Lexicon | null {
  const generic = analysis.lexicon('generic-capitals');
  const terms = new Set<string>();
  const organisation = metadata['organisation'] ?? metadata['organization'];
  if (typeof organisation === 'string') {
    for (const part of organisation.split(/[,;()]|\s[-–—]\s/)) {
      const name = part.trim();
      if (!/^\p{Lu}/u.test(name) || isGeneric(generic, name)) continue;
      terms.add(name);
      // "Harbour Bay Hospitals NHS Trust" is "Harbour Bay" in its own pages.
      const words = name.split(/\s+/);
      while (words.length > 1 && COMMON_NAME_WORDS.has(words[words.length - 1]!.toLowerCase())) words.pop();
      const short = words.join(' ');
      if (short !== name && !isGeneric(generic, short) && !COMMON_NAME_WORDS.has(short.toLowerCase())) terms.add(short);
    }
  }
  for (const word of titleText.split(/[^\p{L}\p{N}&]+/u)) {
    if (/^\p{Lu}[\p{Lu}\p{N}&]+$/u.test(word) && !isGeneric(generic, word)) terms.add(word);
  }
  return terms.size ? new Lexicon('organisation', [...terms]) : null;
}

function isGeneric(generic: Lexicon, text: string): boolean {
  const m = generic.first(text);
  return m !== undefined && m.start === 0 && m.end === text.length;
}

/**
 * Proper nouns in a sentence: runs of capitalised words that do not open the sentence or a
 * clause ("the Office of the Public Guardian"), and acronyms anywhere ("GOV.UK", "HMRC").
 */
function properNouns(analysis: Analysis, text: string): Span[] {
  const generic = analysis.lexicon('generic-capitals');
  const found: Span[] = [];
  let run: Span | null = null;
  let pendingConnector: Span | null = null;
  let opening = true;
  let last = 0;
  const close = () => {
    if (run) found.push(run);
    run = null;
    pendingConnector = null;
  };
  // This runs on every word of every sentence: hence a shared expression and character tests
  // rather than a slice and a regular expression per word.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const start = m.index;
    if (breaksClause(text, last, start)) {
      close();
      opening = true;
    }
    last = start + m[0].length;
    let end = last;
    while (TRAILING.has(text.charCodeAt(end - 1))) end--;
    const word = end === last ? m[0] : text.slice(start, end);
    const capital = startsUpper(word) && (ACRONYM.test(word) || !opening) && !isGeneric(generic, word);
    opening = false;
    if (capital) {
      run = run ? { start: run.start, end } : { start, end };
      pendingConnector = null;
    } else if (run && CONNECTORS.has(word.toLowerCase()) && !pendingConnector) {
      pendingConnector = { start, end };
    } else {
      close();
    }
  }
  close();
  return found;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’&.-]*/gu;
const LETTER_WORD = /\p{L}[\p{L}'’-]*/gu;
const ACRONYM = /^\p{Lu}[\p{L}\p{N}]*\p{Lu}/u;
const UPPER_FIRST = /^\p{Lu}/u;
/** Punctuation between two words that opens a new clause. */
const CLAUSE_BREAKS = new Set([...'.!?:;()"“”—–'].map((c) => c.charCodeAt(0)));
/** Characters a word may not end with ("GOV.UK." is "GOV.UK"). */
const TRAILING = new Set([...".'’-"].map((c) => c.charCodeAt(0)));

function breaksClause(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (CLAUSE_BREAKS.has(text.charCodeAt(i))) return true;
  return false;
}

/** Whether a word opens with a capital letter (\p{Lu}), without a regular expression in ASCII. */
function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_FIRST.test(word);
}

/** A line in title case ("Seamless Customer Journey") or capitals: its capitals mark style, not names. */
function titleCase(text: string): boolean {
  let words = 0;
  let capitals = 0;
  LETTER_WORD.lastIndex = 0;
  for (let m = LETTER_WORD.exec(text); m; m = LETTER_WORD.exec(text)) {
    words++;
    if (startsUpper(m[0])) capitals++;
  }
  if (words < 3) return false;
  return capitals / words >= 0.6;
}

interface Source {
  host: string;
  count: number;
  total: number;
  first: { start: number; end: number; text: string };
}

/** One outside site that most of the document's links point to, if there is one. */
function borrowedSource(analysis: Analysis, names: Lexicon | null, options: Options): Source | null {
  const terms = names?.terms ?? [];
  const own = terms
    .flatMap((n) => n.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    .filter((w) => (w.length >= 4 && !COMMON_NAME_WORDS.has(w)) || (w.length >= 3 && terms.includes(w.toUpperCase())));
  const links: Array<{ host: string; start: number; end: number; text: string }> = [];
  // The site the document is published on: the hosts of a breadcrumb trail ("Home > Government >
  // …") and of links whose text starts with the organisation's name. A strategy on a site many
  // bodies publish on (a government-wide domain) links to it for its own pages, not to borrow.
  const ownHosts = new Set<string>();
  const walk = (node: Nodes, inTrail: boolean) => {
    if (node.type === 'link') {
      const link = node as Link;
      const host = hostOf(link.url);
      const start = link.position?.start.offset;
      const end = link.position?.end.offset;
      if (host && start !== undefined && end !== undefined && !own.some((w) => host.includes(w))) {
        const text = link.children.map((c) => ('value' in c ? String(c.value) : '')).join('');
        if (inTrail || names?.first(text)?.start === 0) ownHosts.add(host);
        else if (!analysis.sectionMatches(analysis.sectionAt(start), 'excluded-headings')) links.push({ host, start, end, text: text || link.url });
      }
    }
    if ('children' in node) {
      const trail = inTrail || (node.type === 'paragraph' && isTrail(node as Paragraph));
      for (const c of (node as Parents).children) walk(c as Nodes, trail);
    }
  };
  walk(analysis.tree, false);
  const byHost = new Map<string, Array<{ start: number; end: number; text: string }>>();
  let total = 0;
  for (const link of links) {
    if (ownHosts.has(link.host)) continue;
    total++;
    const list = byHost.get(link.host);
    if (list) list.push(link);
    else byHost.set(link.host, [link]);
  }
  let best: Source | null = null;
  for (const [host, links] of byHost) {
    if (!best || links.length > best.count) best = { host, count: links.length, total, first: links[0]! };
  }
  if (!best || best.count < options.minSourceLinks || best.count / total < options.minSourceShare) return null;
  return best;
}

/** A paragraph of two or more links and nothing between them but separators: a site's breadcrumb trail. */
function isTrail(paragraph: Paragraph): boolean {
  let links = 0;
  for (const child of paragraph.children) {
    if (child.type === 'link') links++;
    else if (child.type !== 'text' || !TRAIL_SEPARATORS.test(child.value)) return false;
  }
  return links >= 2;
}

const TRAIL_SEPARATORS = /^[\s>›»/|→·]*$/u;

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return null;
  }
}

/** A few words either side of a match, so the quote shows the cliché in its sentence. */
function around(text: string, start: number, end: number, words = 5): string {
  const before = text.slice(0, start).split(/\s+/).filter(Boolean);
  const after = text.slice(end).split(/\s+/).filter(Boolean);
  const head = before.slice(-words).join(' ');
  const tail = after.slice(0, words).join(' ');
  const glue = (a: string, b: string) => (a && b && !/[(“"‘]$/.test(a) && !/^[,.;:)”’]/.test(b) ? `${a} ${b}` : a + b);
  const core = glue(glue(head, text.slice(start, end)), tail);
  const quoted = quote(core, 80);
  return `${before.length > words ? '…' : ''}${quoted}${after.length > words && !quoted.endsWith('…') ? '…' : ''}`;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
