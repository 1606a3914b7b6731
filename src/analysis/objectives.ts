// The commitment model: every unit of intended action in a document (an objective, an action,
// an initiative, a recommendation, a "we will"), found once whatever its markup, with the SMART
// parts it carries, its parent and its children. Every rule that judges commitments reads this.
//
// Commitments are recognised by structure first, then by their words:
//  - items of lists under objective headings, and of action lists anywhere ("We will:" + verbs);
//  - sub-headings and short paragraphs under objective headings;
//  - headings that are actions: a labelled heading ("Action 4: …"), or a run of three or more
//    sibling headings that are numbered actions ("3. Continue to invest …") or plain imperatives;
//  - labelled sentences anywhere ("Initiative 3: Redevelop the panel …", even mid-paragraph in
//    text converted from PDF), paragraphs opening with a numeral ("**2.** Publish …"), and runs
//    of short paragraphs that each open with a verb (slides and lists flattened into paragraphs);
//  - rows of a table that has an action column (milestone, action, initiative…);
//  - sentences in which the organisation, or someone in it, will, shall or must act
//    ("we will …", "the Council will publish …", "agencies must adopt …").
// Background, reference sections, quotations and principles are left out. A commitment with
// children (a heading's items, an action's milestone rows) is measured by them too.

import type { Analysis, QuantityFact, TemporalFact, TermFact } from './index.js';
import type { Block, ListInfo, Section, TableInfo } from './structure.js';
import type { Sentence } from './sentences.js';
import { setsDeadline } from './temporal-roles.js';
import { isNotAnObjective } from './not-objectives.js';
import { allMatches } from '../core/all-matches.js';

export type ObjectiveKind = 'item' | 'heading' | 'paragraph' | 'labelled' | 'row' | 'commitment';

export interface Objective {
  kind: ObjectiveKind;
  start: number;
  end: number;
  /** The objective's own words (the item, heading, row's action or sentence). */
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
  /** The verb of a "will" sentence ("develop" in "the Council will develop …"), when there is one. */
  action: string | null;
  /** The commitment this one belongs to (a heading's item, an action's milestone row). */
  parent: Objective | null;
  children: Objective[];
  /** Carries a measure and a deadline (its own, or its children's). */
  measurable: boolean;
  /** Scope that leaves nothing out ("all live services"): with a date, a checkable target. */
  scope: TermFact | null;
  /** A table row whose table has a measure column, left empty for this row. */
  measureLeftBlank: boolean;
}

const MIN_ACTION_LIST = 3;
const ACTION_SHARE = 0.6;
const MIN_HEADING_RUN = 3;
const MAX_SLIDE_WORDS = 30;
const MIN_SLIDE_RUN = 3;
const MIN_NUMBERED_LINES = 3;
/** Section titles are short: a gerund phrase this long or shorter names a topic. */
const MAX_TOPIC_WORDS = 6;

/** "Initiative 3:", "Action 4 -", "Recommendation 2.", "Objective B:" at the start of a text. */
const LABEL = /^\W*(?:initiative|action|objective|goal|priority|recommendation|commitment|deliverable|ambition|aim|step|pledge|promise|mission|key result)\s+(?:\d{1,3}(?:\.\d{1,3})*|[A-Z])\s*[:.)\u2013\u2014-]\s*(?=\S)/i;
const NEGATION = /\b(?:not|no longer|never|won't|cannot|can't)\b/i;
/**
 * A reference code before an item's words: "KR 1.1", "KR2", "SO3:", "A1.2)" (OKR key results,
 * numbered actions in a register). It names the item; its number measures nothing.
 */
const IDENTIFIER = /^\W{0,3}\p{Lu}{1,3}\s?\d{1,2}(?:\.\d{1,2}){0,2}[:.)\u2013\u2014-]?\s+(?=\S)/u;
/** "3. ", "3.1 ", "(2) ", "b) " at the start of a text. */
const NUMERAL = /^\W{0,3}(?:\d{1,2}(?:\.\d{1,2})*[.)]?|\(?[a-h]\)|\(?[ivx]{1,4}\))\s+(?=\S)/;

