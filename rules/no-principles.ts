// Useful to teams: a strategy cannot list every decision, so it should give teams guiding
// principles to make them. Present: a principles (values, "how we work") section, list or
// document with enough principles in it. Weak: a thin one, or only decision rules scattered
// through the text ("we will favour open source wherever possible"). Missing: neither.

import { defineRule, quote } from '../src/core/rule.js';
import type { Analysis, Block, Section, Sentence } from '../src/analysis/index.js';
import { startsWithAction } from '../src/analysis/objectives.js';

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
    if (best && best.count >= options.minPrinciples) return;
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
    out.push({ anchor: section.heading, count: principlesIn(analysis, section) });
  }
  for (const list of analysis.lists) {
    if (list.depth > 0 || !list.leadIn || list.leadIn.inQuote) continue;
    if (!lexicon.test(list.leadIn.text)) continue;
    out.push({ anchor: list.leadIn, count: list.items.length });
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
