// Focused: a strategy is selective. It says what comes first (priorities) and what will not be
// done (non-priorities, trade-offs). Either alone is half a choice; neither is none. A strategy
// that also commits to everything by a date ("all services by 2018") undoes its own choices.

import { defineRule, quote } from '../src/core/rule.js';
import type { Analysis, Block, Objective, Section, Sentence } from '../src/analysis/index.js';

const CHOOSER = /\b(?:we|our|us|will|should|must|shall)\b/i;

interface Options {
  minSoftPriorities: number;
  minSoftTradeOffs: number;
  weakWeight: number;
  missingWeight: number;
  scopeWeight: number;
  maxScopeWeight: number;
  maxPriorities: number;
}

export default defineRule<Options>({
  meta: {
    id: 'no-trade-offs',
    sign: 'focused',
    description: 'No explicit priorities, nothing said about what will not be done, or a commitment to do everything by a date.',
    severity: 'warning',
    fix: 'Say what comes first and what you will not do (or stop doing) to make room for it.',
    options: {
      minSoftPriorities: {
        type: 'number',
        default: 3,
        description: 'Sentences with a plain "focus on" or "most importantly" needed to count as priorities when nothing chooses more plainly.',
      },
      minSoftTradeOffs: {
        type: 'number',
        default: 3,
        description: 'Sentences with a softer sign of choice ("rather than", "instead of", "X over Y") needed to count as trade-offs when nothing says plainly what will not be done.',
      },
      weakWeight: { type: 'number', default: 1, description: 'Scorecard weight when only priorities, or only non-priorities, are stated.' },
      missingWeight: { type: 'number', default: 2, description: 'Scorecard weight when neither priorities nor non-priorities are stated.' },
      scopeWeight: { type: 'number', default: 0.25, description: 'Scorecard weight of each objective that commits to all of something by a date.' },
      maxScopeWeight: { type: 'number', default: 1, description: 'Most weight the commitments to everything can add together.' },
      maxPriorities: { type: 'number', default: 7, description: 'A priorities heading over a list of more items than this chooses nothing, so it is no evidence of priorities.' },
    },
  },
  check({ analysis, options, report }) {
    const excluded = sectionTest(analysis, 'excluded-headings');
    const eligible = analysis.sentences.filter((s) => !s.block.inQuote && !excluded(s.block.section));
    const nonPriorities = analysis.lexicon('non-priorities');
    const softer = analysis.lexicon('trade-off-phrases');
    const strong: Sentence[] = [];
    const soft: Sentence[] = [];
    for (const s of eligible) {
      if (nonPriorities.test(s.text) && !LEAVE_NO_ONE_BEHIND.test(s.text)) strong.push(s);
      // A softer phrase counts when someone chooses: "we will publish online rather than in print",
      // or a list item; not in description ("quality is checked by users instead of proxies").
      // A heading that states a choice ("Prefer one cloud over several") chooses too; a slogan
      // ("people rather than technology") does not.
      else if ((CHOOSER.test(s.text) || s.block.list !== null || s.block.kind === 'heading') && softer.matches(s.text).some((m) => !isSlogan(analysis, s.text, m))) soft.push(s);
    }
    const tradeOffs = strong.length > 0 || soft.length >= options.minSoftTradeOffs;
    const priorities = priorityEvidence(analysis, eligible, options.minSoftPriorities, options.maxPriorities);

    // Where priorities belong: a priorities or objectives heading (not a principle's), else the title.
    const anchor = headingFor(analysis, 'priority-headings') ?? headingFor(analysis, 'objective-headings') ?? analysis.title;
    if (priorities.length === 0 && !tradeOffs && anchor) {
      report({
        start: anchor.start,
        end: anchor.end,
        message: 'No trade-offs: nothing says what comes first or what will not be done',
        evidence: anchor.text,
        weight: options.missingWeight,
      });
    } else if (!tradeOffs && priorities.length > 0) {
      const first = priorities[0]!;
      const soleSoft = soft[0];
      report({
        start: first.start,
        end: first.end,
        message: `Priorities, but nothing says what will not be done: "${quote(first.text, 70)}"`,
        evidence: first.text,
        fix: soleSoft
          ? `Say plainly what waits or stops to make room for the priorities; "${quote(soleSoft.text, 40)}" is the only hint.`
          : 'Say what waits or stops to make room for the priorities ("we will not…", "not a priority until…").',
        weight: options.weakWeight,
      });
    } else if (priorities.length === 0 && anchor) {
      const said = (strong[0] ?? soft[0])!;
      report({
        start: anchor.start,
        end: anchor.end,
        message: `Says what it will not do ("${quote(said.text, 60)}") but not which work comes first`,
        evidence: said.text,
        fix: 'Name the few priorities, in order, that the trade-offs make room for.',
        weight: options.weakWeight,
      });
    }

    const everything = commitmentsToEverything(analysis);
    if (everything.length > 0) {
      const first = everything[0]!;
      report({
        start: first.start,
        end: first.end,
        message:
          everything.length === 1
            ? `Commits to all of it by a date: "${quote(first.text, 70)}"`
            : `${everything.length} objectives commit to all of something by a date, such as "${quote(first.text, 60)}"`,
        evidence: first.text,
        fix: 'Say which services come first and by when; a commitment to all of them leaves nothing to choose.',
        weight: Math.min(options.maxScopeWeight, options.scopeWeight * everything.length),
      });
    }
  },
});

