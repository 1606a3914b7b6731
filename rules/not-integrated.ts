// Integrated: a digital strategy should say how it serves the organisation's own plan (the
// corporate, business, clinical or council plan, the system's strategy). A sentence that names
// such a plan and ties the work to it ("this strategy supports the five priorities of our
// Transforming Justice programme") is a link; naming a plan in passing, or setting the work in
// a "wider agenda", is a thin reference. Links to other digital or IT plans do not count.

import { defineRule, quote } from '../src/core/rule.js';
import type { Analysis, Sentence } from '../src/analysis/index.js';
import type { Lexicon } from '../src/analysis/lexicon.js';
import { allMatches } from '../src/core/all-matches.js';

interface Options {
  minLinks: number;
}

// A named plan: capitalised words ending in a plan word ("Civil Service Reform Plan",
// "Transforming Justice programme", "Our Manchester Strategy").
// Never starts just after a capital or digit: a start there matches if and only if the start
// before it does, and rescanning a run of them from each of its characters took minutes.
const NAMED_PLAN =
  /(?<![\p{Lu}\d])(?:[\p{Lu}\d][\p{L}\d'’&.-]*\s+(?:(?:of|for|and|the|&|in|on|to)\s+)*){1,7}(?:[Pp]lan|[Ss]trateg(?:y|ies)|[Pp]rogramme|[Pp]rogram|[Pp]riorities|[Aa]mbitions|Principles)\b(?![\s-]+\p{Lu})/gu;
// Text that every match of NAMED_PLAN ends with, looked for first: most sentences hold none,
// and NAMED_PLAN tries its look-behind and its capitals at every character of them.
const PLAN_WORD = /[Pp]lan|[Ss]trateg|[Pp]rogram|[Pp]riorities|[Aa]mbitions|Principles/;
// Words that open a sentence or a noun phrase with a capital without naming anything.
const NOT_NAMES = new Set(['this', 'the', 'our', 'that', 'these', 'those', 'a', 'an', 'its', 'their', 'my', 'your', 'each', 'every', 'any', 'we', 'in', 'by', 'as', 'for', 'to', 'of', 'and', 'on', 'new', 'draft', 'final', 'annual', 'key']);
// How close a linking word must be to the plan it ties the work to.
const LINK_WINDOW = 8;
// Which of the plan's aims the work serves, named: "priority 2", "outcome 3", "its first two
// aims", "the four aims of our Integrated Care Strategy" (a count of the plan's aims, not of this
// document's own "eight strategic pillars"). A reference that says which is a link on its own,
// however it is worded: it can only be written by someone who read the plan.
const NUMBER_WORD = '(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)';
const AIM_WORDS = '(?:(?:strategic|main|key|core)\\s+)?(?:priorities|aims|outcomes|objectives|ambitions|goals|missions|pillars|themes)';
const WHICH_AIMS = new RegExp(
  `\\b(?:(?:priority|aim|outcome|objective|ambition|goal|mission|pillar|theme)\\s+${NUMBER_WORD}\\b|(?:first|second|third|fourth|fifth)\\s+(?:${NUMBER_WORD}\\s+)?${AIM_WORDS}\\b|${NUMBER_WORD}\\s+${AIM_WORDS}\\s+(?:of|in)\\b)`,
  'i',
);
// Or named by what they are, after a word that points at the plan: "its commitments to reduce
// waiting times, …", "its aim of ending rough sleeping", "the plan's priorities: …". After
// "to", the aim must open with a verb: "its commitment to digital" names none.
const AIMS_BY_CONTENT =
  /\b(?:its|their|the\s+(?:plan|strategy)['’]s)\s+(?:(?:main|key|core|central|stated)\s+)?(?:commitments?|aims?|priorit(?:y|ies)|objectives?|ambitions?|goals?|outcomes?|pledges?)\s*(?:to\s+([a-z]+)\b|of\s+[a-z]+ing\b|:)/gi;
// The plan's aims pointed back at, just after the plan is named: "The Trust's plan has three
// priorities: … This strategy exists to serve those three priorities."; "… two measures for
// that … This strategy is how we will move both of them."
const POINTS_BACK = new RegExp(
  `\\b(?:(?:those|these|that|both)\\s+(?:${NUMBER_WORD}\\s+)?(?:${AIM_WORDS}|priority|aim|outcome|ambition|goal)|(?:both|all|each)\\s+of\\s+(?:them|these|those))\\b`,
  'i',
);
// The document as a part of the plan just named: "the digital and data part of that plan", "a strand of that strategy".
const PART_OF_THAT_PLAN = /\b(?:part|strand|element|chapter)\s+of\s+that\s+(?:plan|strategy)\b/i;
// How many sentences after the plan's, in the same paragraph, may point back at its aims.
const BACK_WINDOW = 2;
// The organisation's plan named in apposition, whatever its kind: "Our ten-year plan, Open by
// Design 2024–2034, commits the museum to …", "the Trust's strategic plan, Every Child, …".
const PLAN_IN_APPOSITION = /\b(?:[Oo]ur|[Tt]he\s+\p{Lu}[\p{L}'’-]*['’]s)\s+(?:[\p{Ll}\d-]+\s+){0,2}(?:plan|strategy)(?=,\s+\p{Lu})/u;
// "The mission of Employment and Social Development Canada": the aims of a named body.
const AIMS_OF = /\b(?:mission|vision|purpose|priorities|objectives|aims|goals|ambitions)\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'’&-]*(?:\s+(?:(?:of|for|and|the|&)\s+)*\p{Lu}[\p{L}'’&-]*)*/u;

export default defineRule<Options>({
  meta: {
    id: 'not-integrated',
    sign: 'integrated',
    description: "Nothing ties the strategy to the organisation's corporate, business, clinical or system plan.",
    severity: 'warning',
    fix: "Name the organisation's own plan and say, priority by priority, how digital work serves it.",
    options: {
      minLinks: {
        type: 'number',
        default: 2,
        description: "Sentences tying the work to the organisation's plan needed for the sign to be present (one link and two thin references also do).",
      },
    },
  },
  check({ analysis, options, report }) {
    const title = analysis.title;
    if (!title) return;
    const ownNames = analysis.ownNames;
    const enabling = analysis.lexicon('enabling-links');
    const links: Reference[] = [];
    const thin: Reference[] = [];
    const siblings: Reference[] = [];
    // The last sentence naming the organisation's plan, and whether a sentence after it ties the
    // work to that plan's aims by pointing back at them (a link that says which aims).
    let named: Sentence | null = null;
    let pointedBack = false;
    for (const sentence of analysis.sentences) {
      const block = sentence.block;
      if (block === title || block.inQuote || analysis.sectionMatches(block.section, 'excluded-headings')) continue;
      const plan = organisationPlan(analysis, sentence.text, ownNames, block.kind === 'heading');
      if (plan) {
        const tied = plan.kind !== 'digital' && enabling.matches(sentence.text).some((e) => wordsApart(sentence.text, e, plan) <= LINK_WINDOW);
        (plan.kind === 'digital' ? siblings : tied ? links : thin).push({ sentence, plan: plan.text, kind: plan.kind });
        if (plan.kind !== 'digital') named = sentence;
        continue;
      }
      if (named && named.block === block && sentence.index - named.index <= BACK_WINDOW && pointsBack(sentence.text, enabling)) {
        pointedBack = true;
      }
      const context = analysis.lexicon('wider-context').first(sentence.text);
      if (context && !analysis.lexicon('digital-plan-words').test(sentence.text.slice(context.end, context.end + 40))) {
        thin.push({ sentence, plan: context.text, kind: 'context' });
      }
    }

    if (links.length >= options.minLinks || (links.length >= 1 && thin.length >= 2)) return;
    if (pointedBack || [...links, ...thin].some((r) => r.kind !== 'context' && namesWhichAims(analysis, r.sentence.text, r.plan))) return;
    // The clearest evidence: a link, else a named plan, else a wider agenda.
    // Other digital or technology plans count only when nothing of the organisation's is named.
    const first = links[0] ?? thin.find((t) => t.kind === 'plan') ?? thin[0] ?? siblings[0];
    if (first) {
      const others = first.kind === 'digital' ? siblings.length - 1 : links.length + thin.length - 1;
      const more = others > 0 ? ` and ${others} more passing reference${others === 1 ? '' : 's'}` : '';
      report({
        start: first.sentence.start,
        end: first.sentence.end,
        message:
          first.kind === 'digital'
            ? `Tied only to other digital or technology plans: "${quote(first.plan, 50)}"${more}; nothing on the organisation's own aims`
            : `Only a thin link to the organisation's own plans: "${quote(first.plan, 50)}"${more}${links.length ? '' : ', with nothing on how digital serves them'}`,
        evidence: first.sentence.text,
        fix: "Say how each priority serves the organisation's plan, not only that the plan exists.",
        weight: 1,
      });
      return;
    }
    const anchor = analysis.anchor(/\b(?:strategic context|context|how (?:this|it) fits|alignment)\b/i) ?? title;
    report({
      start: anchor.start,
      end: anchor.end,
      message: "Not tied to the organisation's strategy: no corporate, business, clinical or system plan is named, and nothing says how digital serves it",
      evidence: anchor.text,
      weight: 2,
    });
  },
});

/** Whether a sentence naming the organisation's plan says which of its aims the work serves, after the plan or just before it. */
function namesWhichAims(analysis: Analysis, text: string, plan: string): boolean {
  const at = text.indexOf(plan);
  const near = at < 0 ? text : text.slice(Math.max(0, at - 40));
  if (WHICH_AIMS.test(near)) return true;
  for (const m of allMatches(AIMS_BY_CONTENT, near)) {
    const verb = m[1];
    if (!verb || analysis.lexicon('action-verbs').test(verb) || analysis.lexicon('weasel-verbs').test(verb)) return true;
  }
  return false;
}

/**
 * Whether a sentence ties the work to aims it points back at ("serve those three priorities"),
 * or makes the work a part of the plan just named ("This strategy is the digital part of that plan").
 */
function pointsBack(text: string, enabling: Lexicon): boolean {
  if (PART_OF_THAT_PLAN.test(text)) return true;
  const back = POINTS_BACK.exec(text);
  if (!back) return false;
  const span = { start: back.index, end: back.index + back[0].length };
  return enabling.matches(text).some((e) => wordsApart(text, e, span) <= LINK_WINDOW);
}

interface Span {
  start: number;
  end: number;
  text: string;
  /**
   * A plan by name or kind ("the Council Plan", "our business plan"), the aims of a named body,
   * or another digital or IT plan, which is a thin reference at most: it places the work among
   * other technology plans, not in the organisation's aims.
   */
  kind: 'plan' | 'aims' | 'digital';
}

interface Reference {
  sentence: Sentence;
  plan: string;
  kind: Span['kind'] | 'context';
}

/**
 * The organisation's (or its system's) own plan or aims named in a sentence, if any; never a
 * digital or IT plan. Headings are title case throughout, so only the lexicon counts there.
 */
function organisationPlan(analysis: Analysis, text: string, titleText: string, heading: boolean): Span | null {
  const digital = analysis.lexicon('digital-plan-words');
  // A digital or IT plan above or beside this one ("the Government's Digital Strategy", "the
  // ICT Reform Programme"): kept in case nothing better is named.
  let sibling: Span | null = null;
  const ownTitle = titleText.toLowerCase();
  for (const m of analysis.lexicon('corporate-plans').matches(text)) {
    // "Our strategy 2025–2030" in the "Digital strategy 2025–2030" is the document itself.
    if (ownTitle.includes(m.text.toLowerCase().replace(/^our\s+/, ''))) continue;
    if (!digital.test(m.text)) return { ...m, kind: 'plan' };
    if (isOtherPlan(analysis, text, m, titleText)) sibling ??= { ...m, kind: 'digital' };
  }
  const apposed = PLAN_IN_APPOSITION.exec(text);
  if (apposed && !digital.test(apposed[0]) && !ownTitle.includes(apposed[0].toLowerCase().replace(/^our\s+/, ''))) {
    return { start: apposed.index, end: apposed.index + apposed[0].length, text: apposed[0], kind: 'plan' };
  }
  const aims = AIMS_OF.exec(text);
  if (aims && !digital.test(aims[0])) return { start: aims.index, end: aims.index + aims[0].length, text: aims[0], kind: 'aims' };
  if (heading) return sibling;
  if (!PLAN_WORD.test(text)) return sibling;
  for (const m of allMatches(NAMED_PLAN, text)) {
    let start = m.index;
    const words = m[0].split(/\s+/);
    // A capital that opens the sentence, or a word such as "Our", names nothing.
    while (words.length > 1 && (NOT_NAMES.has(words[0]!.toLowerCase()) || (start === 0 && !/^\p{Lu}{2,}/u.test(words[0]!)))) {
      start += words[0]!.length + 1;
      words.shift();
    }
    const name = words.join(' ');
    if (words.length < 2 || !/^\p{Lu}/u.test(name) || titleText.includes(name)) continue;
    if (digital.test(name)) {
      const span = { start, end: m.index + m[0].length, text: name };
      if (isOtherPlan(analysis, text, span, titleText)) sibling ??= { ...span, kind: 'digital' };
      continue;
    }
    return { start, end: m.index + m[0].length, text: name, kind: 'plan' };
  }
  return sibling;
}

const PLAN_WORDS = /^(?:plans?|strateg(?:y|ies)|programmes?|programs?|priorities|ambitions|roadmaps?|the|of|for|and|&|in|on|to)$/i;
/** "… programme board", "… strategy team": a body named after a plan is not the plan. */
const BODY_AFTER = /^\s+(?:board|team|office|group|committee|manager|lead|director|unit)\b/i;
/** "This is the Harbour Digital Plan", "our ICT Strategy": the document naming itself. */
const SELF_BEFORE = /\b(?:this|our)\s+(?:is\s+(?:the|our)\s+)?$/i;

/**
 * A digital or technology plan other than this one: named by words of its own beyond the
 * title's, the digital words and the plan words ("the Government Digital Strategy", not "the
 * ICT Strategy" in an ICT strategy), and not a body named after a plan.
 */
function isOtherPlan(analysis: Analysis, text: string, span: { start: number; end: number; text: string }, titleText: string): boolean {
  if (BODY_AFTER.test(text.slice(span.end)) || SELF_BEFORE.test(text.slice(0, span.start))) return false;
  const digital = analysis.lexicon('digital-plan-words');
  const title = new Set(titleText.toLowerCase().split(/[^\p{L}\d]+/u));
  return span.text
    .split(/[^\p{L}\d&]+/u)
    .filter(Boolean)
    .some((w) => !PLAN_WORDS.test(w) && !title.has(w.toLowerCase()) && !(digital.first(w)?.text.length === w.length));
}

/** Words between two spans of a sentence, whichever comes first. */
function wordsApart(text: string, a: { start: number; end: number }, b: { start: number; end: number }): number {
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  return text.slice(first.end, second.start).split(/\s+/).filter(Boolean).length;
}
