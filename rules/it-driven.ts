// IT-driven: a strategy about technical changes rather than outcomes for people. Four checks:
// objectives whose point is a technical change (a technical verb with a technology object, or an
// outcome stated only in technology terms) and that name no outcome for people; a document whose
// technology vocabulary outweighs its vocabulary of people and outcomes; leadership placed only
// with the CIO or the IT department; and a plan framed by and for an IT department (its own
// maturity, its service catalogue, the rest of the organisation as its customers).

import { defineRule, quote } from '../src/core/rule.js';
import type { Analysis, Block, Section, TermFact } from '../src/analysis/index.js';
import { allMatches } from '../src/core/all-matches.js';
import { setWhollyIn } from '../src/analysis/structure.js';
import { longFormsIn } from '../src/analysis/long-forms.js';

interface Options {
  maxTechRatio: number;
  minTechTerms: number;
  verbWindow: number;
  checkLeadership: boolean;
  minFramingMentions: number;
}

/** One objective, commitment or outcome statement to check. */
interface Statement {
  start: number;
  end: number;
  /** The statement's own words, where the technical change is looked for. */
  text: string;
  offset: (i: number) => number;
  /** Its own words and any body that explains it, where an outcome for people may be stated. */
  context: string[];
  /** Stated as an outcome (in an outcomes or goals section), so technology alone can be its point. */
  outcome: boolean;
}

// Front matter keys that say who owns or wrote a document.
const OWNER_KEYS = ['owner', 'sponsor', 'lead', 'author', 'authors', 'organisation', 'organization', 'department', 'team', 'publisher'];
const ROLE_KEYS = new Set(['owner', 'sponsor', 'lead']);
const MAX_STATEMENT_WORDS = 40;
/** A sentence that states what the strategy, or its aim or objective, is for: "a strategy to …", "our aim is to …". */
const PURPOSE = /\b(?:strategy|aims?|objectives?|purpose|goals?|mission|vision)\b(?:\s+(?:is|are|was|will be))?\s+(?:to|of)\b/i;
const OPENING_WORDS = 6;
const MAX_BODY_PARAGRAPHS = 3;

