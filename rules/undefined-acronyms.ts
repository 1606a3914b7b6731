// Mainstream: acronyms a reader meets before anyone says what they stand for.
//
// An acronym counts as explained when the text spells it out beside it, "electronic patient
// record (EPR)" or "EPR (electronic patient record)", or names it in capitalised words whose
// initials it takes ("the Northshire Digital Service … NDS") at or before its first use, or lists
// it anywhere in a glossary or abbreviations section. A use in a heading ("RE Strategy") is
// explained by a long form under it that comes before the acronym's first use in the text. Not acronyms at all: abbreviations anyone
// knows (common-acronyms), units (measurement-units), names and words set in capitals
// ("EINSTEIN", "USAJOBS"), and lines or runs of words in capitals (running headers and footers,
// slide headings).

import { defineRule } from '../src/core/rule.js';
import type { Block } from '../src/analysis/structure.js';
import { longFormsIn } from '../src/analysis/long-forms.js';
import { allMatches } from '../src/core/all-matches.js';

interface Options {
  maxWeight: number;
}

// In capitals ("EPR"), or in mixed case with no two small letters together ("IoT", "DfE",
// "LoRaWAN", "DDaT"), or an "as a service" ("SaaS", "iPaaS"); with a part in capitals before a
// hyphen, whole ("SD-WAN", "C-V2X", "A-CDM"). Not a name in camel case, whose small letters run
// on ("GitHub", "DevOps", "FedRAMP"), nor a word in capitals with a hyphen ("COVID-19", "UK-wide").
const ACRONYM = /(?<![\p{L}\p{N}-])((?:[A-Z][A-Z0-9]*-)?(?:[A-Z][A-Z0-9&]*[A-Z0-9]|[A-Z](?:[a-z]?[A-Z])+|i?[A-Z]aaS))(s)?(?![\p{L}\p{N}])/gu;
const ROMAN = /^[IVXLCDM]+$/;
const PARAGRAPH_NUMBER = /^[A-Z]\d+$/;
// Six or more capital letters are a name or a word set in capitals ("EINSTEIN", "USAJOBS"):
// initials that long are rare, and a reader would not expect each letter to stand for a word.
const NAME_IN_CAPITALS = /^[A-Z]{6,}$/;
const CAPS_WORD = /(?<![\p{L}\p{N}])[A-Z][A-Z0-9&'’]*(?![\p{L}\p{N}])/gu;
// What may separate the words of a line in capitals: "NORTHSHIRE COUNCIL | DIGITAL STRATEGY".
const CAPS_GAP = /^[\s|:\u2013\u2014&/-]*$/;

export default defineRule<Options>({
  meta: {
    id: 'undefined-acronyms',
    sign: 'mainstream',
    description: 'Acronyms used before they are explained.',
    severity: 'warning',
    fix: 'Spell it out on first use, "electronic patient record (EPR)", or add a glossary.',
    options: {
      maxWeight: { type: 'number', default: 0.3, description: 'The most all unexplained acronyms together count toward the sign.' },
    },
  },
  check({ analysis, options, report }) {
    const common = analysis.lexicon('common-acronyms');
    const units = analysis.lexicon('measurement-units');
    const source = analysis.doc.text;
    const defined = new Map<string, number>();
    const inGlossaries = new Set<string>();
    const first = new Map<string, { start: number; end: number; text: string; sentence: string }>();
    // Where each acronym is first used in running text: a heading ("RE Strategy") is a label, and
    // the paragraph under it may be where the long form is given.
    const firstInText = new Map<string, number>();

    for (const sentence of analysis.sentences) {
      const text = sentence.text;
      const inGlossary = analysis.sectionMatches(sentence.block.section, 'excluded-headings');
      // Headings and whole sentences in capitals shout; they do not introduce acronyms. A
      // glossary's cell holding only the acronym ("| LARS | Licensing and Registration System |")
      // is no shout: its row spells it out.
      if (text === text.toUpperCase() && !(inGlossary && sentence.block.cell)) continue;
      if (!inGlossary) {
        for (const form of longFormsIn(text)) {
          const offset = sentence.sourceOffset(form.start);
          if (form.initials.length <= 8 && !(offset >= (defined.get(form.initials) ?? Infinity))) defined.set(form.initials, offset);
        }
      }
      const shouted = shoutedRuns(text);
      for (const m of allMatches(ACRONYM, text)) {
        const acronym = m[1]!;
        if (ROMAN.test(acronym) || common.test(acronym) || acronym.length > 8 || NAME_IN_CAPITALS.test(acronym)) continue;
        const at = m.index!;
        if (isUnit(units, acronym, text.slice(0, at))) continue;
        if (shouted.some(([a, b]) => a <= at && at < b) || inShoutedLine(source, sentence.sourceOffset(at))) continue;
        // Part of a domain or code ("GOV.UK", "ISO27001"), not an acronym to explain.
        if (/^\.\p{L}/u.test(text.slice(at + m[0].length)) || /\.$/.test(text.slice(0, at))) continue;
        // A paragraph's number ("A1.2", "B10.3"), as a board paper's appendix numbers them.
        if (PARAGRAPH_NUMBER.test(acronym) && /^\.\d/.test(text.slice(at + m[0].length))) continue;
        const offset = sentence.sourceOffset(at);
        if (inGlossary) {
          // A glossary explains what it spells out; a bare list of acronyms ("ARB, CAB, CMDB.")
          // explains nothing. A table's long form sits in the next cell of the row.
          if (spellsOut(sentence.block, text)) inGlossaries.add(acronym);
          continue;
        }
        if (explainedHere(text, at, acronym, m[0].length)) {
          if (!(offset >= (defined.get(acronym) ?? Infinity))) defined.set(acronym, offset);
          continue;
        }
        if (sentence.block.kind !== 'heading' && !firstInText.has(acronym)) firstInText.set(acronym, offset);
        if (!first.has(acronym)) {
          first.set(acronym, { start: offset, end: sentence.sourceOffset(at + acronym.length - 1) + 1, text: acronym, sentence: text });
        }
      }
    }

    const unexplained = [...first.values()].filter((f) => {
      if (inGlossaries.has(f.text)) return false;
      const at = defined.get(f.text);
      if (at === undefined) return true;
      // Used in a heading first, spelled out before it is used in the text: explained.
      return at > f.start && at > (firstInText.get(f.text) ?? Infinity);
    });
    const weight = unexplained.length ? Math.min(0.05, options.maxWeight / unexplained.length) : 0;
    for (const f of unexplained) {
      const later = defined.get(f.text);
      report({
        start: f.start,
        end: f.end,
        message: later === undefined ? `"${f.text}" is never spelled out` : `"${f.text}" is used before it is spelled out`,
        evidence: f.sentence,
        weight,
      });
    }
  },
});

/** "…record (EPR)", "EPR (electronic…)", "EPR – electronic…", "EPR stands for…". */
function explainedHere(text: string, at: number, acronym: string, length: number): boolean {
  const before = text.slice(Math.max(0, at - 2), at);
  const after = text.slice(at + length, at + length + 3);
  if (/\($/.test(before) && /^\s*\)/.test(after)) return /\p{L}{3,}/u.test(text.slice(Math.max(0, at - 60), at - 1));
  const rest = text.slice(at + length);
  if (/^\s*\(\s*\p{Ll}/u.test(rest) || /^\s*\(\s*\p{Lu}\p{Ll}/u.test(rest)) return true;
  if (/^\s*(?:[–—:-]\s+\p{L}|stands for|means|is short for)/u.test(rest)) return acronym.length > 1;
  return false;
}

/** A unit after a number or "per" ("100 MBPS", "£2 per GB"), or a long unit name anywhere ("MBPS"). */
function isUnit(units: { test(text: string): boolean }, acronym: string, before: string): boolean {
  if (!units.test(acronym)) return false;
  return acronym.length >= 4 || /(?:\d|\bper|\/)\s?$/i.test(before);
}

/** Index ranges of three or more words in capitals in a row: a heading or footer run into the text. */
function shoutedRuns(text: string): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let run: Array<[number, number]> = [];
  const close = () => {
    if (run.length >= 3) runs.push([run[0]![0], run[run.length - 1]![1]]);
    run = [];
  };
  for (const m of allMatches(CAPS_WORD, text)) {
    const start = m.index!;
    const last = run[run.length - 1];
    if (last && !CAPS_GAP.test(text.slice(last[1], start))) close();
    run.push([start, start + m[0].length]);
  }
  close();
  return runs;
}

/**
 * Whether the source line holding an offset is written in capitals: a running header or
 * footer, a slide heading ("NORTHSHIRE COUNCIL 12"), which a converted document runs into its text.
 */
function inShoutedLine(source: string, offset: number): boolean {
  const start = source.lastIndexOf('\n', offset - 1) + 1;
  const newline = source.indexOf('\n', offset);
  const line = source.slice(start, newline < 0 ? source.length : newline);
  const words = line.match(/\p{L}[\p{L}'’&-]*/gu) ?? [];
  if (words.length < 2 || line !== line.toUpperCase()) return false;
  return words.length >= 3 || words.some((w) => w.length >= 6);
}

/** Whether a glossary entry gives words, not only acronyms: its row for a table cell, else its sentence. */
function spellsOut(block: Block, text: string): boolean {
  const entry = block.cell ? (block.cell.table.rows[block.cell.row] ?? []).map((c) => c.text).join(' ') : text;
  return (entry.match(/\p{Ll}{3,}/gu) ?? []).length >= 2;
}
