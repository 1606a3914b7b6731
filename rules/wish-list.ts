// Reads like a wish list: long unprioritised lists of initiatives, a stated count of actions
// too large to be priorities, and too many objectives in one document.

import { defineRule, quote } from '../src/core/rule.js';
import { isDescriptiveList, startsWithAction, type Objective } from '../src/analysis/objectives.js';
import type { Lexicon } from '../src/analysis/lexicon.js';
import type { Section } from '../src/analysis/structure.js';
import { allMatches } from '../src/core/all-matches.js';

interface Options {
  maxListItems: number;
  maxInitiatives: number;
  maxObjectives: number;
}

const COUNT_WORDS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
};

export default defineRule<Options>({
  meta: {
    id: 'wish-list',
    sign: 'wish-list',
    description: 'Long lists of initiatives with no order, phasing or priority, and more objectives than anyone can prioritise.',
    severity: 'warning',
    fix: 'Choose the few that matter most, and say what comes first and what waits.',
    options: {
      maxListItems: { type: 'number', default: 7, description: 'An unordered list of initiatives longer than this, with no priority or phasing, is reported.' },
      maxInitiatives: { type: 'number', default: 12, description: 'A stated count of actions or initiatives ("we will take 20 actions") above this is reported.' },
      maxObjectives: { type: 'number', default: 25, description: 'More objectives than this in one document is reported.' },
    },
  },
  check({ analysis, options, report, measure }) {
    const priority = analysis.lexicon('priority-language');
    const objectiveLists = new Set(analysis.objectives.filter((o) => o.kind === 'item').map((o) => o.block.list?.list));

    // Lists of initiatives with nothing to order them. Numbering used only as identifiers
    // ("1." to "20.") is no order, so numbered lists count toward the measure too, each action
    // once (an action list repeated in a summary is one list of commitments); the long lists
    // without numbers are reported. An initiative counts, not its milestones: an item under an
    // action is part of that action.
    const commitments = new Set(analysis.objectives.filter((o) => o.kind === 'item' && !o.parent).map((o) => o.block));
    let longest = 0;
    let unordered = 0;
    // A list inside an action's own section holds that action's steps or milestones, not more initiatives.
    const actionSections = new Set(analysis.objectives.filter((o) => o.kind === 'heading').map((o) => o.section));
    const withinAction = (section: Section | null): boolean => section !== null && (actionSections.has(section) || withinAction(section.parent));
    for (const list of analysis.lists) {
      if (list.items.length < 2 || withinAction(list.section)) continue;
      if (analysis.sectionMatches(list.section, 'excluded-headings') || isDescriptiveList(analysis, list)) continue;
      const actions = list.items.filter((i) => startsWithAction(analysis, i.text)).length;
      if (!objectiveLists.has(list.list) && actions / list.items.length < 0.6) continue;
      const context = [list.leadIn?.text ?? '', list.section.title, ...list.items.map((i) => i.text)].join('\n');
      if (orders(priority, context, list.items.length, options.maxListItems)) continue;
      const counted = objectiveLists.has(list.list) ? list.items.filter((i) => commitments.has(i)).length : list.items.length;
      longest = Math.max(longest, counted);
      unordered += counted;
      if (list.ordered || list.items.length <= options.maxListItems) continue;
      const start = list.leadIn?.start ?? list.start;
      const shown = list.items.slice(0, 3).map((i) => `"${quote(i.text, 30)}"`).join(', ');
      report({
        start,
        end: list.end,
        message: `List of ${list.items.length} initiatives with no order, phasing or priority: ${shown}, …`,
        evidence: list.leadIn?.text ?? list.items[0]!.text,
        weight: list.items.length >= 2 * options.maxListItems ? 1.5 : 1,
      });
    }

    // Initiatives in other shapes are lists too: the action headings under one section, the
    // numbered or labelled paragraphs of one section, the rows of one table. The same actions
    // weigh the same however they are written.
    for (const run of initiativeRuns(analysis.objectives)) {
      if (run.items.length < 2 || analysis.sectionMatches(run.section, 'excluded-headings')) continue;
      const lead = run.section.blocks.filter((b) => b.kind === 'paragraph' && b.start < run.items[0]!.start).map((b) => b.text);
      if (orders(priority, [run.section.title, ...lead, ...run.items.map((o) => o.text)].join('\n'), run.items.length, options.maxListItems)) continue;
      longest = Math.max(longest, run.items.length);
      unordered += run.items.length;
    }

    measure('longest-unordered-list', longest);
    measure('unordered-items', unordered);
    measure('objectives', analysis.objectives.filter((o) => o.kind !== 'commitment').length);
    measure('priority-language', analysis.sentences.some((s) => priority.test(s.text)) ? 1 : 0);

    // "We will take 20 actions": a stated count of initiatives.
    const nouns = analysis.lexicon('initiative-nouns');
    // The noun may follow a word or two: "twenty strategic priorities", "15 new digital projects".
    const numberPattern = /\b(\d{1,3}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/giu;
    for (const sentence of analysis.sentences) {
      if (sentence.block.inQuote) continue;
      for (const m of allMatches(numberPattern, sentence.text)) {
        const count = COUNT_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
        const noun = m[2]!.split(/\s+/).find((word) => {
          const term = nouns.first(word);
          return term?.start === 0 && term.end === word.length;
        });
        if (!(count > options.maxInitiatives) || !noun) continue;
        if (!/\b(?:we|our|this (?:digital )?strategy)\b/i.test(sentence.text)) continue;
        // "[14 actions](…)" cites another document's count.
        if (analysis.linkAt(sentence.sourceOffset(m.index!))) continue;
        report({
          start: sentence.start,
          end: sentence.end,
          message: `${count} ${noun} in one strategy: more than ${options.maxInitiatives} cannot all be priorities`,
          evidence: sentence.text,
          weight: 0.5,
        });
        break;
      }
    }

    // Too many objectives in one document.
    const structural = analysis.objectives.filter((o) => o.kind !== 'commitment');
    if (structural.length > options.maxObjectives) {
      const anchor = analysis.anchor('objective-headings');
      if (anchor) {
        report({
          start: anchor.start,
          end: anchor.end,
          message: `${structural.length} objectives and actions in one document: more than ${options.maxObjectives} reads as a wish list`,
          evidence: anchor.text,
          weight: 0.25,
        });
      }
    }
  },
});

/** "Priority" as the name of the items: calling twenty things priorities does not choose among them. */
const NAMES_PRIORITIES = /^priorit(?:y|ies)$/i;

/** Whether the words around a list order, phase or prioritise its items; a long list is not ordered by being called priorities. */
function orders(priority: Lexicon, context: string, size: number, maxListItems: number): boolean {
  if (!priority.test(context)) return false;
  return size <= maxListItems || priority.matches(context).some((m) => !NAMES_PRIORITIES.test(context.slice(m.start, m.end)));
}

/** Initiatives outside lists, each top-level one in the run it belongs to: its table, or the section that holds the run. */
function initiativeRuns(objectives: readonly Objective[]): Array<{ section: Section; items: Objective[] }> {
  const runs = new Map<unknown, { section: Section; items: Objective[] }>();
  for (const o of objectives) {
    // A list's items are counted with their list; items of no list are slide-like short paragraphs.
    if (o.parent || o.kind === 'commitment' || (o.kind === 'item' && o.block.list)) continue;
    // A heading objective opens its own section; its run is the section above it.
    const section = o.kind === 'heading' ? (o.section.parent ?? o.section) : o.section;
    const key = o.kind === 'row' ? (o.block.cell?.table ?? section) : section;
    const run = runs.get(key) ?? { section, items: [] };
    run.items.push(o);
    runs.set(key, run);
  }
  return [...runs.values()];
}
