// One normalisation step between the format adapters and the analysis, for what a conversion
// (PDF to text, a web page saved as text) leaves in a document, whatever its format now is:
//  - running headers and footers (the same short line on page after page) and lone page
//    numbers are dropped, as the DOCX adapter drops Word's own headers and footers; a lead-in
//    repeated over each theme's list ("We will:") is not one;
//  - a paragraph cut in two by a page break (the first part ends mid-sentence, the second starts
//    in lower case, or with a number that carries the sentence on) is joined again, and so is a
//    list that a dropped header or page number cut in two;
//  - bullets flattened into a paragraph ("• one • two • three") become a list again;
//  - in text with no heading markup at all, a line of capitals alone ("OUR VISION", "6. KEY
//    INITIATIVES 2026–2031") is a heading, as a PDF's headings come out of its text.
// The tree is copied where it changes; positions still point into the document's text, so every
// finding keeps its place.

import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Point } from '../core/types.js';
import { toString } from 'mdast-util-to-string';
import { allMatches } from '../core/all-matches.js';

/** A line seen this often, short and the same apart from its numbers, is a running header or footer. */
const MIN_REPEATS = 3;
const MAX_RUNNING_WORDS = 12;
const MAX_RUNNING_CHARS = 120;
const PAGE_NUMBER = /^\s*(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?\s*$/i;
const ENDS_SENTENCE = /[.!?:;)\]"'”’]\s*$/;
const STARTS_LOWER = /^\s*\p{Ll}/u;
/** A number and then punctuation or a word in lower case: the middle of a sentence, not a section's number ("3 How we will know"). */
const NUMBER_GOING_ON = /^\s*\d[\d,.]*(?:[,;)%]|\s+\p{Ll})/u;
/** "c. Where …", "ii) …": a lettered or roman list item, not the rest of a sentence. */
const LIST_LABEL = /^\s*(?:[a-z]|[ivx]{1,4})[.)]\s/;
const BULLET = /(?:^|\s)[•▪◦●■]\s+/gu;
const MIN_INLINE_BULLETS = 2;
/** A heading set in capitals is short, has no sentence or list punctuation, and is more than an acronym. */
const MAX_CAPITALS_HEADING_WORDS = 10;
const MIN_CAPITALS_HEADING_LETTERS = 4;
const NOT_A_HEADING = /[.!?:;,]\s*$|,/;

export function normaliseTree(tree: Root, toPoint: (offset: number) => Point, source?: string): Root {
  const running = runningLines(tree);
  const children: RootContent[] = [];
  const dropped: Array<[number, number]> = [];
  // Whether debris was dropped since the last node kept: a page break lies between them.
  let acrossBreak = false;
  for (const node of tree.children) {
    if (node.type === 'paragraph' && isDebris(node, running)) {
      if (node.position) dropped.push([node.position.start.offset!, node.position.end.offset!]);
      acrossBreak = true;
      continue;
    }
    const previous = children[children.length - 1];
    if (node.type === 'paragraph' && previous?.type === 'paragraph' && continues(previous, node, acrossBreak)) {
      children[children.length - 1] = joined(previous, node);
    } else {
      children.push(node);
    }
    acrossBreak = false;
  }
  const unmarked = !tree.children.some((node) => node.type === 'heading');
  const out = children
    .flatMap((node) => (unmarked ? withHeadings(node) : [node]))
    .map((node) => (node.type === 'paragraph' ? (asList(node, toPoint, source) ?? node) : node))
    .reduce<RootContent[]>((kept, node) => {
      const previous = kept[kept.length - 1];
      if (previous?.type === 'list' && node.type === 'list' && source !== undefined && oneListAcrossDebris(previous, node, dropped, source)) {
        kept[kept.length - 1] = { ...previous, children: [...previous.children, ...node.children], position: { start: previous.position!.start, end: node.position!.end } };
      } else {
        kept.push(node);
      }
      return kept;
    }, []);
  const changed = out.length !== tree.children.length || out.some((node, i) => node !== tree.children[i]);
  return changed ? { ...tree, children: out } : tree;
}

