// Useful to teams: a strategy cannot list every decision, so it should give teams guiding
// principles to make them. Present: a principles (values, "how we work") section, list or
// document with enough principles in it. Weak: a thin one, or only decision rules scattered
// through the text ("we will favour open source wherever possible"). Missing: neither.

import { defineRule, quote } from '../src/core/rule.js';
import type { Analysis, Block, Section, Sentence } from '../src/analysis/index.js';
import { startsWithAction } from '../src/analysis/objectives.js';
import { setWhollyIn } from '../src/analysis/structure.js';

const MAX_RULE_WORDS = 30;
const RULE_OPENING = /^\W*(?:we|our)\b/i;
// Named with capitals, so "we use the principles above" is not a set adopted by name.
const ADOPTS_PRINCIPLES = /\b[Ww]e\s+(?:will\s+|already\s+|have\s+)?(?:follow(?:ed)?|adopt(?:ed)?|apply|work\s+to|use)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*\s+){1,6}(?:[Dd]esign\s+)?[Pp]rinciples\b/u;

interface Options {
  minPrinciples: number;
  weakWeight: number;
  missingWeight: number;
}

interface Candidate {
  anchor: Block;
  count: number;
  /** The principles' own words, where each can be read on its own (items, sub-sections, paragraphs). */
  texts: string[];
  /** Those of `texts` that are a name over a tagline, slogans by their shape. */
  taglines: ReadonlySet<string>;
}

/**
 * A slogan names a virtue ("**Agile.** We will work in an agile way.", "**Innovative.** We will
 * embrace new technology."): short, with nothing that weighs one option against another, and
 * either stock words (a weasel verb, a cliché) or a label its sentence only repeats. A principle
 * that helps decide sets a condition, an order or a limit ("If two options cost the same, …",
 * "national before local", "no system goes live without …"), names a concrete choice ("Target
 * a single cloud provider"), or says enough to be applied.
 */
const MAX_SLOGAN_WORDS = 12;
const WEIGHS_OPTIONS = /\b(?:if|unless|when|whenever|until|only|before|after|over|instead|rather|without|except|no|not|never|nobody|none)\b|n['’]t\b/i;
/** What ends a principle's label: "Customer first. We put …", "Agile – we will …", "Open: we …". */
const LABEL_END = /[.:](?:\s|$)|\s[\u2013\u2014-]\s/;
const MAX_LABEL_CHARS = 40;
const MAX_MOTTO_WORDS = 3;

function isSlogan(analysis: Analysis, text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length > MAX_SLOGAN_WORDS || WEIGHS_OPTIONS.test(text)) return false;
  if (analysis.lexicon('weasel-verbs').test(text) || analysis.lexicon('strategy-cliches').test(text)) return true;
  // A run of mottos ("Be bold. Think big. Move fast."): no one of them says enough to decide by.
  const mottos = text.split(/(?<=[.!?])\s+/).filter((part) => /\p{L}/u.test(part));
  if (mottos.length >= 2 && mottos.every((m) => m.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length <= MAX_MOTTO_WORDS)) return true;
  const end = LABEL_END.exec(text);
  if (!end || end.index > MAX_LABEL_CHARS) return false;
  const label = text.slice(0, end.index).trim();
  const sentence = text.slice(end.index + end[0].length).trim();
  if (!label || !sentence || label.split(/\s+/).length > 4) return false;
  const stems = label.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 4).map((w) => w.slice(0, 5));
  // A label of a word or two is a virtue's name, repeated if any of it comes back ("Cloud first.
  // We will adopt cloud-hosted solutions."); a longer one must come back whole.
  const repeated = stems.filter((stem) => sentence.toLowerCase().includes(stem)).length;
  return repeated > 0 && (label.split(/\s+/).length <= 2 || repeated === stems.length);
}

