// Copied text across documents: the bulk half of the cookie-cutter sign.
//
// Where a document is linted (a worker, or the main thread), it is reduced to a compact print:
// hashes of every run of SHINGLE words, thinned by winnowing (keep the smallest hash in each
// window of WINDOW consecutive runs), so any passage of SHINGLE + WINDOW - 1 or more shared words
// still leaves at least one shared hash; plus a table of its sentences to place and quote what
// matches. The main thread then sorts all the hashes of the run together and reads off the
// documents that share them: the work grows with the number of hashes, not with the number of
// pairs of documents. A changed word or two (an organisation's name, a year) only breaks the
// runs that contain it, and the passage either side is joined back up.

import type { Analysis, Section } from '../analysis/index.js';
import { quote } from '../core/rule.js';
import type { Directive, StrategyDocument } from '../core/types.js';

export const SHINGLE = 5;
export const WINDOW = 5;
/** The most words between two shared runs for them to count as one passage. */
const GAP = SHINGLE + WINDOW;
/** A hash shared by many documents is matched against this many of them, and the rest counted. */
const PARTNERS = 4;

/** Per sentence: first word, start and end offsets, line, column, end line, end column, section. */
const FIELDS = 8;

export interface CopyPrint {
  hashes: Uint32Array;
  /** The index of each hashed run's first word in the document's words. */
  at: Uint32Array;
  words: number;
  sentences: Int32Array;
  /** Each sentence's locator, as the document's format writes it. */
  locators: string[];
  /** Heading paths, indexed by the sentences' section field. */
  sections: string[][];
  /** The sentences' plain text one after another, to quote from. */
  text: string;
  /** Where each sentence starts in `text`, and where the last one ends. */
  textStarts: Uint32Array;
  directives: Directive[];
}

export function fingerprint(doc: StrategyDocument, analysis: Analysis): CopyPrint {
  const sentences = analysis.sentences;
  const table = new Int32Array(sentences.length * FIELDS);
  const locators: string[] = [];
  const sectionIds = new Map<Section, number>();
  const sections: string[][] = [];
  const textStarts = new Uint32Array(sentences.length + 1);
  const wordHashes: number[] = [];
  const pieces: string[] = [];
  let textLength = 0;

  sentences.forEach((sentence, i) => {
    const firstWord = wordHashes.length;
    // Quotations are shared on purpose (a national strategy, a patient's words): not copying.
    if (!sentence.block.inQuote) {
      for (const word of sentence.words) {
        const hash = wordHash(word);
        if (hash !== 0) wordHashes.push(hash);
      }
    }
    const section = sentence.block.section;
    let sectionId = sectionIds.get(section);
    if (sectionId === undefined) {
      sectionId = sections.length;
      sectionIds.set(section, sectionId);
      sections.push(section.path);
    }
    // A sentence can start with the white space before its first word.
    const start = sentence.sourceOffset(sentence.text.length - sentence.text.trimStart().length);
    const from = doc.toPoint(start);
    const to = doc.toPoint(sentence.end);
    table.set([firstWord, start, sentence.end, from.line, from.column, to.line, to.column, sectionId], i * FIELDS);
    locators.push(doc.locator(from, section.path));
    textStarts[i] = textLength;
    pieces.push(sentence.text);
    textLength += sentence.text.length + 1;
  });
  textStarts[sentences.length] = textLength;

  const { hashes, at } = winnow(shingles(wordHashes));
  return {
    hashes,
    at,
    words: wordHashes.length,
    sentences: table,
    locators,
    sections,
    text: pieces.join(' ') + ' ',
    textStarts,
    directives: doc.directives,
  };
}

/** A word's hash, case and punctuation aside, with every number the same; 0 for no word. */
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  let letters = 0;
  let digitsOnly = true;
  for (let i = 0; i < word.length; i++) {
    let c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c < 128 ? !((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) : c >= 0x2000 && c <= 0x206f) continue;
    if (c < 48 || c > 57) digitsOnly = false;
    if (c >= 128) c = word[i]!.toLowerCase().charCodeAt(0);
    hash = Math.imul(hash ^ c, 0x01000193);
    letters++;
  }
  if (letters === 0) return 0;
  if (digitsOnly) return 0x2d2d2d2d;
  return hash >>> 0 || 1;
}