/** The texts of short top-level paragraphs that recur, numbers ignored ("Northshire Council | 4"). */
function runningLines(tree: Root): Set<string> {
  const counts = new Map<string, { n: number; texts: Set<string> }>();
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    const key = lineKey(node);
    if (!key) continue;
    const seen = counts.get(key) ?? { n: 0, texts: new Set<string>() };
    seen.n++;
    seen.texts.add(toString(node).trim());
    counts.set(key, seen);
  }
  // A line that recurs word for word is running text; one whose number changes must have more
  // than one word besides it ("Northshire Council | 4"), or it is a label ("Recommendation 4").
  return new Set(
    [...counts]
      .filter(([key, seen]) => seen.n >= MIN_REPEATS && (seen.texts.size === 1 || key.replace(/#/g, ' ').trim().split(/\s+/).length >= 2))
      .map(([key]) => key),
  );
}

function lineKey(node: Paragraph): string | null {
  const text = toString(node).trim();
  // Words, not the separators between a running header's parts ("Northshire Council | Digital Strategy | 7").
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (!text || text.length > MAX_RUNNING_CHARS || words > MAX_RUNNING_WORDS || /\n/.test(text)) return null;
  // A lead-in ("We will:") introduces what follows it, however often a document repeats it; a
  // running header or footer introduces nothing.
  if (text.endsWith(':')) return null;
  const key = text.replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase();
  return /\p{L}/u.test(key) ? key : null;
}

function isDebris(node: Paragraph, running: Set<string>): boolean {
  const text = toString(node);
  if (PAGE_NUMBER.test(text)) return true;
  const key = lineKey(node);
  return key !== null && running.has(key);
}

/**
 * Two lists of one kind with nothing between them but a dropped header, footer or page number:
 * one list that a page break cut in two, so its items keep the lead-in above it ("We will:").
 */
function oneListAcrossDebris(first: List, second: List, dropped: ReadonlyArray<[number, number]>, source: string): boolean {
  const from = first.position?.end.offset;
  const to = second.position?.start.offset;
  if (from === undefined || to === undefined || Boolean(first.ordered) !== Boolean(second.ordered)) return false;
  if (first.ordered && second.start != null && second.start !== (first.start ?? 1) + first.children.length) return false;
  const inside = dropped.filter(([start, end]) => start >= from && end <= to);
  if (inside.length === 0) return false;
  let gap = '';
  let at = from;
  for (const [start, end] of inside) {
    gap += source.slice(at, start);
    at = end;
  }
  gap += source.slice(at, to);
  return gap.trim() === '';
}

/**
 * The second paragraph carries on the first's sentence across a page break: it starts in lower
 * case, or, where a dropped header or page number shows the break, with a number that goes on
 * with the sentence ("by April | 2027, replacing …", "about | 300 forms a week").
 */
function continues(first: Paragraph, second: Paragraph, acrossBreak: boolean): boolean {
  const a = toString(first);
  const b = toString(second);
  const starts = STARTS_LOWER.test(b) || (acrossBreak && NUMBER_GOING_ON.test(b));
  return a.length > 0 && !ENDS_SENTENCE.test(a) && starts && !LIST_LABEL.test(b) && Boolean(first.position && second.position);
}

/** One paragraph from two, with a space that spans the gap so sentences run across it. */
function joined(first: Paragraph, second: Paragraph): Paragraph {
  const bridge: Text = { type: 'text', value: ' ', position: { start: first.position!.end, end: second.position!.start } };
  return { ...first, children: [...first.children, bridge, ...second.children], position: { start: first.position!.start, end: second.position!.end } };
}

/**
 * A paragraph of plain text made of two or more bulleted pieces becomes a list, one item per
 * bullet. The paragraph may be one joined across a page break (its text, the bridge over the
 * break, more text): an item that runs over the break keeps its pieces, each with its place.
 */
function asList(node: Paragraph, toPoint: (offset: number) => Point, source?: string): Paragraph | List | null {
  if (!node.children.every((c) => c.type === 'text' && c.position?.start.offset !== undefined)) return null;
  const parts = (node.children as Text[]).map((text) => ({ text, from: 0, at: sourceOffsets(text.value, text.position!.start.offset!, source) }));
  let value = '';
  for (const part of parts) {
    part.from = value.length;
    value += part.text.value;
  }
  const marks = allMatches(BULLET, value);
  if (marks.length < MIN_INLINE_BULLETS || value.slice(0, marks[0]!.index).trim()) return null;
  /** The text nodes for value[from, to): a piece of each part it covers; a whole part (the bridge) keeps its own place. */
  const pieces = (from: number, to: number): Text[] =>
    parts.flatMap(({ text, from: partFrom, at }) => {
      const a = Math.max(from, partFrom);
      const b = Math.min(to, partFrom + text.value.length);
      if (a >= b) return [];
      if (a === partFrom && b === partFrom + text.value.length && text.value.trim() === '') return [text];
      const position = { start: toPoint(at(a - partFrom)), end: toPoint(at(b - 1 - partFrom) + 1) };
      return [{ type: 'text' as const, value: value.slice(a, b), position }];
    });
  const items: ListItem[] = marks.map((m, i) => {
    // From the space after the bullet, so that items on one line stay apart as sentences.
    const from = m.index! + m[0].length - 1;
    const to = from + value.slice(from, i + 1 < marks.length ? marks[i + 1]!.index! : value.length).trimEnd().length;
    const content: PhrasingContent[] = pieces(from, to);
    const position = { start: content[0]!.position!.start, end: content[content.length - 1]!.position!.end };
    return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: content, position }], position };
  });
  return { type: 'list', ordered: false, spread: false, children: items, position: node.position };
}