/**
 * Statements of priority or focus, and sections headed as priorities; plain "focus on" only when
 * it recurs. Not inside a principles section: "we focus on what we are good at" there is a way
 * of working, not a choice of work.
 */
function priorityEvidence(analysis: Analysis, eligible: Sentence[], minSoft: number, maxPriorities: number): Array<Sentence | Block> {
  const statements = analysis.lexicon('priority-statements');
  const focus = analysis.lexicon('focus-phrases');
  const headings = analysis.lexicon('priority-headings');
  const principles = sectionTest(analysis, 'principle-headings');
  const found: Array<Sentence | Block> = [];
  for (const section of analysis.sections) {
    const heading = section.heading;
    if (!heading || heading === analysis.title || !headings.test(section.title) || principles(section)) continue;
    // Twenty items called priorities choose nothing.
    if (listedItems(analysis, section) > maxPriorities) continue;
    if (section.blocks.some((b) => b !== heading) || analysis.sections.some((s) => s.parent === section)) found.push(heading);
  }
  // "We have identified the following fourteen key priorities:" names the list it introduces.
  const longLists = new Set(analysis.lists.filter((l) => l.leadIn && l.items.length > maxPriorities).map((l) => l.leadIn));
  const plain: Sentence[] = [];
  for (const s of eligible) {
    if (s.block.kind === 'heading' || principles(s.block.section) || longLists.has(s.block)) continue;
    if (statements.test(s.text)) found.push(s);
    else if (focus.test(s.text)) plain.push(s);
  }
  if (plain.length >= minSoft) found.push(...plain);
  found.push(...roadmapColumns(analysis));
  return found.sort((a, b) => a.start - b.start);
}

/** A column headed by a period of a roadmap: a year or financial year, "Year 2", "Phase 1", "Q3 2026", "Now", "Next", "Later". */
const PERIOD_COLUMN =
  /^(?:(?:19|20)\d{2}(?:\s*[/–-]\s*(?:\d{2}|\d{4}))?|(?:year|phase|stage|wave|horizon|release)\s+(?:\d{1,2}|one|two|three|four|five)|(?:q[1-4]|h[12])\s+(?:20)?\d{2}(?:\s*\/\s*\d{2})?|now|next|later|short[-\s]term|medium[-\s]term|long[-\s]term)\b/i;

/** A column whose rows are the periods of a roadmap. */
const PHASE_COLUMN = /^(?:phase|stage|wave|horizon|year|when|timing|timescale|quarter)s?$/i;

/**
 * A roadmap table, its columns successive periods ("2025/26 | 2026/27 | 2027/28", "Now | Next |
 * Later"), says what comes first as a priorities heading does: the first period column's header
 * cell, for each table with two or more such columns (years from the document's own on) and rows
 * of work under them.
 */