export default defineRule<Options>({
  meta: {
    id: 'it-driven',
    sign: 'it-driven',
    description: 'Objectives that are technical changes with no outcome for people, technology vocabulary outweighing outcomes, and leadership placed only with IT.',
    severity: 'warning',
    fix: 'Say what each technical change will do for patients, residents or staff, and have the chief executive or board lead the strategy.',
    options: {
      maxTechRatio: { type: 'number', default: 1.5, description: 'Technology terms per term about people and outcomes above which the document is reported.' },
      minTechTerms: { type: 'number', default: 12, description: 'The document-level ratio is judged only with at least this many technology terms.' },
      verbWindow: { type: 'number', default: 6, description: 'How many words may separate a technical verb ("migrate") from its technology object ("the data centre").' },
      checkLeadership: { type: 'boolean', default: true, description: 'Report a strategy whose only named leaders are the CIO or the IT department.' },
      minFramingMentions: {
        type: 'number',
        default: 3,
        description: "Mentions of an IT department's own framing (its maturity, service catalogue, the business as its customers), of at least two kinds, from which the plan is reported as the IT department's own.",
      },
    },
  },
  check({ analysis, doc, options, report, measure }) {
    const reference = (block: Block) => block.inQuote || analysis.sectionMatches(block.section, 'excluded-headings');

    // 1. Technical objectives and outcome statements.
    const statements = collectStatements(analysis);
    const flagged: Array<{ statement: Statement; start: number; end: number; message: string }> = [];
    for (const statement of statements) {
      if (servesPeople(analysis, statement.context)) continue;
      const change = technicalChange(analysis, statement, options.verbWindow);
      if (change) {
        flagged.push({
          statement,
          start: change.start,
          end: change.end,
          message: `Technical change with no outcome for people: "${change.text}" in "${quote(statement.text, 60)}"`,
        });
        continue;
      }
      if (!statement.outcome) continue;
      const tech = technicalObjects(analysis, statement.text);
      if (!aboutTechnology(statement.text, tech) || meansToAnotherEnd(analysis, statement.text, statement.text.length)) continue;
      flagged.push({
        statement,
        start: statement.start,
        end: statement.end,
        message: `Outcome stated in technology terms only ("${tech[0]!.text}"), with no outcome for people: "${quote(statement.text, 60)}"`,
      });
    }
    // Each weighs its share of the statements, so that technical objectives throughout add up
    // to "strong" and one among many stays a fraction; never more than half on its own.
    measure('statements', statements.length);
    measure('technical', flagged.length);
    const each = Math.min(0.5, 2 / Math.max(1, statements.length));
    for (const f of flagged) {
      report({ start: f.start, end: f.end, message: f.message, evidence: f.statement.text, weight: each });
    }

    // 1b. The strategy's own purpose stated as taking up a technology ("a strategy to accelerate
    // adoption of cloud"), with no outcome for people in the same sentence.
    const purpose = analysis.sentences.find((s) => {
      if (reference(s.block) || s.block.kind === 'heading' || !PURPOSE.test(s.text)) return false;
      const statement = { start: s.start, end: s.end, text: s.text, offset: (i: number) => s.sourceOffset(i), context: [s.text], outcome: false };
      return !servesPeople(analysis, [s.text]) && technicalChange(analysis, statement, options.verbWindow) !== null;
    });
    if (purpose) {
      const change = technicalChange(analysis, { start: purpose.start, end: purpose.end, text: purpose.text, offset: (i) => purpose.sourceOffset(i), context: [], outcome: false }, options.verbWindow)!;
      report({
        start: change.start,
        end: change.end,
        message: `The strategy's purpose is a technical change, "${change.text}", with no outcome for people: "${quote(purpose.text, 60)}"`,
        evidence: purpose.text,
        fix: 'State the strategy’s purpose as what changes for the people it serves, with the technology as the means.',
        weight: 0.5,
      });
    }

    // 2. Technology vocabulary against outcomes for people, across the document.
    const tech = analysis.terms('technology-terms').filter((t) => !reference(t.sentence.block) && !shouting(t.sentence.text));
    const techBySentence = new Map<unknown, TermFact[]>();
    for (const t of tech) {
      const list = techBySentence.get(t.sentence);
      if (list) list.push(t);
      else techBySentence.set(t.sentence, [t]);
    }
    const people = analysis
      .terms('people-outcomes')
      .filter((p) => !reference(p.sentence.block) && !overlapsAny(p, techBySentence.get(p.sentence) ?? []));
    const ratio = tech.length / Math.max(1, people.length);
    measure('technology-terms', tech.length);
    measure('people-terms', people.length);
    const title = analysis.title;
    if (title && tech.length >= options.minTechTerms && ratio > options.maxTechRatio) {
      report({
        start: title.start,
        end: title.end,
        message:
          `Technology outweighs outcomes for people: ${tech.length} technology terms (${commonest(tech)}) ` +
          `against ${people.length} about people and outcomes${people.length ? ` (${commonest(people)})` : ''}, ${ratio.toFixed(1)} to 1`,
        evidence: title.text,
        fix: 'Lead with what changes for patients, residents or staff, and bring the technology in as the means.',
        weight: ratio >= 2 * options.maxTechRatio ? 1.5 : 1,
      });
    }

    // 3. Framed by and for an IT department, whoever is named as leading it.
    const framing = analysis.terms('it-department-framing').filter((t) => !reference(t.sentence.block));
    const kinds = new Set(framing.map((t) => t.match.text.toLowerCase().replace(/\s+/g, ' ').replace(/s$/, '')));
    measure('it-framing', framing.length);
    if (title && framing.length >= options.minFramingMentions && kinds.size >= 2) {
      const shown = [...kinds].slice(0, 3).map((k) => `"${k}"`).join(', ');
      report({
        start: framing[0]!.start,
        end: framing[0]!.end,
        message: `Framed as an IT department's own plan: ${framing.length} mentions of its maturity, service catalogue or the business as its customers (${shown})`,
        evidence: framing[0]!.sentence.text,
        fix: "Write the strategy for the organisation's users and services, and describe the IT department's own work as the means.",
        weight: 1,
      });
    }

    // 4. Leadership placed only with IT.
    if (!options.checkLeadership || !title) return;
    const itLeaders: Array<{ start: number; end: number; text: string; evidence: string; source: string }> = [];
    let businessLeaders = 0;
    const leadership = analysis.lexicon('leadership-words');
    const itAcronyms = itUnitAcronyms(analysis);
    for (const sentence of analysis.sentences) {
      if (reference(sentence.block) || !leadership.test(sentence.text)) continue;
      const it = [...analysis.termsIn(sentence, 'it-leaders'), ...namedBy(analysis, itAcronyms, sentence)].sort((a, b) => a.start - b.start);
      const leaders = analysis.termsIn(sentence, 'business-leaders');
      // The word of leadership must be the sentence's, not a leader's own name ("the Technology
      // leadership team" thanked in a foreword leads nothing).
      const named = [...it, ...leaders].map((t) => t.match);
      const words = leadership.matches(sentence.text).filter((w) => !overlapsAny(w, named));
      if (words.length === 0) continue;
      // A sentence that only says who reports to whom ("The Digital Board will report to the
      // Executive Board") puts no business leader in charge: the one reported to is an audience.
      const onlyReporting = words.every((w) => REPORTING.test(`${w.text}${sentence.text.slice(w.end, w.end + 4)}`));
      const business = onlyReporting ? [] : leaders.filter((b) => !overlapsAny(b, it) && !(it.length > 0 && answersToIt(sentence.text, b, it)));
      businessLeaders += business.length;
      for (const t of it) itLeaders.push({ start: t.start, end: t.end, text: t.match.text, evidence: sentence.text, source: '' });
    }
    for (const key of OWNER_KEYS) {
      const value = doc.metadata[key];
      const text = Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '';
      if (!text) continue;
      const it = analysis.lexicon('it-leaders').first(text);
      if (it) itLeaders.push({ start: title.start, end: title.end, text: it.text, evidence: text, source: ` (front matter "${key}")` });
      else if (ROLE_KEYS.has(key) && analysis.lexicon('business-leaders').test(text)) businessLeaders++;
    }
    measure('it-leadership', itLeaders.length > 0 && businessLeaders === 0 ? 1 : 0);
    if (itLeaders.length === 0 || businessLeaders > 0) return;
    // Where IT is handed the plan or its delivery, rather than where it wrote the plan or sponsors a part.
    const inText = itLeaders.filter((l) => !l.source);
    const first = inText.find((l) => handsOverThePlan(l.evidence)) ?? inText[0] ?? itLeaders[0]!;
    report({
      start: first.start,
      end: first.end,
      message: `Leadership sits only with IT: "${first.text}"${first.source}; no chief executive, board or business leader is named to lead it`,
      evidence: first.evidence,
      fix: 'Name the chief executive, the board or a business leader as the strategy’s owner, with IT as the means.',
      weight: 1,
    });
  },
});

