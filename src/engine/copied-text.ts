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
/** Per run of shared hashes: document, start, end, partner, partner's start and end, documents sharing. */
const RUN = 7;

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
  // Typed arrays and plain loops throughout: on 2,000 documents with much boilerplate in common
  // there were 380,000 hashes and 1,300,000 shared pairs, and this runs on the main thread after
  // every document is done (and in a merge of shards), so its time goes straight onto the run's.
  let total = 0;
  for (const p of prints) total += p?.hashes.length ?? 0;
  const hash = new Uint32Array(total);
  const doc = new Uint32Array(total);
  const pos = new Uint32Array(total);
  const isWanted = new Uint8Array(prints.length);
  let n = 0;
  prints.forEach((p, d) => {
    if (!p) return;
    isWanted[d] = wanted(d) ? 1 : 0;
    hash.set(p.hashes, n);
    doc.fill(d, n, n + p.hashes.length);
    pos.set(p.at, n);
    n += p.hashes.length;
  });
  // By hash, and where hashes are equal by index (the radix sort is stable).
  const order = radixOrder(hash);

  // Each hash held by more than one document: how many hold it, and the first PARTNERS + 1 of
  // them (by index) with where each first has it: enough to name PARTNERS others to any of them.
  const SLOTS = PARTNERS + 1;
  const groupOf = new Int32Array(total).fill(-1);
  const groupKinds = new Uint32Array((total >> 1) + 1);
  const groupDocs = new Uint32Array(groupKinds.length * SLOTS);
  const groupFirst = new Uint32Array(groupKinds.length * SLOTS);
  let groups = 0;
  for (let g = 0; g < total; ) {
    let end = g + 1;
    while (end < total && hash[order[end]!] === hash[order[g]!]) end++;
    if (end - g > 1) {
      const base = groups * SLOTS;
      let kinds = 0;
      let last = -1;
      for (let k = g; k < end; k++) {
        const i = order[k]!;
        if (doc[i] === last) continue;
        if (kinds < SLOTS) {
          groupDocs[base + kinds] = doc[i]!;
          groupFirst[base + kinds] = pos[i]!;
        }
        last = doc[i]!;
        kinds++;
      }
      if (kinds > 1) {
        groupKinds[groups] = kinds;
        for (let k = g; k < end; k++) groupOf[order[k]!] = groups;
        groups++;
      }
    }
    g = end;
  }

  // Runs of shared hashes for one pair of documents, close together on both sides, are one
  // passage. The hashes are in order of document and then position, so each document's runs with
  // each partner grow in one pass, each partner's open run kept in a slot, and are made in order
  // of start. A document's runs are done when the next document begins: they are read into its
  // passages then, and their room used again, so the runs (a million on 2,000 documents of much
  // shared boilerplate) are never all held at once.
  let runs = new Uint32Array(1024 * RUN);
  const slotDoc = new Int32Array(prints.length).fill(-1);
  const slotRun = new Uint32Array(prints.length);
  const slotLast = new Uint32Array(prints.length);
  const passages = new Map<number, SharedPassage[]>();
  const marks: PartnerMarks = { seen: new Uint32Array(prints.length), stamp: 0 };
  let found = 0;
  let current = -1;
  for (let i = 0; i < total; i++) {
    const group = groupOf[i]!;
    if (group < 0 || isWanted[doc[i]!] === 0) continue;
    const d = doc[i]!;
    if (d !== current) {
      if (found > 0) passages.set(current, passagesOf(runs, found, marks));
      found = 0;
      current = d;
    }
    const p = pos[i]!;
    const kinds = groupKinds[group]!;
    const base = group * SLOTS;
    let partners = 0;
    for (let m = 0; m < Math.min(kinds, SLOTS) && partners < PARTNERS; m++) {
      const o = groupDocs[base + m]!;
      if (o === d) continue;
      partners++;
      const q = groupFirst[base + m]!;
      const sharing = kinds - 1;
      const r = slotRun[o]! * RUN;
      const lastOther = slotLast[o]!;
      slotLast[o] = q;
      if (slotDoc[o] === d && p - (runs[r + 2]! - SHINGLE) <= GAP && q + SHINGLE > lastOther - GAP && q - lastOther <= GAP) {
        runs[r + 2] = Math.max(runs[r + 2]!, p + SHINGLE);
        runs[r + 4] = Math.min(runs[r + 4]!, q);
        runs[r + 5] = Math.max(runs[r + 5]!, q + SHINGLE);
        runs[r + 6] = Math.max(runs[r + 6]!, sharing);
      } else {
        if ((found + 1) * RUN > runs.length) {
          const grown = new Uint32Array(runs.length * 2);
          grown.set(runs);
          runs = grown;
        }
        const n = found * RUN;
        runs[n] = d;
        runs[n + 1] = p;
        runs[n + 2] = p + SHINGLE;
        runs[n + 3] = o;
        runs[n + 4] = q;
        runs[n + 5] = q + SHINGLE;
        runs[n + 6] = sharing;
        slotDoc[o] = d;
        slotRun[o] = found;
        found++;
      }
    }
  }
  if (found > 0) passages.set(current, passagesOf(runs, found, marks));
  return passages;
}

