// Hard limits on a document's shape (src/core/limits.ts), so that no input makes parsing or
// analysis run away or overflow the stack: text nested deeper than MAX_NESTING, and everything
// from the heading after the MAX_HEADINGS-th, is left out of the tree. Each part left out is
// recorded once (merged with its neighbours), for the skipped-text rule to report.

import type { Nodes, Parents, Root } from 'mdast';
import { addSkipped, MAX_EMPHASIS_MARKS, MAX_HEADINGS, MAX_NESTING, NESTED_TOO_DEEP, TOO_MANY_HEADINGS, TOO_MUCH_EMPHASIS } from '../core/limits.js';
import type { SkippedText } from '../core/types.js';

/**
 * The Markdown text with the lines micromark cannot parse in bounded time blanked, its length
 * and line breaks kept so that every offset still points at the same place in the source:
 *
 * - a line that opens more than MAX_NESTING containers (">" quotes, list markers): micromark's
 *   time and memory grow with the containers open on a line (3,000 lines of ever deeper ">"
 *   quotes took 4 GB; "- " repeated 5,000 times on a line took seconds, then the walks over
 *   the tree overflowed the stack);
 * - a paragraph with more than MAX_EMPHASIS_MARKS runs of "*", "_" or "~": micromark pairs
 *   them up in time that grows with the square of their number (4,000 took 50 s).
 *
 * One pass; each line's prefix is read only up to its first character that is not a marker.
 */
export function blankHostileLines(text: string): { text: string; skipped: SkippedText[] } {
  const skipped: SkippedText[] = [];
  // The paragraph being read: where it starts and ends, and its emphasis marks so far.
  let chunkStart = -1;
  let chunkEnd = 0;
  let marks = 0;
  const endChunk = () => {
    if (chunkStart >= 0 && marks > MAX_EMPHASIS_MARKS) addSkipped(skipped, { start: chunkStart, end: chunkEnd, reason: TOO_MUCH_EMPHASIS }, text);
    chunkStart = -1;
    marks = 0;
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let end = lineEnd;
    if (end > lineStart && text.charCodeAt(end - 1) === 13) end--;
    const prefix = linePrefix(text, lineStart, end);
    if (prefix.depth > MAX_NESTING) {
      endChunk();
      addSkipped(skipped, { start: lineStart, end, reason: NESTED_TOO_DEEP }, text);
    } else {
      // A blank line, a list item or a heading starts another run of inline text.
      if (prefix.end === end || prefix.listItem || text.charCodeAt(prefix.end) === 35 /* # */) endChunk();
      if (prefix.end < end) {
        if (chunkStart < 0) chunkStart = lineStart;
        chunkEnd = end;
        marks += emphasisRuns(text, prefix.end, end);
      }
    }
    lineStart = lineEnd + 1;
  }
  endChunk();
  if (skipped.length === 0) return { text, skipped };
  skipped.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const s of skipped) {
    parts.push(text.slice(at, s.start), text.slice(s.start, s.end).replace(/[^\r\n]/g, ' '));
    at = s.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), skipped };
}

/**
 * How many quote and list markers open the line (counting no further than one past the limit),
 * whether one is a list marker, and where the line's content starts.
 */
function linePrefix(text: string, from: number, to: number): { depth: number; listItem: boolean; end: number } {
  let depth = 0;
  let listItem = false;
  let i = from;
  const spaceAt = (j: number) => j >= to || text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9;
  while (i < to && depth <= MAX_NESTING) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      i++;
    } else if (c === 62 /* > */) {
      depth++;
      i++;
    } else if ((c === 45 /* - */ || c === 42 /* * */ || c === 43) /* + */ && spaceAt(i + 1)) {
      depth++;
      listItem = true;
      i++;
    } else if (c >= 48 && c <= 57) {
      let j = i;
      while (j < to && j - i < 10 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const after = text.charCodeAt(j);
      if ((after !== 46 /* . */ && after !== 41) /* ) */ || !spaceAt(j + 1)) break;
      depth++;
      listItem = true;
      i = j + 1;
    } else {
      break;
    }
  }
  return { depth, listItem, end: i };
}

/** The runs of "*", "_" or "~" between `from` and `to` ("*_" is two, as micromark reads it). */
function emphasisRuns(text: string, from: number, to: number): number {
  let runs = 0;
  let previous = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c === 42 || c === 95 || c === 126) && c !== previous) runs++;
    previous = c;
  }
  return runs;
}

/**
 * Cuts the tree at the limits, in place, and returns what was left out. Iterative, so that no
 * depth of tree can overflow the stack here; after it, no tree is deep enough to overflow the
 * recursive walks of the analysis and its libraries.
 */
export function limitTree(tree: Root, text: string): SkippedText[] {
  const skipped: SkippedText[] = [];
  const cut = cutAfterHeadings(tree, text);
  // Each top-level block, depth first: what is cut from one block is one part left out.
  for (const block of tree.children) {
    if (!('children' in block)) continue;
    let part: SkippedText | null = null;
    const stack: Array<{ node: Parents; depth: number }> = [{ node: block, depth: 1 }];
    while (stack.length > 0) {
      const { node, depth } = stack.pop()!;
      if (depth >= MAX_NESTING) {
        if (node.children.length > 0) {
          part ??= { start: startOf(node), end: endOf(node), reason: NESTED_TOO_DEEP };
          part.start = Math.min(part.start, startOf(node));
          part.end = Math.max(part.end, endOf(node));
        }
        node.children = [];
        continue;
      }
      for (const child of node.children as Nodes[]) if ('children' in child) stack.push({ node: child, depth: depth + 1 });
    }
    if (part) addSkipped(skipped, part, text);
  }
  // What was cut comes after all that is left.
  if (cut) skipped.push(cut);
  return skipped;
}

/** Drops the top-level blocks from the one holding the heading after the MAX_HEADINGS-th. */
function cutAfterHeadings(tree: Root, text: string): SkippedText | null {
  let headings = 0;
  for (let i = 0; i < tree.children.length; i++) {
    const stack: Nodes[] = [tree.children[i]!];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'heading' && ++headings > MAX_HEADINGS) {
        const start = startOf(tree.children[i]!);
        tree.children.length = i;
        return { start, end: text.length, reason: TOO_MANY_HEADINGS };
      }
      // Headings hold only phrasing content, which holds no headings.
      if ('children' in node && node.type !== 'heading' && node.type !== 'paragraph') {
        for (let j = node.children.length - 1; j >= 0; j--) stack.push(node.children[j] as Nodes);
      }
    }
  }
  return null;
}

function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

function endOf(node: Nodes): number {
  return node.position?.end.offset ?? startOf(node);
}
