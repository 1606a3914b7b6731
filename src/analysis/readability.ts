// Readability from the shared sentence tree: words, syllables and the Flesch formulas, the same
// measures retext-readability reports, without a second pass over the text. Syllable counts are
// cached per word, since strategies repeat their vocabulary.

import { syllable } from 'syllable';
import { flesch } from 'flesch';
import { fleschKincaid } from 'flesch-kincaid';
import type { Sentence } from './sentences.js';

export interface SentenceReadability {
  sentence: Sentence;
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

/** Readability of prose: paragraphs and list items, not headings or table cells. */
export function measureReadability(sentences: readonly Sentence[]): Readability {
  const measured: SentenceReadability[] = [];
  let words = 0;
  let syllables = 0;
  for (const sentence of sentences) {
    // Footnotes hold references and quoted definitions, not prose the author can rewrite.
    if (sentence.block.kind !== 'paragraph' || sentence.block.inNote) continue;
    let w = 0;
    let s = 0;
    for (const word of sentence.words) {
      const n = syllablesOf(word);
      if (n === 0) continue;
      w++;
      s += n;
    }
    if (w === 0) continue;
    measured.push({ sentence, words: w, syllables: s });
    words += w;
    syllables += s;
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