/**
 * One document's passages from its runs (in order of start), one per stretch of the document,
 * naming the longest match (then the first document). Runs of one start are in one stretch
 * whatever their order, and mergeGroup's choice does not depend on it (a pair of documents has
 * one run at a start).
 */
function passagesOf(runs: Uint32Array, found: number, marks: PartnerMarks): SharedPassage[] {
  const list: SharedPassage[] = [];
  for (let from = 0; from < found; ) {
    let groupEnd = runs[from * RUN + 2]!;
    let to = from + 1;
    for (; to < found; to++) {
      const r = to * RUN;
      if (runs[r + 1]! >= groupEnd) break;
      groupEnd = Math.max(groupEnd, runs[r + 2]!);
    }
    list.push(mergeGroup(runs, from, to, marks));
    from = to;
  }
  return list;
}

/**
 * The indices of `keys` in order of key and, where keys are equal, of index. A least-significant-
 * digit radix sort, 11 bits at a time, each pass stable: with a comparison function, sorting the
 * hashes of 800 documents of much shared boilerplate took most of the matching's time.
 */
function radixOrder(keys: Uint32Array): Uint32Array {
  const BITS = 11;
  const MASK = (1 << BITS) - 1;
  const count = keys.length;
  let order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  let next = new Uint32Array(count);
  // The keys move with the order, so that every pass reads them in sequence.
  let sorted = keys.slice();
  let nextSorted = new Uint32Array(count);
  const starts = new Uint32Array(MASK + 2);
  for (let shift = 0; shift < 32; shift += BITS) {
    starts.fill(0);
    for (let i = 0; i < count; i++) starts[((sorted[i]! >>> shift) & MASK) + 1]!++;
    for (let d = 1; d <= MASK + 1; d++) starts[d]! += starts[d - 1]!;
    for (let i = 0; i < count; i++) {
      const at = starts[(sorted[i]! >>> shift) & MASK]!++;
      next[at] = order[i]!;
      nextSorted[at] = sorted[i]!;
    }
    [order, next] = [next, order];
    [sorted, nextSorted] = [nextSorted, sorted];
  }
  return order;
}

/** The partners a passage has counted, marked with its own stamp, so that no set is made for each passage. */
interface PartnerMarks {
  seen: Uint32Array;
  stamp: number;
}

/** Overlapping runs (runs from..to) as one passage: their extent, the longest (then first) match's partner. */
function mergeGroup(runs: Uint32Array, from: number, to: number, marks: PartnerMarks): SharedPassage {
  let best = from * RUN;
  let start = runs[best + 1]!;
  let end = runs[best + 2]!;
  let sharedWith = 0;
  let partners = 0;
  const { seen } = marks;
  const stamp = ++marks.stamp;
  for (let i = from; i < to; i++) {
    const x = i * RUN;
    const longer = runs[x + 2]! - runs[x + 1]! - (runs[best + 2]! - runs[best + 1]!);
    if (longer > 0 || (longer === 0 && runs[x + 3]! < runs[best + 3]!)) best = x;
    start = Math.min(start, runs[x + 1]!);
    end = Math.max(end, runs[x + 2]!);
    sharedWith = Math.max(sharedWith, runs[x + 6]!);
    const partner = runs[x + 3]!;
    if (seen[partner] !== stamp) {
      seen[partner] = stamp;
      partners++;
    }
  }
  return { start, end, other: runs[best + 3]!, otherStart: runs[best + 4]!, otherEnd: runs[best + 5]!, sharedWith: Math.max(partners, sharedWith) };
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

/** Where a passage starting at a word is: its first sentence's locator, as place gives it. */
export function locatorAt(print: CopyPrint, startWord: number): string {
  return print.locators[sentenceOf(print, startWord)]!;
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

/** A print as JSON (a shard's report, the cache): typed arrays as base64. */
export interface EncodedPrint {
  hashes: string;
  at: string;
  words: number;
  sentences: string;
  locators: string[];
  sections: string[][];
  text: string;
  textStarts: string;
  directives: CopyPrint['directives'];
}

export function encodePrint(print: CopyPrint): EncodedPrint {
  return {
    hashes: base64(print.hashes),
    at: base64(print.at),
    words: print.words,
    sentences: base64(print.sentences),
    locators: print.locators,
    sections: print.sections,
    text: print.text,
    textStarts: base64(print.textStarts),
    directives: print.directives,
  };
}

export function decodePrint(encoded: EncodedPrint): CopyPrint {
  return {
    hashes: new Uint32Array(bytes(encoded.hashes)),
    at: new Uint32Array(bytes(encoded.at)),
    words: encoded.words,
    sentences: new Int32Array(bytes(encoded.sentences)),
    locators: encoded.locators,
    sections: encoded.sections,
    text: encoded.text,
    textStarts: new Uint32Array(bytes(encoded.textStarts)),
    directives: encoded.directives,
  };
}

// Typed arrays as base64 of their bytes, little-endian as every machine Node runs on stores them.
function base64(array: Uint32Array | Int32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

/** Decoded into a fresh buffer, which is aligned for 32-bit views as a pooled Buffer may not be. */
function bytes(text: string): ArrayBuffer {
  const decoded = Buffer.from(text, 'base64');
  const out = new ArrayBuffer(decoded.length);
  new Uint8Array(out).set(decoded);
  return out;
}