export default defineRule<Options>({
  meta: {
    id: 'no-principles',
    sign: 'useful-to-teams',
    description: 'No guiding principles that help teams make decisions the strategy cannot foresee.',
    severity: 'warning',
    fix: 'Add a short section of guiding principles ("we design with users", "we choose open standards") that teams can decide by.',
    options: {
      minPrinciples: { type: 'number', default: 3, description: 'Fewest principles a principles section, list or document must hold to count as present.' },
      weakWeight: { type: 'number', default: 1, description: 'Scorecard weight when principles are thin or only scattered through the text.' },
      missingWeight: { type: 'number', default: 2, description: 'Scorecard weight when there are no principles at all.' },
    },
  },
  check({ analysis, options, report }) {
    const candidates = principleCandidates(analysis);
    const best = candidates.sort((a, b) => b.count - a.count)[0];
    if (best && best.count >= options.minPrinciples) {
      // Principles that are mostly slogans would help no one decide.
      const slogans = best.texts.filter((text) => best.taglines.has(text) || isSlogan(analysis, text));
      if (slogans.length * 2 <= best.texts.length) return;
      report({
        start: best.anchor.start,
        end: best.anchor.end,
        message: `${slogans.length} of the ${best.texts.length} principles under "${quote(best.anchor.text, 50)}" are slogans that would not help anyone decide, such as "${quote(slogans[0]!, 50)}"`,
        evidence: best.anchor.text,
        fix: 'Write each principle as a rule a team can apply to a choice: what it prefers over what, or what it never does without what.',
        weight: options.weakWeight,
      });
      return;
    }
    if (adoptsNamedSet(analysis)) return;

    if (best && best.count > 0) {
      report({
        start: best.anchor.start,
        end: best.anchor.end,
        message: `Only ${best.count} guiding principle${best.count === 1 ? '' : 's'} under "${quote(best.anchor.text, 50)}": too few to decide by`,
        evidence: best.anchor.text,
        fix: `Give teams at least ${options.minPrinciples} principles, each a short rule they can apply to a decision.`,
        weight: options.weakWeight,
      });
      return;
    }

    const rules = scatteredRules(analysis);
    if (rules.length > 0) {
      const first = rules[0]!;
      report({
        start: first.start,
        end: first.end,
        message: `No guiding principles, only ${rules.length} decision rule${rules.length === 1 ? '' : 's'} scattered through the text, such as "${quote(first.text, 70)}"`,
        evidence: first.text,
        fix: 'Gather these rules into a short principles section, so teams can find them and decide by them.',
        weight: options.weakWeight,
      });
      return;
    }

    const anchor = analysis.anchor(/\b(?:approach|how we(?: will|['’]ll)|delivery|vision|introduction)\b/i);
    if (!anchor) return;
    report({
      start: anchor.start,
      end: anchor.end,
      message: 'No guiding principles: nothing tells teams how to make the decisions this strategy does not cover',
      evidence: anchor.text,
      weight: options.missingWeight,
    });
  },
});

/** Principles sections (the title counts, for a document of principles) and lists introduced as principles. */
function principleCandidates(analysis: Analysis): Candidate[] {
  const lexicon = analysis.lexicon('principle-headings');
  const out: Candidate[] = [];
  for (const section of analysis.sections) {
    if (!section.heading || !lexicon.test(section.title)) continue;
    out.push({ anchor: section.heading, count: principlesIn(analysis, section), ...principleTexts(analysis, section) });
  }
  for (const list of analysis.lists) {
    if (list.depth > 0 || !list.leadIn || list.leadIn.inQuote) continue;
    if (!lexicon.test(list.leadIn.text)) continue;
    out.push({ anchor: list.leadIn, count: list.items.length, texts: list.items.map((i) => i.text), taglines: new Set() });
  }
  return out;
}

/**
 * A section's principles: its sub-headings and top-level list items, else the short prose
 * sentences that read as rules ("We publish our code.", "Start with users.").
 */
function principlesIn(analysis: Analysis, section: Section): number {
  const children = analysis.sections.filter((s) => s.parent === section && s.heading).length;
  const items = section.blocks.filter((b) => b.list && b.list.leading && b.list.depth === 0).length;
  if (children + items > 0) return children + items;
  // A table of principles: one per row, less the header row.
  const rows = new Set(section.blocks.filter((b) => b.inTable).map((b) => analysis.doc.toPoint(b.start).line)).size;
  if (rows > 1) return rows - 1;
  // Paragraphs, one principle each ("**Open by default.** We publish…"); a single paragraph is
  // read sentence by sentence, counting those that read as rules.
  const paragraphs = section.blocks.filter((b) => b.kind === 'paragraph' && !b.inQuote);
  if (paragraphs.length > 1) return paragraphs.length;
  return paragraphs
    .flatMap((b) => analysis.sentencesOf(b))
    .filter((s) => s.words.length <= MAX_RULE_WORDS && (RULE_OPENING.test(s.text) || startsWithAction(analysis, s.text))).length;
}

/**
 * The words of each principle in a section, where each stands on its own: a sub-section (its
 * title and first paragraph), a top-level list item, a paragraph. Empty for a table or a single
 * paragraph of rules, which are not judged as slogans.
 */
function principleTexts(analysis: Analysis, section: Section): Pick<Candidate, 'texts' | 'taglines'> {
  const children = analysis.sections.filter((s) => s.parent === section && s.heading);
  const items = section.blocks.filter((b) => b.list && b.list.leading && b.list.depth === 0);
  if (children.length + items.length > 0) {
    const taglines = new Set<string>();
    const bodies = children.map((c) => {
      const body = c.blocks.find((b) => b !== c.heading && b.kind === 'paragraph');
      const text = [c.title, body?.text ?? ''].join(' ');
      if (body && isTagline(c, body)) taglines.add(text);
      return text;
    });
    return { texts: [...bodies, ...items.map((b) => b.text)], taglines };
  }
  const paragraphs = section.blocks.filter((b) => b.kind === 'paragraph' && !b.inQuote && !b.inTable);
  return { texts: paragraphs.length > 1 ? paragraphs.map((b) => b.text) : [], taglines: new Set() };
}

const MAX_NAME_WORDS = 3;

/**
 * A principle that is a virtue's name as a heading and, under it, nothing but one short line set
 * in italics ("### Future-ready" / "*Fit for the future, whatever it brings.*"): a brochure's
 * tagline, which names no choice unless it sets a condition or a limit.
 */
function isTagline(section: Section, body: Block): boolean {
  const content = section.blocks.filter((b) => b !== section.heading);
  if (content.length !== 1 || section.title.trim().split(/\s+/).length > MAX_NAME_WORDS) return false;
  const words = body.text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length > MAX_SLOGAN_WORDS || WEIGHS_OPTIONS.test(body.text)) return false;
  return setWhollyIn(body, 'emphasis');
}

/** "We follow the Government design principles": a whole set adopted by name. */
function adoptsNamedSet(analysis: Analysis): Sentence | undefined {
  return analysis.sentences.find((s) => !s.block.inQuote && s.block.kind !== 'heading' && ADOPTS_PRINCIPLES.test(s.text));
}

/** Decision rules outside quotations and reference sections, one per sentence. */
function scatteredRules(analysis: Analysis): Sentence[] {
  const lexicon = analysis.lexicon('decision-rules');
  return analysis.sentences.filter(
    (s) => !s.block.inQuote && lexicon.test(s.text) && !analysis.sectionMatches(s.block.section, 'excluded-headings'),
  );
}