export function findObjectives(analysis: Analysis): Objective[] {
  const found: Objective[] = [];
  const scopes = new Map<Objective, [number, number]>();
  const used = new Set<Block>();
  const isObjectiveSection = (section: Section) => analysis.inObjectivesSection(section);
  const setAside = memo((section: Section) => analysis.sectionMatches(section, 'excluded-headings') || analysis.sectionMatches(section, 'principle-headings'));
  const decisionRules = analysis.lexicon('decision-rules');
  const add = (objective: Objective, scope: [number, number] = [objective.start, objective.end]) => {
    // A rule for deciding ("prefer managed services over our own", "wherever possible") is a
    // principle; "we will not …" draws a line, a trade-off.
    if (decisionRules.test(objective.text) || NEGATED.test(objective.sentences[0]?.text ?? objective.text)) return;
    found.push(objective);
    scopes.set(objective, scope);
  };

  // 1. Items of lists under objective headings, and of action lists anywhere else.
  const itemBlocks = new Map<unknown, Block[]>();
  for (const b of analysis.blocks) {
    if (b.kind !== 'paragraph' || !b.list) continue;
    const group = itemBlocks.get(b.list.item);
    if (group) group.push(b);
    else itemBlocks.set(b.list.item, [b]);
  }
  // A list of labelled fields ("Measure: …", "When: …", "Lead: …") holds the parts of the
  // commitment above it, not commitments of its own (step 8 gives them to that commitment).
  const blocksOf = (list: ListInfo) => list.items.flatMap((item) => itemBlocks.get(item.list?.item) ?? [item]);
  const fieldLists = new Set(analysis.lists.filter(isFieldList));
  // What the plan will stop or not do ("What we'll stop doing", "We won't:") is a trade-off.
  const refusals = new Set(analysis.lists.filter((list) => listsNonPriorities(analysis, list)));
  const refusalLeadIns = new Set([...refusals].map((list) => list.leadIn));
  for (const list of [...fieldLists, ...refusals]) blocksOf(list).forEach((b) => used.add(b));
  for (const list of analysis.lists) {
    if (analysis.sectionMatches(list.section, 'excluded-headings') || fieldLists.has(list) || refusals.has(list)) continue;
    const inObjectives = isObjectiveSection(list.section) && isObjectiveList(analysis, list);
    if (!inObjectives && !isActionList(analysis, list)) continue;
    const phase = phaseDeadline(analysis, list);
    // "Lead: Director, Registry Services." closing a list of commitments says who leads them all:
    // it is no commitment of its own, and its owner is theirs.
    const ownerFields = new Set(list.items.filter((item) => isOwnerField(item.text)));
    const listOwner =
      [...ownerFields]
        .flatMap((item) => (itemBlocks.get(item.list?.item) ?? [item]).flatMap((b) => analysis.sentencesOf(b)))
        .map((s) => analysis.termsIn(s, 'owner-terms')[0])
        .find((owner) => owner !== undefined) ?? null;
    for (const item of list.items) {
      const blocks = itemBlocks.get(item.list?.item) ?? [item];
      blocks.forEach((b) => used.add(b));
      if (ownerFields.has(item)) continue;
      const node = item.list!.item.position;
      const objective = make(analysis, 'item', item, blocks, item.text);
      objective.owner ??= listOwner;
      // "Four exemplars by March 2015:" dates each exemplar below it; "Our target is 4 days by
      // the end of 2027. We'll get there by:" measures each of the means below it too.
      if (list.leadIn && (!objective.deadline || !objective.measure)) {
        objective.deadline ??= leadInDeadline(analysis, list.leadIn);
        if (MEANS_LEAD_IN.test(list.leadIn.text.trimEnd())) objective.measure ??= measureOf(analysis, list.leadIn);
        objective.measurable = isMeasurable(objective);
      }
      // A roadmap's phase heading dates the items under it: "### Year 2 (2027/28)", "### By March 2029".
      if (!objective.deadline && phase) {
        objective.deadline = phase;
        objective.measurable = isMeasurable(objective);
      }
      add(objective, [node?.start.offset ?? item.start, node?.end.offset ?? item.end]);
    }
  }

  // 2. Sub-headings and short paragraphs directly under objective headings.
  for (const section of analysis.sections) {
    if (!section.heading || !section.parent || !isObjectiveSection(section)) continue;
    const hasList = section.blocks.some((b) => b.list);
    const isContainer = analysis.lexicon('objective-headings').test(section.title);
    const parentIsContainer = Boolean(section.parent.heading) && analysis.lexicon('objective-headings').test(section.parent.title);
    if (!isContainer && !hasList && isObjectiveSection(section.parent) && startsWithAction(analysis, section.title) && !isTopicTitle(analysis, section.title)) {
      const body = section.blocks.filter((b) => b.kind === 'paragraph' && !used.has(b));
      body.forEach((b) => used.add(b));
      used.add(section.heading);
      add(make(analysis, 'heading', section.heading, [section.heading, ...body], section.title), [section.start, section.end]);
      continue;
    }
    if (hasList || !(isContainer || parentIsContainer)) continue;
    for (const block of section.blocks) {
      if (block.kind !== 'paragraph' || used.has(block) || block.inQuote) continue;
      // The paragraph must open with its commitment; one that mentions "we will" later is prose.
      const opening = analysis.lexicon('commitment-phrases').first(block.text);
      if (!wordsAtMost(block.text, 60) || !(startsWithAction(analysis, block.text) || (opening !== undefined && opening.start <= 3))) continue;
      used.add(block);
      add(make(analysis, 'paragraph', block, [block], block.text));
    }
  }

  // 3. Headings that are actions, wherever they are: labelled, or a run of numbered or imperative siblings.
  for (const section of actionHeadings(analysis, setAside)) {
    const heading = section.heading!;
    if (used.has(heading)) continue;
    used.add(heading);
    // The heading and the paragraph that states it more fully; what follows is its story.
    const lead = section.blocks.find((b) => b !== heading && b.kind === 'paragraph' && !b.list && !b.inQuote);
    const blocks = lead && !used.has(lead) && section.blocks.indexOf(lead) === 1 ? [heading, lead] : [heading];
    add(make(analysis, 'heading', heading, blocks, section.title), [section.start, section.end]);
  }

  // 4. Labelled sentences ("Initiative 3: …") and numeral-led paragraphs ("**2.** Publish …").
  for (const block of analysis.blocks) {
    if (block.kind !== 'paragraph' || used.has(block) || block.inQuote || block.inTable || setAside(block.section)) continue;
    const sentences = analysis.sentencesOf(block);
    const labelled: number[] = [];
    for (let i = 0; i < sentences.length; i++) if (LABEL.test(sentences[i]!.text)) labelled.push(i);
    if (labelled.length) {
      used.add(block);
      labelled.forEach((from, n) => {
        const to = n + 1 < labelled.length ? labelled[n + 1]! : sentences.length;
        const own = sentences.slice(from, to);
        const first = own[0]!;
        add(make(analysis, 'labelled', block, [block], first.text, own));
      });
    }
  }
  for (const section of analysis.sections) {
    if (setAside(section)) continue;
    const numbered = section.blocks.filter((b) => b.kind === 'paragraph' && !b.list && !b.inQuote && !used.has(b) && NUMERAL.test(b.text));
    if (numbered.length < 2) continue;
    const actions = numbered.filter((b) => isObjectiveLike(analysis, b.text.replace(NUMERAL, '')));
    if (actions.length / numbered.length < ACTION_SHARE) continue;
    for (const block of numbered) {
      used.add(block);
      add(make(analysis, 'paragraph', block, [block], block.text));
    }
  }

  // 5. Runs of short paragraphs that each open with a verb: a list that lost its markup.
  for (const run of slideRuns(analysis, used, setAside)) {
    for (const block of run) {
      used.add(block);
      add(make(analysis, 'item', block, [block], block.text));
    }
  }

  // 5b. Paragraphs of numbered lines ("1.1 Migrate …", one per line, no list markup): how PDF
  // text and some Word exports give a numbered list. Each numbered line is an item.
  for (const block of analysis.blocks) {
    if (block.kind !== 'paragraph' || block.list || block.inTable || block.inQuote || used.has(block) || setAside(block.section)) continue;
    // A paragraph of fewer lines cannot hold enough numbered ones; most are a single line.
    if (!hasLines(block.text, MIN_NUMBERED_LINES)) continue;
    const lines = block.text.split('\n').filter((l) => l.trim());
    if (lines.filter((l) => NUMERAL.test(l)).length < Math.max(MIN_NUMBERED_LINES, ACTION_SHARE * lines.length)) continue;
    const items = numberedItems(analysis.sentencesOf(block));
    if (items.length < MIN_NUMBERED_LINES || items.filter((i) => startsWithAction(analysis, i.text)).length < ACTION_SHARE * items.length) continue;
    used.add(block);
    for (const item of items) add(make(analysis, 'item', block, [block], item.text, item.sentences));
  }

  // 6. Rows of action tables.
  for (const table of analysis.tables) {
    if (setAside(table.section)) continue;
    const columns = actionColumns(table);
    if (!columns) continue;
    for (const row of table.rows.slice(1)) {
      const action = row.find((c) => c.cell!.column === columns.action);
      if (!action || !/\p{L}/u.test(action.text)) continue;
      row.forEach((c) => used.add(c));
      // A reference column's "1.5" names the row; it measures nothing.
      const cells = row.filter((c) => c.cell!.column !== columns.reference && (c.cell!.column !== columns.measure || !EMPTY_MEASURE.test(c.text.trim())));
      const objective = make(analysis, 'row', action, cells, action.text);
      objective.start = analysis.sentencesOf(action)[0]?.start ?? action.start;
      objective.end = row[row.length - 1]!.end;
      const measureCell = row.find((c) => c.cell!.column === columns.measure);
      objective.measureLeftBlank = columns.measure >= 0 && !objective.measure && (!measureCell || !/\p{L}|\p{N}/u.test(measureCell.text));
      add(objective, [action.start, objective.end]);
    }
  }

  // 7. Sentences in which the organisation, or someone in it, will act.
  const commitments = analysis.lexicon('commitment-phrases');
  for (const sentence of analysis.sentences) {
    const block = sentence.block;
    if (used.has(block) || block.kind === 'heading' || block.inQuote || block.inTable) continue;
    const phrase = commitments.first(sentence.text);
    const actor = phrase ? null : actorWill(analysis, sentence.text);
    const at = phrase?.start ?? actor?.index;
    if (at === undefined || insideQuotes(sentence.text, at)) continue;
    // Reference sections exclude everything below them; a background heading only its own text,
    // since reports often file their whole argument under "Background".
    // Reference sections exclude everything below them; a principle's explanation is judged by
    // isNotAnObjective (undated there, it is part of the principle); a lead-in likewise.
    if (analysis.sectionMatches(block.section, 'excluded-headings')) continue;
    if (block.section.heading && analysis.lexicon('background-headings').test(block.section.title)) continue;
    // "To make room, we'll stop:" introduces the refusals below it.
    if (refusalLeadIns.has(block) && sentence.text.trimEnd().endsWith(':')) continue;
    // "How we will start" describes; it does not commit.
    if (EMBEDDED.test(sentence.text.slice(Math.max(0, at - 12), at))) continue;
    const action = actor?.verb ?? verbAfter(sentence.text, phrase!.end);
    // "We will need to be aware of …" states a necessity, not an action.
    if (action === 'need' || action === 'have') continue;
    // "We will give patients more control. By March 2027, 80% of appointments will be booked
    // online.": the next sentence of the paragraph, when it commits no one new and sets a date,
    // says how much and by when.
    let objective = make(analysis, 'commitment', block, [block], sentence.text, [sentence]);
    if (!objective.measure && !objective.deadline) {
      const next = analysis.sentencesOf(block).find((s) => s.start >= sentence.end);
      if (next && !commitments.test(next.text) && !actorWill(analysis, next.text)?.verb && analysis.temporalOf(next).some((f) => f.role === 'deadline')) {
        objective = make(analysis, 'commitment', block, [block], sentence.text, [sentence, next]);
        objective.end = sentence.end;
      }
    }
    objective.action = action;
    // A "we will" inside a list item is dated by the list's lead-in, as the items are.
    const leadIn = !objective.deadline ? analysis.listOf(block)?.leadIn : undefined;
    if (leadIn) {
      objective.deadline = leadInDeadline(analysis, leadIn);
      objective.measurable = isMeasurable(objective);
    }
    add(objective);
  }

  // 8. An objective card: the commitment in the paragraph (or list item) just above a list of
  // labelled fields takes its measure, date and owner from them, as a table row takes them from
  // its columns.
  for (const list of fieldLists) {
    const above = analysis.blocks[list.items[0]!.index - 1];
    if (!above || above.kind !== 'paragraph' || above.section !== list.section) continue;
    const own = new Set(analysis.sentencesOf(above));
    const fields = blocksOf(list).flatMap((b) => analysis.sentencesOf(b));
    for (const objective of found) if (objective.sentences.some((s) => own.has(s))) takeFields(analysis, objective, fields);
  }

  // 9. A commitment that hands over to a list or a table ("So we'll run one guarded pilot:", "We
  // will track our progress with these measures:") is measured and dated by what it introduces.
  // When the items are commitments of their own, it is only their lead-in (isNotAnObjective). So
  // is a one-sentence paragraph that sums up the commitments listed under it ("We will make remote
  // appearances reliable…" over "- Equip the 62 courtrooms … by December 2027"), as a heading is
  // by its items.
  for (const objective of found) {
    if (objective.kind !== 'commitment' || objective.measurable) continue;
    const introduced = introducedBy(analysis, objective, blocksOf, found);
    if (introduced.length) takeFields(analysis, objective, introduced.flatMap((b) => analysis.sentencesOf(b)));
  }

  const kept = found.filter((o) => !isNotAnObjective(analysis, o, found));
  kept.sort((a, b) => a.start - b.start || b.end - a.end);
  const unique = withoutRepeats(kept);
  linkParents(unique, scopes);
  return unique;
}

