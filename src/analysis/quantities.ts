// Quantities: percentages, money, counts and number words that can make a goal measurable.
// Numbers that label rather than measure (list numbers, page and section references,
// versions) are left out.

import { allMatches } from '../core/all-matches.js';

export type QuantityKind = 'percent' | 'money' | 'count' | 'word-number';

export interface QuantityMatch {
  kind: QuantityKind;
  start: number;
  end: number;
  text: string;
  value: number;
}

const WORD_NUMBERS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
  hundreds: 100, thousand: 1000, thousands: 1000, million: 1e6, millions: 1e6, dozen: 12,
  half: 0.5, halve: 0.5, double: 2, treble: 3, triple: 3, third: 1 / 3,
};

// Starts only where a run of digits starts: tried from inside one, each start rescanned the run
// ("19" repeated 100,000 times took over a minute), and none could match where its start did not.
const PERCENT = /(?<!\d)(\d+(?:[.,]\d+)?)\s?(?:%|per\s?cent\b|percent\b)/gi;
const MONEY = /[£$€]\s?(\d[\d,]*(?:\.\d+)?)\s?(k|m|bn|million|billion|thousand)?\b|\b(\d[\d,]*(?:\.\d+)?)\s?(million|billion|bn)\b/gi;
const COUNT = /(?<![\w.£$€/-])(\d[\d,]*(?:\.\d+)?)(?![\w/]|\.\d)/g;
const WORDS = new RegExp(`\\b(${Object.keys(WORD_NUMBERS).join('|')})\\b`, 'gi');
// A fraction as an amount, "by a quarter", "three quarters of", "a fifth": only after "a",
// "one" or a number word, since "each quarter", "the first quarter" and "Q1" tell the time.
const FRACTIONS: Record<string, number> = { quarter: 1 / 4, fifth: 1 / 5, tenth: 1 / 10 };
const FRACTION = /\b(a|one|two|three|four)\s+(quarter|fifth|tenth)s?\b/gi;
const LABEL_BEFORE = /\b(?:page|pages|p\.|pp\.|section|chapter|annex|appendix|figure|fig\.|table|action|actions|step|principle|recommendation|version|v|no\.|number|paragraph|para|item|phase|theme|tier|level|stage|band|goal|objective|priority|part|article|clause|schedule|room|ward|building|grade)\s*$/i;

/** Finds quantities in `text`, skipping the index ranges in `skip` (dates found already). */
export function findQuantities(text: string, skip: ReadonlyArray<{ start: number; end: number }> = []): QuantityMatch[] {
  const found: QuantityMatch[] = [];
  const taken = skip.map((s) => [s.start, s.end] as [number, number]);
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const push = (kind: QuantityKind, start: number, end: number, value: number) => {
    if (!free(start, end)) return;
    found.push({ kind, start, end, text: text.slice(start, end), value });
    taken.push([start, end]);
  };

  for (const m of allMatches(PERCENT, text)) push('percent', m.index!, m.index! + m[0].length, parseNumber(m[1]!));
  for (const m of allMatches(MONEY, text)) push('money', m.index!, m.index! + m[0].length, parseNumber(m[1] ?? m[3] ?? '0'));
  for (const m of allMatches(COUNT, text)) {
    const start = m.index!;
    const before = text.slice(Math.max(0, start - 16), start);
    if (LABEL_BEFORE.test(before)) continue;
    // "1." or "2)" opening a sentence or heading is a label, not a measure.
    if (/^\s*$/.test(text.slice(0, start)) && /^[.)]/.test(text.slice(start + m[0].length))) continue;
    push('count', start, start + m[0].length, parseNumber(m[1]!));
  }
  for (const m of allMatches(FRACTION, text)) {
    // "a" and "one" are one of the fraction; the number words' values are WORD_NUMBERS'.
    push('word-number', m.index!, m.index! + m[0].length, (WORD_NUMBERS[m[1]!.toLowerCase()] ?? 1) * FRACTIONS[m[2]!.toLowerCase()]!);
  }
  for (const m of allMatches(WORDS, text)) {
    push('word-number', m.index!, m.index! + m[0].length, WORD_NUMBERS[m[1]!.toLowerCase()] ?? 0);
  }
  return found.sort((a, b) => a.start - b.start);
}

function parseNumber(raw: string): number {
  return Number(raw.replace(/,(?=\d{3}\b)/g, '').replace(',', '.'));
}