function roadmapColumns(analysis: Analysis): Block[] {
  const found: Block[] = [];
  // Years before the document's are figures for the past ("| Measure | 2023 | 2024 |"), not a plan.
  const ahead = (text: string) => {
    const year = /^(?:19|20)\d{2}/.exec(text);
    return !year || Number(year[0]) >= analysis.referenceDate.year;
  };
  for (const table of analysis.tables) {
    const header = table.rows[0] ?? [];
    const periods = header.filter((cell) => PERIOD_COLUMN.test(cell.text.trim()) && ahead(cell.text.trim()));
    // Or one row per period: a column headed "Phase", "Stage", "Year" or "When" over two or more rows.
    const phases = header.find((cell) => PHASE_COLUMN.test(cell.text.trim()));
    const first = periods.length >= 2 ? periods[0] : phases && table.rows.length >= 3 ? phases : undefined;
    if (first && table.rows.length >= 2 && !analysis.sectionMatches(table.section, 'excluded-headings')) found.push(first);
  }
  return found;
}

/** How many list items a section holds directly: the priorities a priorities heading names. */
function listedItems(analysis: Analysis, section: Section): number {
  return analysis.lists.filter((l) => l.section === section).reduce((n, l) => n + l.items.length, 0);
}

/** Whether a section, or one it sits in, has a heading in the lexicon; worked out once per section. */
function sectionTest(analysis: Analysis, lexicon: string): (section: Section) => boolean {
  const known = new Map<Section, boolean>();
  return (section) => {
    let value = known.get(section);
    if (value === undefined) known.set(section, (value = analysis.sectionMatches(section, lexicon)));
    return value;
  };
}

/**
 * Refusals that refuse no work: a promise to include everyone ("we will not leave anyone
 * behind"), a refused stance ("we will not stand still", "we won't compromise on quality"), and
 * stopping unnamed things ("stop doing things that no longer add value").
 */
const LEAVE_NO_ONE_BEHIND = /\b(?:leave|leaves|leaving|left)\s+(?:anyone|anybody|no\s*one|nobody|(?:any|no)\s+[a-z-]+|people|residents|patients|citizens|customers|users)\s+behind\b|\b(?:no\s*one|nobody)\s+(?:will\s+be|is)\s+left\s+behind\b|\b(?:not|won['’]t|never)\s+(?:simply\s+|just\s+)?(?:stand\s+still|rest\s+on|compromise\b|settle\s+for|be\s+complacent|shy\s+away|lose\s+sight)|\bstop\s+doing\s+(?:the\s+)?(?:things|anything|activities|work)\s+(?:that|which)\s+(?:no\s+longer|do\s+not|don['’]t|does\s+not|doesn['’]t)\b/i;

/**
 * A rhetorical contrast: the words on both sides of "rather than" are abstractions a slogan sets
 * against each other ("people rather than technology"), not two pieces of work to choose between.
 */
function isSlogan(analysis: Analysis, text: string, m: { start: number; end: number }): boolean {
  const abstractions = analysis.lexicon('slogan-contrasts');
  const before = /(?<![\p{L}-])([\p{L}-]+)[\s,]*$/u.exec(text.slice(0, m.start))?.[1] ?? '';
  const after = /^\s*(?:the\s+|a\s+|an\s+|on\s+|about\s+|in\s+)?([\p{L}-]+)\s*(?:[.,;:!)]|$)/u.exec(text.slice(m.end))?.[1] ?? '';
  const whole = (word: string) => {
    const hit = word ? abstractions.first(word) : undefined;
    return hit !== undefined && hit.start === 0 && hit.end === word.length;
  };
  return whole(before) && whole(after);
}

function headingFor(analysis: Analysis, lexicon: string): Block | undefined {
  const test = analysis.lexicon(lexicon);
  return analysis.blocks.find(
    (b) => b.kind === 'heading' && b !== analysis.title && test.test(b.text) && !analysis.sectionMatches(b.section, 'principle-headings'),
  );
}

/**
 * Objectives that take in all of something ("all current services", "every aspect") and set a date
 * for it; not a consolidation of all of it onto one thing ("all sites on a single platform").
 */
function commitmentsToEverything(analysis: Analysis): Objective[] {
  const scope = analysis.lexicon('universal-scope');
  const consolidation = analysis.lexicon('consolidation-targets');
  const seen = new Set<string>();
  return analysis.objectives.filter((o) => {
    if (!o.deadline || !scope.test(o.text) || consolidation.test(o.text)) return false;
    const key = o.text.toLowerCase().replace(/\W+/g, ' ').trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