/**
 * The same commitment stated again (an executive summary's list repeated in the body, a heading
 * echoing an action, a pull-quote) is one commitment: the later statements are dropped, and
 * what they add (a measure, a date, an owner) is kept on the first.
 */
function withoutRepeats(found: Objective[]): Objective[] {
  const first = new Map<string, Objective>();
  const out: Objective[] = [];
  for (const objective of found) {
    const key = repeatKey(objective.text);
    const earlier = key.split(' ').length >= 4 ? first.get(key) : undefined;
    if (!earlier) {
      if (key) first.set(key, objective);
      out.push(objective);
      continue;
    }
    earlier.measure ??= objective.measure;
    earlier.deadline ??= objective.deadline;
    earlier.owner ??= objective.owner;
    earlier.measurable = isMeasurable(earlier);
  }
  return out;
}

/** The words a repeat of a commitment starts with: its first eight, without a label ("Action 4:"). */
function repeatKey(text: string): string {
  // Most texts are far longer than eight words (a paragraph, a table row): the first 400
  // characters give the same eight words when they hold a ninth, since the eighth then ended
  // before the cut.
  if (text.length > 400) {
    const words = keyWords(text.slice(0, 400), 9);
    if (words.length > 8) return words.slice(0, 8).join(' ');
  }
  return keyWords(text, 8).join(' ');
}