/** Objectives and commitments, and short outcome statements set in bold under outcome or goal headings. */
function collectStatements(analysis: Analysis): Statement[] {
  const out: Statement[] = [];
  const used = new Set<Block>();
  for (const o of analysis.objectives) {
    used.add(o.block);
    // Places in the objective's text map through its first sentence when the text starts there
    // (a commitment, one numbered line of a paragraph), else through its block.
    const first = o.sentences[0];
    const sentence = o.kind === 'commitment' || (first && first.start === o.start && o.text.startsWith(first.text.trim())) ? first : undefined;
    const own = o.kind === 'heading' ? o.block.text : o.text;
    out.push({
      start: o.start,
      end: o.end,
      text: own,
      offset: sentence ? (i) => sentence.sourceOffset(i) : blockOffset(analysis, o.block),
      context: [own, ...o.sentences.map((s) => s.text), ...(o.parent?.kind === 'heading' ? [o.parent.text] : [])],
      outcome: o.kind !== 'commitment' && inOutcomeSection(analysis, o.section),
    });
  }
  const blocks = analysis.blocks;
  blocks.forEach((block, i) => {
    if (block.kind !== 'paragraph' || used.has(block) || block.inQuote || block.list) return;
    if (!setWhollyIn(block, 'strong') || !inOutcomeSection(analysis, block.section)) return;
    const text = block.text.trim();
    if (text.endsWith(':') || text.split(/\s+/).length > MAX_STATEMENT_WORDS) return;
    // The plain paragraphs that follow explain the statement, up to the next statement or list.
    const body: string[] = [];
    for (const next of blocks.slice(i + 1, i + 1 + MAX_BODY_PARAGRAPHS)) {
      if (next.kind !== 'paragraph' || next.list || next.section !== block.section || setWhollyIn(next, 'strong')) break;
      body.push(next.text);
    }
    out.push({ start: block.start, end: block.end, text, offset: blockOffset(analysis, block), context: [text, ...body], outcome: true });
  });
  return out;
}