/**
 * Where each character of a text node's value sits in the source: the parser drops the indent
 * of a paragraph's continuation lines ("•  item" wrapped under its first word), so the value is
 * shorter than the source it came from and an item's place drifts with every wrapped line.
 */
function sourceOffsets(value: string, base: number, source: string | undefined): (i: number) => number {
  if (source === undefined || source.startsWith(value, base)) return (i) => base + i;
  const map = new Array<number>(value.length);
  let j = base;
  for (let i = 0; i < value.length; i++) {
    while (j < source.length && source[j] !== value[i] && /\s/.test(source[j]!)) j++;
    map[i] = j < source.length ? j : base + i;
    j++;
  }
  return (i) => (i < map.length ? map[i]! : (map[map.length - 1] ?? base) + i - map.length + 1);
}

/**
 * A line of capitals alone becomes a heading: a paragraph, or an item of a numbered list ("6. KEY
 * INITIATIVES" reads as a list item, and runs on from a contents list above it), which splits the
 * list around it.
 */
function withHeadings(node: RootContent): RootContent[] {
  if (node.type === 'paragraph') return [capitalsHeading(node, node) ?? node];
  if (node.type !== 'list' || !node.ordered) return [node];
  const out: RootContent[] = [];
  let items: ListItem[] = [];
  const flush = () => {
    if (!items.length) return;
    const position = items[0]!.position && items[items.length - 1]!.position ? { start: items[0]!.position!.start, end: items[items.length - 1]!.position!.end } : node.position;
    out.push(items.length === node.children.length ? node : { ...node, children: items, position });
    items = [];
  };
  for (const item of node.children) {
    const only = item.children.length === 1 ? item.children[0] : undefined;
    const heading = only?.type === 'paragraph' ? capitalsHeading(only, item) : null;
    if (!heading) {
      items.push(item);
      continue;
    }
    flush();
    out.push(heading);
  }
  flush();
  return out;
}

/** A heading from a paragraph that is one short line of capitals, placed where `at` is. */
function capitalsHeading(paragraph: Paragraph, at: { position?: Paragraph['position'] }): Heading | null {
  if (paragraph.children.length !== 1 || paragraph.children[0]!.type !== 'text') return null;
  const text = paragraph.children[0].value.trim();
  if (!text || /\n/.test(text) || NOT_A_HEADING.test(text) || text.split(/\s+/).length > MAX_CAPITALS_HEADING_WORDS) return null;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < MIN_CAPITALS_HEADING_LETTERS || letters !== letters.toUpperCase() || !/\p{Lu}/u.test(letters)) return null;
  return { type: 'heading', depth: 2, children: paragraph.children, position: at.position };
}
