// Readability from the shared sentence tree: words, syllables and the Flesch formulas, the same
// measures retext-readability reports, without a second pass over the text. Syllable counts are
// cached per word, since strategies repeat their vocabulary.

import { syllable } from 'syllable';
import { flesch } from 'flesch';
import { fleschKincaid } from 'flesch-kincaid';
import type { Sentence } from './sentences.js';
import { allMatches } from '../core/all-matches.js';

export interface SentenceReadability {
  sentence: Sentence;
  /** The sentence as a reader reads it: all of the parsed one, or a part a hidden boundary ends. */
  text: string;
  start: number;
  end: number;
  words: number;
  syllables: number;
}

export interface Readability {
  sentences: SentenceReadability[];
  words: number;
  syllables: number;
  /** Flesch reading ease: 60–70 plain English, under 30 for graduates. */
  readingEase: number;
  /** Flesch–Kincaid grade level (US school years). */
  grade: number;
}

const syllableCache = new Map<string, number>();

function syllablesOf(word: string): number {
  const key = word.toLowerCase();
  let n = syllableCache.get(key);
  if (n === undefined) {
    n = /\p{L}/u.test(key) ? Math.max(1, syllable(key)) : 0;
    if (syllableCache.size < 50_000) syllableCache.set(key, n);
  }
  return n;
}

// Where one parsed sentence holds two that a reader sees: boundaries the sentence splitter
// cannot see, most of them left by a conversion from PDF or by a glossary's markup. Each is an
// expression whose last group starts the new sentence, and a substring without which it cannot
// match (most sentences hold none, so most are never scanned).
const HIDDEN_BOUNDARIES: ReadonlyArray<{ needle: string; re: RegExp }> = [
  // A lettered or numbered item run in after a full stop: "… technology currency. a. Agencies must …".
  { needle: '. ', re: /[.!?]["”’)]?\s+(\(?[a-z0-9]{1,2}[.)]\s+\p{Lu})/gu },
  // A number closing a sentence, which the splitter takes for an ordinal: "… under Action 2. This
  // assessment …".
  { needle: '. ', re: /\p{L}\s\d{1,4}\.\s+(\p{Lu}\p{Ll})/gu },
  // "etc." closing a sentence: "… logging etc. When Lambda is used …".
  { needle: 'etc.', re: /\betc\.\s+(\p{Lu}\p{Ll})/gu },
  // A web address standing between two sentences (a citation left in the text).
  { needle: '://', re: /(?:https?:\/\/|www\.)\S+\s+(\p{Lu})/gu },
  { needle: 'www.', re: /(?:https?:\/\/|www\.)\S+\s+(\p{Lu})/gu },
  // A definition list's term and its definition: "Digital by default\n: By digital we mean …".
  { needle: ':', re: /\s:\s+(\S)/gu },
];
// A call-out or principle whose title has no full stop and runs into its text: "Principle: Use
// services as they come Agility comes from …". The title ends at the first capitalised word
// after a word in lower case.
const LABELLED_TITLE = /^\p{Lu}\p{Ll}+:\s+\S+\s+\S+/u;
const TITLE_END = /\s\p{Ll}[\p{L}'’-]*['’"”]?\s+(\p{Lu}\p{Ll})/u;
const WEB_ADDRESS = /(?:https?:\/\/|www\.)\S+/gu;

/** Indexes in a sentence's text where a reader would see a new sentence begin. */
function hiddenBoundaries(text: string): number[] {
  const at = new Set<number>();
  for (const { needle, re } of HIDDEN_BOUNDARIES) {
    if (!text.includes(needle)) continue;
    for (const m of allMatches(re, text)) at.add(m.index! + m[0].length - m[1]!.length);
  }
  const title = LABELLED_TITLE.exec(text);
  if (title) {
    const rest = text.slice(title[0].length);
    const end = TITLE_END.exec(rest);
    if (end) at.add(title[0].length + end.index + end[0].length - end[1]!.length);
  }
  at.delete(0);
  return [...at].sort((a, b) => a - b);
}

/**
 * A sentence's parts between hidden boundaries, each with its countable words (a web address
 * counts for none). Most sentences are one part; the parse is not re-run.
 */
function partsOf(sentence: Sentence): Array<{ text: string; start: number; end: number; words: string[] }> {
  const text = sentence.text;
  const cuts = hiddenBoundaries(text);
  const addresses = text.includes('://') || text.includes('www.') ? allMatches(WEB_ADDRESS, text).map((m) => [m.index!, m.index! + m[0].length] as const) : [];
  if (cuts.length === 0 && addresses.length === 0) return [{ text, start: sentence.start, end: sentence.end, words: sentence.words }];
  const bounds = [0, ...cuts, text.length];
  const parts = bounds.slice(0, -1).map((from, i) => {
    const to = bounds[i + 1]!;
    const part = text.slice(from, to).trimEnd();
    return { text: part, start: sentence.sourceOffset(from), end: sentence.sourceOffset(from + part.length - 1) + 1, words: [] as string[] };
  });
  // Place each word by finding it in the text, in order.
  let cursor = 0;
  let part = 0;
  for (const word of sentence.words) {
    const found = text.indexOf(word, cursor);
    if (found < 0) continue;
    cursor = found + word.length;
    while (part < cuts.length && found >= cuts[part]!) part++;
    if (addresses.some(([a, b]) => found >= a && found < b)) continue;
    parts[part]!.words.push(word);
  }
  return parts;
}

/** Readability of prose: paragraphs and list items, not headings or table cells. */
export function measureReadability(sentences: readonly Sentence[]): Readability {
  const measured: SentenceReadability[] = [];
  let words = 0;
  let syllables = 0;
  for (const sentence of sentences) {
    // Footnotes hold references and quoted definitions, not prose the author can rewrite.
    if (sentence.block.kind !== 'paragraph' || sentence.block.inNote) continue;
    for (const part of partsOf(sentence)) {
      let w = 0;
      let s = 0;
      for (const word of part.words) {
        const n = syllablesOf(word);
        if (n === 0) continue;
        w++;
        s += n;
      }
      if (w === 0) continue;
      measured.push({ sentence, text: part.text, start: part.start, end: part.end, words: w, syllables: s });
      words += w;
      syllables += s;
    }
  }
  const counts = { sentence: measured.length, word: words, syllable: syllables };
  return {
    sentences: measured,
    words,
    syllables,
    readingEase: measured.length ? flesch(counts) : 100,
    grade: measured.length ? fleschKincaid(counts) : 0,
  };
}
