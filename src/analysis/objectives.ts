// Objectives and commitments, and the SMART parts each one carries.
//
// An objective is found by structure first: the items, sub-headings and short paragraphs under
// a heading such as "Objectives", "Goals" or "Our priorities"; the items of an action list
// ("We will achieve this by:" followed by verb-led items). A commitment is a sentence of the form
// "we will …" elsewhere, outside background, reference sections and quotations.

import type { Analysis, QuantityFact, TemporalFact, TermFact } from './index.js';
import type { Block, ListInfo, Section } from './structure.js';
import type { Sentence } from './sentences.js';
import { setsDeadline } from './temporal-roles.js';
import { isNotAnObjective } from './not-objectives.js';

export type ObjectiveKind = 'item' | 'heading' | 'paragraph' | 'commitment';

export interface Objective {
  kind: ObjectiveKind;
  start: number;
  end: number;
  /** The objective's own words (the item, heading or sentence). */
  text: string;
  /** The block that carries it (its first block, for a heading objective). */
  block: Block;
  section: Section;
  /** Every sentence whose words count toward the objective's SMART parts. */
  sentences: Sentence[];
  measure: QuantityFact | null;
  deadline: TemporalFact | null;
  owner: TermFact | null;
  direction: TermFact | null;
  weasels: TermFact[];
  vagueTiming: TermFact[];
  /** Carries a measure and a deadline. */
  measurable: boolean;
}

const MIN_ACTION_LIST = 3;
const ACTION_SHARE = 0.6;

export function findObjectives(analysis: Analysis): Objective[] {
  const found: Objective[] = [];
  const used = new Set<Block>();
  const isObjectiveSection = memo((section: Section) => analysis.nearestMatching(section, ['excluded-headings', 'background-headings', 'objective-headings']) === 'objective-headings');

  // 1. Items of lists under objective headings, and of action lists anywhere else.
  const itemBlocks = new Map<unknown, Block[]>();
  for (const b of analysis.blocks) {
    if (b.kind !== 'paragraph' || !b.list) continue;
    const group = itemBlocks.get(b.list.item);
    if (group) group.push(b);
    else itemBlocks.set(b.list.item, [b]);
  }
  for (const list of analysis.lists) {
    if (analysis.sectionMatches(list.section, 'excluded-headings')) continue;
    const inObjectives = isObjectiveSection(list.section) && isObjectiveList(analysis, list);
    if (!inObjectives && !isActionList(analysis, list)) continue;
    for (const item of list.items) {
      const blocks = itemBlocks.get(item.list?.item) ?? [item];
      blocks.forEach((b) => used.add(b));
      found.push(make(analysis, 'item', item, blocks, item.text));
    }
  }

  // 2. Sub-headings and short paragraphs directly under objective headings.
  for (const section of analysis.sections) {
    if (!section.heading || !section.parent || !isObjectiveSection(section)) continue;
    const hasList = section.blocks.some((b) => b.list);
    const isContainer = analysis.lexicon('objective-headings').test(section.title);
    const parentIsContainer = Boolean(section.parent.heading) && analysis.lexicon('objective-headings').test(section.parent.title);
    if (!isContainer && !hasList && isObjectiveSection(section.parent) && startsWithAction(analysis, section.title)) {
      const body = section.blocks.filter((b) => b.kind === 'paragraph' && !used.has(b));
      body.forEach((b) => used.add(b));
      used.add(section.heading);
      found.push(make(analysis, 'heading', section.heading, [section.heading, ...body], section.title));
      continue;
    }
    if (hasList || !(isContainer || parentIsContainer)) continue;
    for (const block of section.blocks) {
      if (block.kind !== 'paragraph' || used.has(block) || block.inQuote) continue;
      const words = block.text.split(/\s+/).length;
      if (words > 60 || !(startsWithAction(analysis, block.text) || analysis.lexicon('commitment-phrases').test(block.text))) continue;
      used.add(block);
      found.push(make(analysis, 'paragraph', block, [block], block.text));
    }
  }

  // 3. "We will …" sentences elsewhere.
  const commitments = analysis.lexicon('commitment-phrases');
  for (const sentence of analysis.sentences) {
    const block = sentence.block;
    if (used.has(block) || block.kind === 'heading' || block.inQuote || block.inTable) continue;
    const phrase = commitments.first(sentence.text);
    if (!phrase || insideQuotes(sentence.text, phrase.start)) continue;
    // Reference sections exclude everything below them; a background heading only its own text,
    // since reports often file their whole argument under "Background".
    if (analysis.sectionMatches(block.section, 'excluded-headings')) continue;
    if (block.section.heading && analysis.lexicon('background-headings').test(block.section.title)) continue;
    found.push(make(analysis, 'commitment', block, [block], sentence.text, sentence));
  }

  return found.filter((o) => !isNotAnObjective(analysis, o, found)).sort((a, b) => a.start - b.start);
}

