// Focused: "a clear mission everyone understands". A short statement of what the strategy is
// for, near the start, under a mission, vision or purpose heading or in a sentence that says so
// ("our aim is to…"). A mission that is long, or found only late in the document, is weak.

import { defineRule, quote } from '../src/core/rule.js';
import type { Analysis, Section, Sentence } from '../src/analysis/index.js';

interface Options {
  maxWords: number;
  nearStartShare: number;
  nearStartSections: number;
  weakWeight: number;
  missingWeight: number;
}

interface Candidate {
  sentence: Sentence;
  near: boolean;
}

export default defineRule<Options>({
  meta: {
    id: 'no-mission',
    sign: 'focused',
    description: 'No short, clear mission or purpose stated near the start.',
    severity: 'warning',
    fix: 'Open with one short sentence that says what the strategy is for ("Our mission is to…").',
    options: {
      maxWords: { type: 'number', default: 40, description: 'Longest sentence that still reads as a clear mission.' },
      nearStartShare: { type: 'number', default: 0.25, description: 'A mission within this share of the document\'s words counts as near the start.' },
      nearStartSections: { type: 'number', default: 3, description: 'A mission in one of this many first top-level sections counts as near the start.' },
      weakWeight: { type: 'number', default: 0.2, description: 'Scorecard weight of a mission that is too long or comes late.' },
      missingWeight: { type: 'number', default: 0.4, description: 'Scorecard weight when there is no mission at all (no-trade-offs carries the rest of the sign).' },
    },
  },
  check({ analysis, options, report }) {
    const title = analysis.title;
    if (!title) return;
    const candidates = missionCandidates(analysis, options);
    const isShort = (c: Candidate) => c.sentence.words.length <= options.maxWords;
    if (candidates.some((c) => c.near && isShort(c))) return;

    const long = candidates.find((c) => c.near);
    if (long) {
      report({
        start: long.sentence.start,
        end: long.sentence.end,
        message: `The mission takes ${long.sentence.words.length} words: "${quote(long.sentence.text, 60)}"`,
        evidence: long.sentence.text,
        fix: `Say what the strategy is for in one sentence of at most ${options.maxWords} words.`,
        weight: options.weakWeight,
      });
      return;
    }

    const late = candidates.find(isShort) ?? candidates[0];
    if (late) {
      report({
        start: late.sentence.start,
        end: late.sentence.end,
        message: `The mission comes only late in the document: "${quote(late.sentence.text, 60)}"`,
        evidence: late.sentence.text,
        fix: 'Move the mission to the start, where every reader sees it first.',
        weight: options.weakWeight,
      });
      return;
    }

    const anchor = analysis.heading(/\b(?:introduction|summary|foreword|overview|about this)\b/i) ?? title;
    report({
      start: anchor.start,
      end: anchor.end,
      message: 'No mission: nothing near the start says, in a sentence, what this strategy is for',
      evidence: anchor.text,
      weight: options.missingWeight,
    });
  },
});

/** The opening sentence under each mission heading, and each sentence that states a mission, in document order. */
function missionCandidates(analysis: Analysis, options: Options): Candidate[] {
  const headings = analysis.lexicon('mission-headings');
  const phrases = analysis.lexicon('mission-phrases');
  const chosen = new Set<Sentence>();
  for (const section of analysis.sections) {
    if (!section.heading || section.heading === analysis.title || !headings.test(section.title)) continue;
    // Under its own heading a mission is often set off in a quotation box; that still counts.
    const opening = section.blocks.find((b) => b.kind === 'paragraph' && !b.list);
    const sentence = opening ? analysis.sentencesOf(opening)[0] : undefined;
    if (sentence) chosen.add(sentence);
  }
  for (const s of analysis.sentences) {
    if (s.block.kind === 'heading' || s.block.inQuote) continue;
    if (analysis.sectionMatches(s.block.section, 'excluded-headings')) continue;
    if (phrases.test(s.text)) chosen.add(s);
  }

  const total = Math.max(1, analysis.wordCount);
  const before = new Map<Sentence, number>();
  let words = 0;
  for (const s of analysis.sentences) {
    before.set(s, words);
    words += s.words.length;
  }
  const tops = topLevelSections(analysis);
  return [...chosen]
    .sort((a, b) => a.start - b.start)
    .map((sentence) => {
      const top = topLevelOf(analysis, sentence.block.section);
      const index = top ? tops.indexOf(top) : 0;
      // Within the first sections counts as near only in the first half of the text: a title page
      // converted to a heading can make the whole document one early section.
      const share = (before.get(sentence) ?? 0) / total;
      const near = share <= options.nearStartShare || (index < options.nearStartSections && share <= 0.5);
      return { sentence, near };
    });
}

/** The sections at the document's top level, under its title. */
function topLevelSections(analysis: Analysis): Section[] {
  const titleSection = analysis.title?.kind === 'heading' ? analysis.title.section : null;
  return analysis.sections.filter((s) => s.heading && (s.parent === analysis.structure.root || s.parent === titleSection) && s !== titleSection);
}

function topLevelOf(analysis: Analysis, section: Section): Section | null {
  const titleSection = analysis.title?.kind === 'heading' ? analysis.title.section : null;
  let s: Section | null = section;
  while (s && s.parent && s.parent !== analysis.structure.root && s.parent !== titleSection) s = s.parent;
  return s && s.heading && s !== titleSection ? s : null;
}