/** Where a commitment's words begin: after what opens it that is no letter, and a label ("Action 4:"). */
const KEY_OPENING = /^[^\p{L}]*(?:(?:action|initiative|objective|recommendation)\s+\d+[^\p{L}]*)?/u;
const KEY_WORD = /[\p{L}\p{N}]+/gu;

/**
 * The first `most` words of a text, lower-cased: its runs of letters and digits after its
 * opening. Read one word at a time up to the last one needed, rather than every run of other
 * characters in the text replaced and the whole split (a commitment is often a paragraph).
 */
function keyWords(text: string, most: number): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  KEY_WORD.lastIndex = KEY_OPENING.exec(lower)![0].length;
  while (words.length < most) {
    const m = KEY_WORD.exec(lower);
    if (!m) break;
    words.push(m[0]);
  }
  return words;
}

function make(
  analysis: Analysis,
  kind: ObjectiveKind,
  block: Block,
  blocks: Block[],
  text: string,
  only?: Sentence[],
): Objective {
  const sentences = only ?? blocks.flatMap((b) => analysis.sentencesOf(b));
  let measure: QuantityFact | null = null;
  let deadline: TemporalFact | null = null;
  let owner: TermFact | null = null;
  let direction: TermFact | null = null;
  let scope: TermFact | null = null;
  const weasels: TermFact[] = [];
  const vagueTiming: TermFact[] = [];
  for (const s of sentences) {
    deadline ??= analysis.temporalOf(s).find(isDeadline) ?? null;
    measure ??= analysis.quantitiesOf(s).find((q) => !isLabelNumber(s, q)) ?? null;
    owner ??= analysis.termsIn(s, 'owner-terms')[0] ?? null;
    direction ??= analysis.termsIn(s, 'direction-words')[0] ?? null;
    scope ??= analysis.termsIn(s, 'universal-scope')[0] ?? null;
    weasels.push(...analysis.termsIn(s, 'weasel-verbs'));
    vagueTiming.push(...analysis.termsIn(s, 'vague-timing'));
  }
  const start = only ? only[0]!.start : block.start;
  const end = only ? only[only.length - 1]!.end : block.end;
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
    action: null,
    parent: null,
    children: [],
    scope,
    measurable: isMeasurable({ measure, scope, deadline }),
    measureLeftBlank: false,
  };
}

/** What a commitment's labelled fields add to it: a measure, a date, an owner it does not state itself. */
function takeFields(analysis: Analysis, objective: Objective, sentences: Sentence[]): void {
  if (!sentences.length) return;
  const fields = make(analysis, objective.kind, objective.block, [], objective.text, sentences);
  objective.measure ??= fields.measure;
  objective.deadline ??= fields.deadline;
  objective.owner ??= fields.owner;
  objective.direction ??= fields.direction;
  objective.scope ??= fields.scope;
  objective.sentences = [...objective.sentences, ...sentences];
  objective.measurable = isMeasurable(objective);
}

/**
 * The blocks of the list or table a commitment introduces: its sentence ends in a colon, closes
 * its paragraph, and the list or table follows at once, in the same section; or it is the whole of
 * the paragraph just above a list of commitments, which it sums up.
 */
function introducedBy(analysis: Analysis, objective: Objective, blocksOf: (list: ListInfo) => Block[], found: readonly Objective[]): Block[] {
  const sentence = objective.sentences[0];
  const block = objective.block;
  if (!sentence || block.list || block.inTable) return [];
  const own = analysis.sentencesOf(block);
  if (own[own.length - 1] !== sentence) return [];
  const list = analysis.listIntroducedBy(block);
  if (!sentence.text.trimEnd().endsWith(':')) {
    const sumsUp = list && own.length === 1 && found.some((o) => o.kind === 'item' && o.block.list?.list === list.list);
    return sumsUp ? blocksOf(list) : [];
  }
  if (list) return blocksOf(list);
  const next = analysis.blocks[block.index + 1];
  const table = next?.inTable ? analysis.tables.find((t) => t.start <= next.start && next.end <= t.end) : undefined;
  return table && table.section === block.section ? table.rows.flat() : [];
}

/** Checkable: a measure, or a scope that leaves nothing out, and a date. */
function isMeasurable(o: Pick<Objective, 'measure' | 'scope' | 'deadline'>): boolean {
  return (o.measure !== null || o.scope !== null) && o.deadline !== null;
}

/** The numeral of a label, a reference code or a numbered heading ("Action 4:", "KR 1.5", "3.") is not a measure. */
function isLabelNumber(sentence: Sentence, quantity: QuantityFact): boolean {
  const label = LABEL.exec(sentence.text) ?? NUMERAL.exec(sentence.text) ?? IDENTIFIER.exec(sentence.text);
  return label !== null && quantity.match.start < label[0].length;
}

/**
 * Each commitment's parent is the innermost heading, labelled or list commitment whose scope
 * holds it. A parent is measured by its children too: an action whose milestones carry the
 * dates, a heading whose items carry the numbers.
 */
function linkParents(found: Objective[], scopes: Map<Objective, [number, number]>): void {
  const containers = found.filter((o) => o.kind === 'heading' || o.kind === 'item' || o.kind === 'labelled');
  for (const objective of found) {
    let best: Objective | null = null;
    let bestSize = Infinity;
    for (const candidate of containers) {
      if (candidate === objective) continue;
      const [from, to] = scopes.get(candidate)!;
      const [own, ownEnd] = scopes.get(objective)!;
      const size = to - from;
      if (from <= own && ownEnd <= to && size > ownEnd - own && size < bestSize) {
        best = candidate;
        bestSize = size;
      }
    }
    if (best) {
      objective.parent = best;
      best.children.push(objective);
    }
  }
  const depth = (o: Objective) => {
    let d = 0;
    for (let p = o.parent; p; p = p.parent) d++;
    return d;
  };
  // Sub-items share their parent's own date and owner: "by 2021" above a list covers its items.
  // Only what the parent states, or took from its own parent: a date one milestone row gave
  // the action above it does not spread to the action's other sentences and rows.
  // Nor does a date stated in a sibling's own sentence ("By January, the board will launch X.
  // The board will also review Y."): that date is the sibling's.
  const statedBySibling = (objective: Objective, fact: { sentence: Sentence } | null) =>
    fact !== null && objective.parent!.children.some((c) => c !== objective && c.sentences.includes(fact.sentence));
  for (const objective of [...found].sort((a, b) => depth(a) - depth(b))) {
    const parent = objective.parent;
    if (!parent) continue;
    if (!statedBySibling(objective, parent.deadline)) objective.deadline ??= parent.deadline;
    if (!statedBySibling(objective, parent.owner)) objective.owner ??= parent.owner;
  }
  // Then deepest first, so a grandparent sees what its children inherited: an action whose
  // milestones carry the dates is dated.
  for (const objective of [...found].sort((a, b) => depth(b) - depth(a))) {
    for (const child of objective.children) {
      objective.measure ??= child.measure;
      objective.deadline ??= child.deadline;
      objective.owner ??= child.owner;
    }
  }
  for (const objective of found) objective.measurable = isMeasurable(objective);
}