function shingles(words: readonly number[]): Uint32Array {
  const count = words.length - SHINGLE + 1;
  if (count <= 0) return new Uint32Array(0);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x9747b28c;
    for (let j = 0; j < SHINGLE; j++) h = Math.imul(h ^ words[i + j]!, 0x5bd1e995) ^ (h >>> 13);
    // Mixed again so that the smallest hashes in a window are spread evenly.
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    out[i] = h >>> 0;
  }
  return out;
}

function winnow(all: Uint32Array): { hashes: Uint32Array; at: Uint32Array } {
  const picked: number[] = [];
  const width = Math.min(WINDOW, all.length);
  let last = -1;
  for (let start = 0; start + width <= all.length && width > 0; start++) {
    let min = start;
    for (let j = start + 1; j < start + width; j++) if (all[j]! <= all[min]!) min = j;
    if (min !== last) picked.push(min);
    last = min;
  }
  const at = Uint32Array.from(picked);
  return { hashes: at.map((i) => all[i]!), at };
}

/** A passage of one document shared with another. Word indices; ends are exclusive. */
export interface SharedPassage {
  start: number;
  end: number;
  other: number;
  otherStart: number;
  otherEnd: number;
  /** How many other documents share some of it (the one named included). */
  sharedWith: number;
}

/**
 * Finds the passages each document shares with the others. `prints[i]` is undefined for a
 * document that was not fingerprinted; passages are found for the documents in `wanted` only
 * (templates are matched against but get no passages of their own).
 */