function make(
  analysis: Analysis,
  kind: ObjectiveKind,
  block: Block,
  blocks: Block[],
  text: string,
  only?: Sentence,
): Objective {
  const sentences = only ? [only] : blocks.flatMap((b) => analysis.sentencesOf(b));
  let measure: QuantityFact | null = null;
  let deadline: TemporalFact | null = null;
  let owner: TermFact | null = null;
  let direction: TermFact | null = null;
  const weasels: TermFact[] = [];
  const vagueTiming: TermFact[] = [];
  for (const s of sentences) {
    deadline ??= analysis.temporalOf(s).find(isDeadline) ?? null;
    measure ??= analysis.quantitiesOf(s)[0] ?? null;
    owner ??= analysis.termsIn(s, 'owner-terms')[0] ?? null;
    direction ??= analysis.termsIn(s, 'direction-words')[0] ?? null;
    weasels.push(...analysis.termsIn(s, 'weasel-verbs'));
    vagueTiming.push(...analysis.termsIn(s, 'vague-timing'));
  }
  const start = only ? only.start : block.start;
  const end = only ? only.end : block.end;
  return {
    kind,
    start,
    end,
    text: text.trim(),
    block,
    section: block.section,
    sentences,
    measure,
    deadline,
    owner,
    direction,
    weasels,
    vagueTiming,
    measurable: measure !== null && deadline !== null,
  };
}

function isDeadline(fact: TemporalFact): boolean {
  return setsDeadline(fact.role, fact.match);
}

/**
 * A list under an objectives heading holds objectives unless it looks back ("We have:") or
 * lists something else ("there are problems with:"): its lead-in commits, or its items act.
 */
function isObjectiveList(analysis: Analysis, list: ListInfo): boolean {
  const lead = list.leadIn?.text ?? '';
  if (lead && analysis.lexicon('past-tense-markers').test(lead)) return false;
  if (!lead) return true;
  const objectiveLike = list.items.filter((item) => isObjectiveLike(analysis, item.text)).length;
  return objectiveLike / Math.max(1, list.items.length) >= ACTION_SHARE;
}

const OUTCOME_OPENING = /^\W*(?:increased|increasing|reduced|reducing|improved|more|fewer|less|better|faster|greater|higher|lower|all|every|zero|no\s|\d)/i;

/** An item that states an action, an outcome with a direction, or a commitment. */
function isObjectiveLike(analysis: Analysis, text: string): boolean {
  return startsWithAction(analysis, text) || OUTCOME_OPENING.test(text) || analysis.lexicon('commitment-phrases').test(text);
}

/** A list of initiatives: most items open with an action verb, introduced by a sentence ending in a colon. */
function isActionList(analysis: Analysis, list: ListInfo): boolean {
  if (list.items.length < MIN_ACTION_LIST || !list.leadIn) return false;
  const lead = list.leadIn.text.trim();
  if (!lead.endsWith(':')) return false;
  if (analysis.lexicon('past-tense-markers').test(lead)) return false;
  if (analysis.sectionMatches(list.section, 'background-headings')) return false;
  const actions = list.items.filter((item) => startsWithAction(analysis, item.text)).length;
  return actions / list.items.length >= ACTION_SHARE;
}

const NOT_ACTIONS = new Set(['thing', 'nothing', 'something', 'anything', 'everything', 'morning', 'evening', 'string', 'king', 'spring', 'during', 'being', 'according', 'including', 'following', 'funding', 'housing', 'meeting', 'ring', 'wing', 'bring']);

/** Whether text opens with an action: "Deliver …", "Delivering …", "Continuously iterate …". */
export function startsWithAction(analysis: Analysis, text: string): boolean {
  const words = text
    .replace(/^[\s\d.)(*_#>:-]+/, '')
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w.replace(/[^\p{L}-]/gu, '').toLowerCase());
  let first = words[0] ?? '';
  if (first.endsWith('ly') && words[1]) first = words[1];
  if (!first) return false;
  if (first.length > 4 && first.endsWith('ing') && !NOT_ACTIONS.has(first)) return true;
  const verbs = analysis.lexicon('action-verbs');
  const match = verbs.first(first);
  return match !== undefined && match.start === 0 && match.end === first.length;
}

/** Whether index i of text sits inside a quotation. */
function insideQuotes(text: string, i: number): boolean {
  const before = text.slice(0, i);
  const curlyOpen = before.lastIndexOf('\u201c');
  const curlyClose = before.lastIndexOf('\u201d');
  if (curlyOpen > curlyClose) return true;
  const straight = (before.match(/(^|[\s(])"/g) ?? []).length - (before.match(/"(?=[\s.,;:!?)]|$)/g) ?? []).length;
  return straight > 0;
}

function memo<K, V>(fn: (k: K) => V): (k: K) => V {
  const cache = new Map<K, V>();
  return (k) => {
    if (!cache.has(k)) cache.set(k, fn(k));
    return cache.get(k)!;
  };
}