/**
 * The date in the heading of the section a list stands in, when that section is one phase of a
 * roadmap: the section just before or after it, at its level, is headed by another date ("###
 * Year 1 (2026/27)", "### Year 2 (April 2027 to March 2028)"; the end of a phase that gives
 * two). A dated heading among undated ones ("Key initiatives 2026–2031") gives the plan's span,
 * no item's deadline.
 */
function phaseDeadline(analysis: Analysis, list: ListInfo): TemporalFact | null {
  const section = list.section;
  const own = headingDate(analysis, section);
  if (!own) return null;
  const level = analysis.sections.filter((s) => s.parent === section.parent && s.heading);
  const at = level.indexOf(section);
  const anotherPhase = [level[at - 1], level[at + 1]].some((s) => {
    const date = s ? headingDate(analysis, s) : null;
    return date !== null && date.match.text !== own.match.text;
  });
  return anotherPhase ? own : null;
}

function headingDate(analysis: Analysis, section: Section): TemporalFact | null {
  const heading = section.heading;
  if (!heading || heading === analysis.title) return null;
  return deadlinesIn(analysis, heading).at(-1) ?? null;
}

function deadlineOf(analysis: Analysis, block: Block): TemporalFact | null {
  return deadlinesIn(analysis, block)[0] ?? null;
}

/** The dates in a block that can set a deadline, in order. */
function deadlinesIn(analysis: Analysis, block: Block): TemporalFact[] {
  return analysis.sentencesOf(block).flatMap((s) => analysis.temporalOf(s)).filter(isDeadline);
}

/**
 * A lead-in that introduces the means to what it has just said: "We'll get there by:", "To do
 * this, we will:", "This will be achieved through:". The items share its measured target.
 */
const MEANS_LEAD_IN = /\b(?:get\s+there|do\s+(?:this|it|so)|achieve\s+(?:this|it|that)|meet\s+(?:this|it|that)(?:\s+target)?|be\s+(?:achieved|done|delivered|met))\s+(?:by|through|with|via)\s*:$|\b(?:to|in\s+order\s+to)\s+(?:get\s+there|do\s+(?:this|it|so)|achieve\s+(?:this|it|that)|meet\s+(?:this|it|that)(?:\s+target)?),?\s+we\s+will\s*:$/i;

/** The measure of a paragraph: the target's, in the sentence that sets a deadline, or the first. */
function measureOf(analysis: Analysis, block: Block): QuantityFact | null {
  const measures = (s: Sentence) => analysis.quantitiesOf(s).filter((q) => !isLabelNumber(s, q));
  const sentences = analysis.sentencesOf(block);
  const dated = sentences.find((s) => analysis.temporalOf(s).some(isDeadline) && measures(s).length > 0);
  return (dated ? measures(dated)[0] : sentences.flatMap(measures)[0]) ?? null;
}

/** A lead-in that refers back to the paragraph before it: "These were chosen because:". */
const REFERS_BACK = /^\W*(?:these|those|they|each\s+of\s+(?:these|them)|all\s+of\s+(?:these|them))\b/i;

/**
 * The date a list's lead-in gives its items; when the lead-in only refers back ("Four exemplar
 * services by March 2015. ¶ These were chosen on volume:"), the date of the paragraph it refers to.
 */
function leadInDeadline(analysis: Analysis, leadIn: Block): TemporalFact | null {
  const own = deadlineOf(analysis, leadIn);
  if (own || !REFERS_BACK.test(leadIn.text)) return own;
  const before = analysis.blocks[analysis.blocks.indexOf(leadIn) - 1];
  if (!before || before.kind !== 'paragraph' || before.section !== leadIn.section || before.list) return null;
  return deadlineOf(analysis, before);
}

function isDeadline(fact: TemporalFact): boolean {
  return setsDeadline(fact.role, fact.match);
}

/**
 * Sections whose headings are actions: a labelled heading ("Action 4: We will …") on its own, or
 * a run of at least three sibling headings that are numbered ("1. Prefer …", "2. Build …"),
 * most of them actions, or plain imperatives ("Publish …", "Train …").
 */
