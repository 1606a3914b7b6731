// The hard limits on what one document may make stratlint do, in one place. Beyond each, the
// part of the document concerned is left out of the analysis and the skipped-text rule says so
// (src/formats/limits.ts cuts the tree, src/analysis/sentences.ts drops sentences). Real
// strategies stay far inside them: the shared corpus nests at most 6 levels, has at most 38
// headings and its longest sentence has 147 words (1,012 characters).

import type { SkippedText } from './types.js';

export const MAX_NESTING = 100;
export const MAX_HEADINGS = 1000;
export const MAX_EMPHASIS_MARKS = 500;
export const MAX_SENTENCE_WORDS = 300;
export const MAX_SENTENCE_CHARS = 3000;

// What the skipped-text rule says about each.
export const NESTED_TOO_DEEP = `Nested more than ${MAX_NESTING} levels deep: this part was not analysed`;
export const TOO_MUCH_EMPHASIS = `More than ${MAX_EMPHASIS_MARKS} emphasis marks (*, _, ~) in one paragraph: it was not analysed`;
export const TOO_MANY_HEADINGS = `More than ${MAX_HEADINGS.toLocaleString('en')} headings: the text from here on was not analysed`;
export const SENTENCE_TOO_LONG = `Sentence of more than ${MAX_SENTENCE_WORDS} words or ${MAX_SENTENCE_CHARS.toLocaleString('en')} characters: it was not analysed`;

/**
 * Adds a part left out, merged into the last one when they overlap or only white space lies
 * between them, so that a run of skipped lines or blocks is reported once.
 */
export function addSkipped(list: SkippedText[], part: SkippedText, text: string): void {
  const last = list[list.length - 1];
  if (last && last.reason === part.reason && part.start >= last.start && /^\s*$/.test(text.slice(last.end, Math.max(last.end, part.start)))) {
    last.end = Math.max(last.end, part.end);
    return;
  }
  list.push(part);
}

/** Both lists in the order of the text (each already in order), the neighbours merged. */
export function mergeSkipped(a: SkippedText[], b: SkippedText[], text: string): SkippedText[] {
  const out: SkippedText[] = [];
  for (const part of [...a, ...b].sort((x, y) => x.start - y.start)) addSkipped(out, { ...part }, text);
  return out;
}