export function matchPrints(prints: ReadonlyArray<CopyPrint | undefined>, wanted: (index: number) => boolean): Map<number, SharedPassage[]> {
  let total = 0;
  for (const p of prints) total += p?.hashes.length ?? 0;
  const hash = new Uint32Array(total);
  const doc = new Uint32Array(total);
  const pos = new Uint32Array(total);
  let n = 0;
  prints.forEach((p, d) => {
    if (!p) return;
    hash.set(p.hashes, n);
    doc.fill(d, n, n + p.hashes.length);
    pos.set(p.at, n);
    n += p.hashes.length;
  });
  const order = new Uint32Array(total);
  for (let i = 0; i < total; i++) order[i] = i;
  order.sort((a, b) => hash[a]! - hash[b]! || a - b);

  // One record per (document, shared hash, partner): document, position, partner, partner's position, documents sharing.
  const records: number[] = [];
  for (let g = 0; g < total; ) {
    let end = g + 1;
    while (end < total && hash[order[end]!] === hash[order[g]!]) end++;
    if (end - g > 1) {
      const docs: number[] = [];
      const firstPos: number[] = [];
      for (let k = g; k < end; k++) {
        const i = order[k]!;
        if (docs[docs.length - 1] !== doc[i]) {
          docs.push(doc[i]!);
          firstPos.push(pos[i]!);
        }
      }
      if (docs.length > 1) {
        for (let k = g; k < end; k++) {
          const i = order[k]!;
          const d = doc[i]!;
          if (!wanted(d)) continue;
          let partners = 0;
          for (let m = 0; m < docs.length && partners < PARTNERS; m++) {
            if (docs[m] === d) continue;
            records.push(d, pos[i]!, docs[m]!, firstPos[m]!, docs.length - 1);
            partners++;
          }
        }
      }
    }
    g = end;
  }

  const count = records.length / 5;
  const byPair = new Uint32Array(count);
  for (let i = 0; i < count; i++) byPair[i] = i;
  const r = (i: number, field: number) => records[i * 5 + field]!;
  byPair.sort((a, b) => r(a, 0) - r(b, 0) || r(a, 2) - r(b, 2) || r(a, 1) - r(b, 1) || r(a, 3) - r(b, 3));

  const passages = new Map<number, SharedPassage[]>();
  let current: (SharedPassage & { doc: number; lastOther: number }) | null = null;
  const flush = () => {
    if (!current) return;
    const { doc: d, lastOther: _, ...passage } = current;
    const list = passages.get(d) ?? [];
    list.push(passage);
    passages.set(d, list);
    current = null;
  };
  for (let k = 0; k < count; k++) {
    const i = byPair[k]!;
    const d = r(i, 0);
    const p = r(i, 1);
    const o = r(i, 2);
    const q = r(i, 3);
    if (current && current.doc === d && current.other === o && p - (current.end - SHINGLE) <= GAP && q + SHINGLE > current.lastOther - GAP && q - current.lastOther <= GAP) {
      current.end = Math.max(current.end, p + SHINGLE);
      current.otherStart = Math.min(current.otherStart, q);
      current.otherEnd = Math.max(current.otherEnd, q + SHINGLE);
      current.lastOther = q;
      current.sharedWith = Math.max(current.sharedWith, r(i, 4));
      continue;
    }
    flush();
    current = { doc: d, start: p, end: p + SHINGLE, other: o, otherStart: q, otherEnd: q + SHINGLE, lastOther: q, sharedWith: r(i, 4) };
  }
  flush();

  // One passage per stretch of a document, naming the longest match (then the first document).
  for (const [d, list] of passages) {
    list.sort((a, b) => a.start - b.start || a.end - b.end || a.other - b.other);
    const merged: SharedPassage[] = [];
    let group: SharedPassage[] = [];
    let groupEnd = -1;
    const close = () => {
      if (!group.length) return;
      const best = [...group].sort((a, b) => b.end - b.start - (a.end - a.start) || a.other - b.other)[0]!;
      const partners = new Set(group.map((x) => x.other)).size;
      merged.push({
        ...best,
        start: Math.min(...group.map((x) => x.start)),
        end: Math.max(...group.map((x) => x.end)),
        sharedWith: Math.max(partners, ...group.map((x) => x.sharedWith)),
      });
      group = [];
    };
    for (const passage of list) {
      if (passage.start >= groupEnd) close();
      group.push(passage);
      groupEnd = Math.max(groupEnd, passage.end);
    }
    close();
    passages.set(d, merged);
  }
  return passages;
}

/** Where a stretch of words sits: the sentences it spans. */
export interface PlacedPassage {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  locator: string;
  headingPath: string[];
  evidence: string;
}

export function place(print: CopyPrint, startWord: number, endWord: number): PlacedPassage {
  const first = sentenceOf(print, startWord);
  const last = Math.max(first, sentenceOf(print, endWord - 1));
  const s = print.sentences;
  const textFrom = print.textStarts[first]!;
  const textTo = Math.min(print.textStarts[last + 1]!, textFrom + 400);
  return {
    start: s[first * FIELDS + 1]!,
    end: s[last * FIELDS + 2]!,
    line: s[first * FIELDS + 3]!,
    column: s[first * FIELDS + 4]!,
    endLine: s[last * FIELDS + 5]!,
    endColumn: s[last * FIELDS + 6]!,
    locator: print.locators[first]!,
    headingPath: print.sections[s[first * FIELDS + 7]!]!,
    evidence: quote(print.text.slice(textFrom, textTo), 200),
  };
}

/**
 * The sentence holding a word: the last whose first word is at or before it (a sentence with no
 * words of its own, a quotation, shares its first word with the next and comes before it).
 */
function sentenceOf(print: CopyPrint, word: number): number {
  const s = print.sentences;
  let lo = 0;
  let hi = s.length / FIELDS - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid * FIELDS]! <= word) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Transferable parts of a print, for postMessage. */
export function transferables(print: CopyPrint): ArrayBuffer[] {
  return [print.hashes.buffer, print.at.buffer, print.sentences.buffer, print.textStarts.buffer] as ArrayBuffer[];
}