function actionHeadings(analysis: Analysis, setAside: (s: Section) => boolean): Section[] {
  const out: Section[] = [];
  const siblings = new Map<Section | null, Section[]>();
  for (const section of analysis.sections) {
    if (!section.heading || section === analysis.title?.section) continue;
    const group = siblings.get(section.parent);
    if (group) group.push(section);
    else siblings.set(section.parent, [section]);
  }
  for (const group of siblings.values()) {
    // A heading that says what is not done ("… are not supported") states a limit, not an action.
    const eligible = group.filter((s) => !setAside(s) && !analysis.sectionMatches(s, 'background-headings') && !NEGATION.test(s.title));
    for (const s of eligible) if (LABEL.test(s.title)) out.push(s);
    const numbered = eligible.filter((s) => NUMERAL.test(s.title) && !LABEL.test(s.title));
    if (numbered.length >= MIN_HEADING_RUN) {
      const actions = numbered.filter((s) => isObjectiveLike(analysis, s.title.replace(NUMERAL, '')));
      if (actions.length / numbered.length >= ACTION_SHARE) out.push(...numbered);
    }
    const imperative = eligible.filter((s) => !NUMERAL.test(s.title) && !LABEL.test(s.title) && opensWithVerb(analysis, s.title));
    if (imperative.length >= MIN_HEADING_RUN && imperative.length / eligible.length >= 0.75) out.push(...imperative);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A paragraph's sentences as numbered items: a numbered sentence opens one, the sentences after it belong to it. */
function numberedItems(sentences: Sentence[]): Array<{ text: string; sentences: Sentence[] }> {
  const items: Array<{ text: string; sentences: Sentence[] }> = [];
  for (const sentence of sentences) {
    if (NUMERAL.test(sentence.text)) items.push({ text: sentence.text, sentences: [sentence] });
    else if (items.length) {
      const item = items[items.length - 1]!;
      item.sentences.push(sentence);
      item.text += ` ${sentence.text}`;
    }
  }
  return items;
}

/** Runs of short paragraphs in one section, each opening with a verb in its base form. */
function slideRuns(analysis: Analysis, used: Set<Block>, setAside: (s: Section) => boolean): Block[][] {
  const runs: Block[][] = [];
  let run: Block[] = [];
  const close = () => {
    if (run.length >= MIN_SLIDE_RUN) runs.push(run);
    run = [];
  };
  for (const block of analysis.blocks) {
    if (block.kind !== 'paragraph' || block.list || block.inTable) continue;
    const fits =
      !used.has(block) &&
      !block.inQuote &&
      !setAside(block.section) &&
      wordsAtMost(block.text, MAX_SLIDE_WORDS) &&
      opensWithVerb(analysis, block.text);
    if (fits && run.length && run[run.length - 1]!.section !== block.section) close();
    if (fits) run.push(block);
    else close();
  }
  close();
  return runs;
}

// A goals table states its goals as outcomes, with a baseline, a target and a date ("Goal | Now |
// Target | By"): its goals are the objectives, its targets their measures.
const ACTION_COLUMN = /\b(?:milestones?|actions?|activit(?:y|ies)|initiatives?|deliverables?|objectives?|commitments?|tasks?|recommendations?|steps?|projects?|goals?|outcomes?|aims?|ambitions?|what we will do)\b/i;
const MEASURE_COLUMN = /\b(?:measures?|measurement|metrics?|kpis?|indicators?|success|targets?)\b/i;
const DATE_COLUMN = /\b(?:date|deadline|due|timeline|timescales?|timing|when|by when|quarter|year)\b|^\W*by\W*$/i;
/** A column that only numbers the rows: "Ref", "No.", "#", "ID". */
const REFERENCE_COLUMN = /^(?:ref\.?|reference|refs?\s*no\.?|no\.?|number|#|id|item)$/i;
const OWNER_COLUMN = /\b(?:owners?|lead|leads|responsible|accountable|who|reporting)\b/i;
/** A measure cell that only says the thing will be done. */
const EMPTY_MEASURE = /^(?:completion|complete|completed|done|delivered|yes|n\/?a|tbc|tbd|-|–|—)?$/i;

/** The columns of a table of actions: one naming the action, and one for a measure, a date or an owner. */
function actionColumns(table: TableInfo): { action: number; measure: number; reference: number } | null {
  const action = table.header.findIndex((h) => ACTION_COLUMN.test(h) && !DATE_COLUMN.test(h));
  if (action < 0 || table.rows.length < 2) return null;
  const others = table.header.filter((_, i) => i !== action);
  if (!others.some((h) => MEASURE_COLUMN.test(h) || DATE_COLUMN.test(h) || OWNER_COLUMN.test(h))) return null;
  return {
    action,
    measure: table.header.findIndex((h, i) => i !== action && MEASURE_COLUMN.test(h)),
    reference: table.header.findIndex((h, i) => i !== action && REFERENCE_COLUMN.test(h.trim())),
  };
}

/** "Measure: …", "By when – …", "Lead officer: …": a short label of words alone, then its value. */
const FIELD = /^\W*(\p{L}[\p{L}'’ /&-]{0,40}?)\s*(?::|\s[\u2013\u2014-]\s)\s*\S/u;
const MAX_FIELD_WORDS = 4;
/** A field that says when: the date column's names, but not a phase ("Year one:", "This year:"). */
const DATE_FIELD = /^(?:dates?|deadlines?|due|due date|by when|when|timescales?|timing|timeline|target date|delivery date|completion date)$/i;

/** A list item's field label ("Measure" in "Measure: …"), when the item is a labelled field. */
function labelOf(text: string): string | null {
  const label = FIELD.exec(text)?.[1]?.trim();
  return label && label.split(/\s+/).length <= MAX_FIELD_WORDS ? label : null;
}

/** Whether a list item is a labelled field, and whether its label names a measure, a date or an owner. */
function fieldLabel(text: string): 'smart' | 'other' | null {
  const label = labelOf(text);
  if (!label) return null;
  return MEASURE_COLUMN.test(label) || OWNER_COLUMN.test(label) || DATE_FIELD.test(label) ? 'smart' : 'other';
}

/** A list item that is only an owner's field: "Lead: …", "Owner: …", "Accountable: …". */
function isOwnerField(text: string): boolean {
  const label = labelOf(text);
  return label !== null && OWNER_COLUMN.test(label);
}

/**
 * A list of labelled fields: every item opens with a short label, and at least half of the
 * labels name a measure, a date or an owner ("Measure:", "When:", "Lead:"). "Now: …, Next: …"
 * and "Year 1: …" are phased commitments, not fields.
 */
function isFieldList(list: ListInfo): boolean {
  if (list.items.length < 2) return false;
  let smart = 0;
  for (const item of list.items) {
    const label = fieldLabel(item.text);
    // Every item must be a field: the first that is not settles it (most lists' first item).
    if (label === null) return false;
    if (label === 'smart') smart++;
  }
  return smart * 2 >= list.items.length;
}

/** At most this many words between a refusal and the end of a lead-in or heading: "we won't do the following:". */
const MAX_WORDS_AFTER_REFUSAL = 3;

/**
 * A list of what will not be done: after a lead-in that ends by refusing ("To make room, we'll
 * stop:"), or under a heading that does ("What we won't do") and names no priorities too. "In
 * order, with what we will stop doing to make room for them:" introduces priorities.
 */
function listsNonPriorities(analysis: Analysis, list: ListInfo): boolean {
  const endsRefusing = (text: string) => {
    const last = analysis.lexicon('non-priorities').matches(text).pop();
    return last !== undefined && text.slice(last.end).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length <= MAX_WORDS_AFTER_REFUSAL;
  };
  const lead = list.leadIn?.text.trim() ?? '';
  if (lead.endsWith(':') && endsRefusing(lastSentenceOf(lead).slice(0, -1))) return true;
  const title = list.section.heading ? list.section.title : '';
  return endsRefusing(title) && !analysis.lexicon('priority-headings').test(title);
}

/**
 * A list under an objectives heading holds objectives unless it looks back ("We have:") or
 * lists something else ("there are problems with:"): its lead-in commits, or its items act.
 */
function isObjectiveList(analysis: Analysis, list: ListInfo): boolean {
  if (isDescriptiveList(analysis, list)) return false;
  const lead = list.leadIn?.text ?? '';
  if (lead && looksBack(analysis, lead)) return false;
  if (!lead) return true;
  // Items that each carry a reference code ("KR 1.1 …", "KR 1.2 …") are numbered as commitments,
  // whether they state an action or the result to reach ("Every officer has …").
  if (list.items.length >= 2 && list.items.every((item) => IDENTIFIER.test(item.text))) return true;
  const objectiveLike = list.items.filter((item) => isObjectiveLike(analysis, item.text)).length;
  return objectiveLike / Math.max(1, list.items.length) >= ACTION_SHARE;
}

/**
 * Having chosen the work is no record of doing it: "we have identified twenty priorities", "the
 * following actions have been agreed" introduce what will be done.
 */
const CHOSEN = /\b(?:we\s+have|we['’]ve|have\s+been|has\s+been)\s+(?:(?:now|also|jointly|carefully)\s+)?(?:identified|chosen|selected|agreed|set\s+out|defined|prioriti[sz]ed|grouped)\b/gi;

/** A lead-in that looks back at what was done ("Since 2022 we have:", "Last year we delivered:"). */
function looksBack(analysis: Analysis, lead: string): boolean {
  // A lead-in that commits looks forward, whatever it says of today ("We will replace CAMS …,
  // starting with small claims because it is already mostly digital.").
  if (analysis.lexicon('commitment-phrases').test(lastSentenceOf(lead))) return false;
  return analysis.lexicon('past-tense-markers').test(lead.replace(CHOSEN, ' '));
}

const OUTCOME_OPENING = /^\W*(?:increased|increasing|reduced|reducing|improved|more|fewer|less|better|faster|greater|higher|lower|all|every|zero|no\s|\d)/i;

/** An item that states an action, an outcome with a direction, or a commitment. */
function isObjectiveLike(analysis: Analysis, text: string): boolean {
  return startsWithAction(analysis, text) || OUTCOME_OPENING.test(text.replace(IDENTIFIER, '')) || analysis.lexicon('commitment-phrases').test(text);
}

/** A list of initiatives: most items open with an action verb, introduced by a sentence ending in a colon. */
function isActionList(analysis: Analysis, list: ListInfo): boolean {
  if (list.items.length < MIN_ACTION_LIST || !list.leadIn) return false;
  const lead = list.leadIn.text.trim();
  if (!lead.endsWith(':')) return false;
  if (isDescriptiveList(analysis, list)) return false;
  if (looksBack(analysis, lead)) return false;
  if (analysis.sectionMatches(list.section, 'background-headings')) return false;
  const actions = list.items.filter((item) => startsWithAction(analysis, item.text)).length;
  return actions / list.items.length >= ACTION_SHARE;
}

/** A lead-in that offers examples to choose from ("techniques such as:", "for example:"). */
const EXAMPLES = /\b(?:such as|for example|for instance|e\.g\.|examples?|options?|ideas?|might include|may include|could include|can include|including)(?:\s*:)?$/i;

/** A lead-in that describes someone's role: "They will:", "The division's model will be to:". */
const ROLE_LEAD = /^\W*(?:they|he|she|it|each\s+\w+|the\s+(?:[\p{L}'’-]+\s+){0,4}(?:model|role|roles|remit|job|responsibilities|duties))\s+(?:will|would|is|are|should)\b/iu;

function lastSentenceOf(text: string): string {
  return text.trim().split(/(?<=[.!?])\s+/).pop() ?? text;
}

/**
 * A list that describes rather than commits: examples to choose from ("techniques such as:"),
 * principles ("meets our principles:"), someone's role ("They will:"), or a table of contents.
 */
export function isDescriptiveList(analysis: Analysis, list: ListInfo): boolean {
  // A list of links to sections (a table of contents) points at the commitments; it is not them.
  if (list.items.length && list.items.every((item) => isOnlyLink(item))) return true;
  const lead = list.leadIn?.text.trim() ?? '';
  if (!lead) return false;
  const lastSentence = lastSentenceOf(lead);
  return EXAMPLES.test(lead.trimEnd()) || ROLE_LEAD.test(lastSentence) || analysis.lexicon('principle-headings').test(lastSentence);
}

/** A block that is one link and nothing else, set in bold or italics or not ("**[Agency Actions](#agency)**"), even broken in two. */
function isOnlyLink(block: Block): boolean {
  type Inline = { type: string; value?: string; children?: Inline[] };
  const visible = (nodes: Inline[] | undefined) => (nodes ?? []).filter((c) => c.type !== 'break' && !(c.type === 'text' && !/\p{L}/u.test(c.value ?? '')));
  let children = visible((block.node as Inline).children);
  while (children.length === 1 && (children[0]!.type === 'strong' || children[0]!.type === 'emphasis')) children = visible(children[0]!.children);
  // A link a PDF wraps over two lines comes out as two links to one place.
  return children.length >= 1 && children.every((c) => c.type === 'link');
}

const NOT_ACTIONS = new Set(['thing', 'nothing', 'something', 'anything', 'everything', 'morning', 'evening', 'string', 'king', 'spring', 'during', 'being', 'according', 'including', 'following', 'funding', 'housing', 'meeting', 'ring', 'wing', 'bring']);

/** The first word of a text, lower-cased, after numbering, markup and a leading adverb. */
function openingWord(text: string): string {
  const words = text
    .replace(IDENTIFIER, '')
    .replace(LEADER, '')
    .replace(WHEN_FIRST, '')
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w.replace(/[^\p{L}-]/gu, '').toLowerCase());
  const first = words[0] ?? '';
  return first.endsWith('ly') && words[1] ? words[1] : first;
}

function isActionVerb(analysis: Analysis, word: string): boolean {
  const match = analysis.lexicon('action-verbs').first(word);
  return match !== undefined && match.start === 0 && match.end === word.length;
}

/** A finite verb early in a text: its opening words are a subject ("Open source solutions are …"). */
const SUBJECT_THEN_VERB = /^[^\p{L}'’-]*(?:[\p{L}'’-]+\s+){1,3}(?:is|are|was|were|has|have|had|can|could|will|would|should|must|may|might|allows?|means?)\b/iu;

/** Numbering and markup before an item's first word: "3. ", "**", "- ". */
const LEADER = /^[\s\d.)(*_#>:-]+/;
/** An item that opens with its date: "By March 2027, accept…", "In 2026, move…", "Within a year, open…". */
const WHEN_FIRST = /^(?:by|in|from|before|within|during|until|over)\s+[^,;:.]{1,40},\s+/i;

function opensWithSubject(text: string): boolean {
  return SUBJECT_THEN_VERB.test(text.replace(LEADER, ''));
}

/** Whether text opens with an action: "Deliver …", "Delivering …", "Continuously iterate …". */
export function startsWithAction(analysis: Analysis, text: string): boolean {
  const first = openingWord(text);
  if (!first || opensWithSubject(text)) return false;
  if (first.length > 4 && first.endsWith('ing') && !NOT_ACTIONS.has(first)) return true;
  return isActionVerb(analysis, first);
}

/**
 * A short title opening with a gerund ("Adopting agile development", "Using open source") names
 * a theme or a section's topic; an action is stated ("Adopt agile development for every new
 * service") or numbered in a run of actions.
 */
function isTopicTitle(analysis: Analysis, title: string): boolean {
  const words = title.trim().split(/\s+/);
  return words.length <= MAX_TOPIC_WORDS && !opensWithVerb(analysis, title) && !LABEL.test(title) && !NUMERAL.test(title);
}

/** Whether text opens with an action verb in its base form ("Publish …", not "Publishing …"). */
function opensWithVerb(analysis: Analysis, text: string): boolean {
  const first = openingWord(text);
  return first !== '' && isActionVerb(analysis, first) && !opensWithSubject(text);
}

/** Someone who can own a commitment: we, the organisation or a part of it, a named body. */
const ACTOR = /\b(?:we|our|us|government|governments|department|departments|agency|agencies|council|councils|board|boards|committee|team|teams|trust|trusts|authority|authorities|office|ministry|directorate|unit|organi[sz]ations?|partners|staff|leaders|officers|managers|executives?|providers|services|body|bodies)\b/iu;
/** A named body: an acronym ("OMB") or a capitalised name of two words or more ("Digital Service"). */
const NAMED = /(?<![\p{L}])\p{Lu}{2,}(?![\p{L}])|\p{Lu}\p{Ll}+\s+\p{Lu}/u;
const MODAL = /\b(will|shall|must)\s+(?:(?:also|first|now|then|jointly|each|immediately|further|continue\s+to|seek\s+to|work\s+to|aim\s+to)\s+)*(\p{Ll}[\p{L}-]*)/gu;
// Documents and their parts are not actors either: "future action plans will …", "the Shared
// Solution Actions will support …", "the committee's charter will specify …" say what a text
// will hold or is for.
const NOT_ACTOR_HEAD = /\b(?:that|which|who|if|when|where|it|this|these|they|there|strateg(?:y|ies)|plans?|approach(?:es)?|frameworks?|polic(?:y|ies)|documents?|charters?|visions?|programmes?|programs?|actions?|models?|technology|technologies|system|systems|process|processes|platforms?|work|change|changes|solution|solutions|tool|tools|investment|investments)\s*$/i;
const NEGATED = /\b(?:will|shall|must|'ll)\s+not\b|\bwon't\b|\bshan't\b/i;
/** A "will" inside a clause that describes rather than commits: "how we will", "what we will". */
const EMBEDDED = /\b(?:how|what|where|why|whether|when)\s+$/i;
const RELATIVE = /\b(?:that|which|who|whom|whose)\b/i;
const NOT_ACTS = new Set(['be', 'not', 'have', 'need', 'become', 'remain', 'likely', 'probably', 'still', 'only', 'never', 'always', 'mean', 'depend', 'require', 'vary', 'take', 'come', 'see', 'find', 'face', 'help']);

/**
 * "The Council will publish …", "all agencies must adopt …": the modal's subject (the words
 * since the clause began) names someone who can act, and the verb is an action.
 */
function actorWill(analysis: Analysis, text: string): { index: number; verb: string } | null {
  for (const m of allMatches(MODAL, text)) {
    const verb = m[2]!;
    if (NOT_ACTS.has(verb) || !isActionVerb(analysis, verb)) continue;
    const before = text.slice(0, m.index);
    const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':')) + 1);
    const words = clause.trim().split(/\s+/);
    // The subject's head noun is its last word: "the Council" acts, "the new strategy" does not;
    // in "resources that the Government will use" the modal sits in a relative clause.
    if (words.length > 8 || NOT_ACTOR_HEAD.test(clause.trim()) || RELATIVE.test(clause)) continue;
    if (activitySubject(before, clause)) continue;
    if (ACTOR.test(clause) || NAMED.test(clause)) return { index: m.index!, verb };
  }
  return null;
}

/** A clause that opens with a new subject: "the Council", "we", "Digital Services". */
const NEW_SUBJECT = /^\s*(?:we|I|they|he|she|the|our|its|their|this|these|those|each|every|all|\p{Lu})/u;

/**
 * A subject that is an activity, not someone who acts: "Publishing a dashboard of services will
 * give …", "Sharing knowledge, skills and tools across teams will let …". What follows says what
 * the activity is for (a benefit), so the sentence commits no one. "Building on this, the Council
 * will …" opens a new subject after the comma and still commits the Council.
 */
function activitySubject(before: string, clause: string): boolean {
  const first = before.trimStart().split(/\s+/)[0]?.replace(/[^\p{L}-]/gu, '').toLowerCase() ?? '';
  if (first.length <= 4 || !first.endsWith('ing') || NOT_ACTIONS.has(first)) return false;
  return clause.length === before.length || !NEW_SUBJECT.test(clause);
}

/** The verb after "we will" in a commitment phrase, if the phrase is followed by one. */
function verbAfter(text: string, from: number): string | null {
  const word = /^\s+(?:(?:also|first|now|then|continue\s+to)\s+)*(\p{Ll}[\p{L}-]*)/u.exec(text.slice(from));
  return word ? word[1]! : null;
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

const SPACES = /\s+/g;

/** Whether a text has at most `most` words as `text.split(/\s+/)` counts them, without splitting it. */
function wordsAtMost(text: string, most: number): boolean {
  SPACES.lastIndex = 0;
  let words = 1;
  while (SPACES.exec(text)) if (++words > most) return false;
  return true;
}

/** Whether a text has at least `lines` lines, found without splitting it. */
function hasLines(text: string, lines: number): boolean {
  let at = -1;
  for (let n = 1; n < lines; n++) if ((at = text.indexOf('\n', at + 1)) < 0) return false;
  return true;
}

function memo<K, V>(fn: (k: K) => V): (k: K) => V {
  const cache = new Map<K, V>();
  return (k) => {
    if (!cache.has(k)) cache.set(k, fn(k));
    return cache.get(k)!;
  };
}