function inOutcomeSection(analysis: Analysis, section: Section): boolean {
  return analysis.inObjectivesSection(section);
}


/** Maps an index in a block's plain text to a source offset, through the block's sentences. */
function blockOffset(analysis: Analysis, block: Block): (i: number) => number {
  const sentences = analysis.sentencesOf(block);
  return (i) => {
    let at = 0;
    for (const s of sentences) {
      const found = block.text.indexOf(s.text, at);
      if (found < 0) break;
      if (i < found + s.text.length) return s.sourceOffset(Math.max(0, i - found));
      at = found + s.text.length;
    }
    return block.start;
  };
}

/**
 * Whether technology is what an outcome statement is about: a technology term in its opening
 * words (or its label, before a colon), or more than one. A passing mention is not its point.
 */
function aboutTechnology(text: string, tech: ReadonlyArray<{ start: number }>): boolean {
  if (tech.length >= 2) return true;
  if (tech.length === 0) return false;
  const label = text.replace(/^[\s\d.)(]+/, '');
  const colon = label.indexOf(':');
  const opening = colon > 0 ? label.slice(0, colon) : label.split(/\s+/).slice(0, OPENING_WORDS).join(' ');
  return text.indexOf(opening) + opening.length > tech[0]!.start;
}

/** A technical verb followed closely by a technology object: "migrate … to the cloud". */
function technicalChange(analysis: Analysis, statement: Statement, window: number): { start: number; end: number; text: string } | null {
  const tech = technicalObjects(analysis, statement.text);
  if (tech.length === 0) return null;
  for (const verb of analysis.lexicon('technical-change-verbs').matches(statement.text)) {
    if (meansToAnotherEnd(analysis, statement.text, verb.start)) continue;
    // The furthest object in reach, so the quote holds the whole change ("migrate the finance system to the cloud").
    const object = tech.findLast((t) => t.start >= verb.end && wordsBetween(statement.text, verb.end, t.start) <= window && !/[:;.!?]/.test(statement.text.slice(verb.end, t.start)));
    if (!object) continue;
    return {
      start: statement.offset(verb.start),
      end: statement.offset(object.end - 1) + 1,
      text: statement.text.slice(verb.start, object.end),
    };
  }
  return null;
}

/** Words that make what follows the means to the aim stated before them. */
const MEANS = /\b(?:through|via|by means of|by (?=\p{L}+ing\b)|using)\s/giu;

/**
 * Whether a technical change is only the means to an aim stated before it that is not itself
 * technical: "Support flexible working through wider use of laptops" is about how staff work.
 */
function meansToAnotherEnd(analysis: Analysis, text: string, at: number): boolean {
  let marker = -1;
  for (const m of allMatches(MEANS, text)) if (m.index! < at) marker = m.index!;
  if (marker < 0) return false;
  const aim = text.slice(0, marker);
  return aim.trim().split(/\s+/).length >= 2 && technicalObjects(analysis, aim).length === 0;
}

/**
 * Technology terms that can be the object of a change: not those that only qualify a noun about
 * people, plans or governance ("cloud skills", "a technology strategy", "IT contracts").
 */
function technicalObjects(analysis: Analysis, text: string): Array<{ start: number; end: number; text: string }> {
  // A system named for the people it serves ("the patient portal", "a tenant app") is a service
  // for them, not a bare technical change.
  // In text set in capitals "IT" is as often a pronoun, so nothing there is a technology.
  if (shouting(text)) return [];
  const tech = systemsIn(analysis, text).filter((t) => !FOR_PEOPLE.test(`${text.slice(Math.max(0, t.start - 24), t.start)}${t.text.split(/\s+/)[0]} `));
  if (tech.length === 0) return tech;
  const heads = analysis.lexicon('non-technical-heads').matches(text);
  if (heads.length === 0) return tech;
  // The head may follow after a noun or two of the same compound: "source code inventory guidance".
  return tech.filter((t) => !heads.some((h) => h.start > t.end && inCompound(text.slice(t.end, h.start))));
}

/** The people a service is for, just before the system's name: "patient portal", "residents' app". */
const FOR_PEOPLE = /\b(?:patients?|citizens?|residents?|customers?|tenants?|students?|pupils?|parents?|carers?|claimants?|applicants?|visitors?|public)(?:['’]s?)?\s+(?:[\p{L}-]+\s+)?$/iu;

/** Words that end a noun phrase: what follows them is not part of the compound. */
const PHRASE_BREAKS = new Set(['and', 'or', 'to', 'for', 'with', 'of', 'in', 'on', 'at', 'by', 'from', 'into', 'the', 'a', 'an', 'that', 'which', 'will', 'is', 'are']);

/** Whether the text between a technology word and a head is a space or hyphen and at most two lower-case nouns. */
function inCompound(gap: string): boolean {
  if (!/^[\s-]/.test(gap) || !/[\s-]$/.test(gap)) return false;
  const words = gap.split(/[\s-]+/).filter(Boolean);
  return words.length <= 2 && words.every((w) => /^\p{Ll}\p{L}*$/u.test(w) && !PHRASE_BREAKS.has(w));
}

/** Whether any of the texts names people or an outcome for them (not as part of a system's name). */
function servesPeople(analysis: Analysis, texts: string[]): boolean {
  return texts.some((text) => {
    const people = analysis.lexicon('people-outcomes').matches(text);
    if (people.length === 0) return false;
    // People inside a system's name ("patient record system") are not the people it serves.
    const systems = systemsIn(analysis, text);
    return people.some((p) => !systems.some((t) => t.start < p.end && p.start < t.end));
  });
}

/** What a technical change can change, in text order: technology, and the systems an organisation runs its business on. */
function systemsIn(analysis: Analysis, text: string): Array<{ start: number; end: number; text: string }> {
  return [...analysis.lexicon('technology-terms').matches(text), ...analysis.lexicon('business-systems').matches(text)].sort((a, b) => a.start - b.start);
}

/** Text set in capitals ("HOW IT WILL WORK"), where "IT" is a pronoun as often as not. */
function shouting(text: string): boolean {
  // Asked for every technology term of a sentence: counted in one pass, ASCII without a
  // regular expression. Lengths are in UTF-16 units, as the letters' string would have.
  let letters = 0;
  let capitals = 0;
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (code < 128) {
      if (code >= 65 && code <= 90) capitals++;
      else if (!(code >= 97 && code <= 122)) continue;
      letters++;
    } else if (LETTER.test(c)) {
      letters += c.length;
      if (CAPITAL.test(c)) capitals += c.length;
    }
  }
  return letters >= 8 && capitals / letters > 0.6;
}

const LETTER = /^\p{L}$/u;
const CAPITAL = /^\p{Lu}$/u;

function wordsBetween(text: string, from: number, to: number): number {
  return text.slice(from, to).split(/\s+/).filter(Boolean).length;
}

// The plan itself, or carrying it out: "Digital Vision 2035 will be owned and led by the CIO", "The
// CIO will lead implementation". Not who wrote it ("The plan was developed by the Office of
// Technology under the leadership of…"), which says less of who answers for it.
const THE_PLAN_OR_ITS_DELIVERY = /\b(?:implement(?:ation|ing)?|deliver(?:y|ing|ed)?|strategy|plan|roadmap|programme|program|vision)\b/i;
const WROTE_IT = /\b(?:was|were|has been|have been)\s+(?:developed|written|prepared|drafted|produced|created|designed|shaped)\b/i;

/** Whether a sentence that places leadership with IT hands it the plan or its delivery. */
function handsOverThePlan(sentence: string): boolean {
  return THE_PLAN_OR_ITS_DELIVERY.test(sentence) && !WROTE_IT.test(sentence);
}

// "the Office of Information Technology (OIT)": a long form in capitalised words, then its initials in brackets.
const DEFINED_ACRONYM = /\((\p{Lu}{2,8})\)/gu;

/**
 * The acronyms a document gives its IT unit ("the Office of Information Technology (OIT)"), as one
 * pattern that finds the unit by its acronym and its leadership team by it ("the OIT leadership
 * team"); null when it gives none.
 */
function itUnitAcronyms(analysis: Analysis): RegExp | null {
  const itLeaders = analysis.lexicon('it-leaders');
  const acronyms = new Set<string>();
  for (const sentence of analysis.sentences) {
    for (const m of allMatches(DEFINED_ACRONYM, sentence.text)) {
      const before = sentence.text.slice(0, m.index).trimEnd();
      const form = longFormsIn(before).find((f) => f.initials === m[1] && f.end === before.length);
      if (form && itLeaders.test(before.slice(form.start, form.end))) acronyms.add(m[1]!);
    }
  }
  if (acronyms.size === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...acronyms].join('|')})(?:\\s+(?:senior\\s+)?(?:leadership|management|executive)\\s+team)?(?![\\p{L}\\p{N}])`, 'gu');
}

/** The IT unit named by its acronym in a sentence, as the it-leaders lexicon's terms are found. */
function namedBy(analysis: Analysis, acronyms: RegExp | null, sentence: Analysis['sentences'][number]): TermFact[] {
  if (!acronyms) return [];
  return [...allMatches(acronyms, sentence.text)].map((m) => analysis.locate(sentence, { start: m.index!, end: m.index! + m[0].length, text: m[0] }));
}

/** "…, reporting to the Executive Team", "… to the college's Board": the body IT reports to, not a leader of the work. */
const REPORTS_TO = /\b(?:report(?:s|ing|ed)?|accountable|answerable)(?:\s+(?:quarterly|monthly|regularly|directly|progress))?\s+to\s+(?:[\p{L}'’-]+\s+){0,3}$/iu;
/** Leadership words that only say to whom someone reports, with what follows them: "accountable to", not "accountable for". */
const REPORTING = /^(?:reports?\s+to\b|(?:accountable|answerable)\s+to\b)/i;
/** "A Programme Board, chaired by the Director of IT": the body IT leads. */
const CHAIRED_BY = /^[\s,]*(?:(?:which|that|is|will\s+be)\s+)?(?:chaired|led|run)\s+by\s+(?:the\s+|our\s+)?$/i;

/**
 * A business leader named in a sentence where IT leads, only as the body IT reports to or as a
 * board IT chairs: the work is still led by IT.
 */
function answersToIt(text: string, leader: TermFact, it: readonly TermFact[]): boolean {
  if (REPORTS_TO.test(text.slice(0, leader.match.start))) return true;
  return it.some((t) => t.match.start >= leader.match.end && CHAIRED_BY.test(text.slice(leader.match.end, t.match.start)));
}

function overlapsAny(a: { start: number; end: number }, list: ReadonlyArray<{ start: number; end: number }>): boolean {
  return list.some((b) => b.start < a.end && a.start < b.end);
}

/** The three commonest terms, as a reader would quote them. */
function commonest(facts: TermFact[]): string {
  const counts = new Map<string, number>();
  for (const f of facts) {
    const key = f.match.text.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const original = new Map(facts.map((f) => [f.match.text.toLowerCase(), f.match.text]));
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([k]) => original.get(k)!)
    .join(', ');
}
