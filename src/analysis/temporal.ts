// Temporal expressions: years, ranges, financial years, quarters, dates, durations and
// relative phrases, each with where it points (forward, backward) and its year.
//
// Two layers: patterns for what strategies write and date parsers miss (bare years, "2025–2035",
// "FY2026/27", "10-year plan", "over the next decade"), then chrono-node for the rest
// ("31 March 2025", "by the end of next year", "in two weeks"), resolved against the
// reference date.

// Only the English locale: the package's root entry loads every locale (about 4x the start-up).
import * as chronoEn from 'chrono-node/en';

export type TemporalKind =
  | 'recurrence'
  | 'year'
  | 'year-range'
  | 'fiscal-year'
  | 'quarter'
  | 'date'
  | 'duration'
  | 'relative';

export type Direction = 'forward' | 'backward' | 'neutral';

export interface TemporalMatch {
  kind: TemporalKind;
  /** Index range in the text that was searched. */
  start: number;
  end: number;
  text: string;
  /** The latest calendar year the expression reaches, when it names or implies one. */
  year?: number;
  /** The first year of a range. */
  fromYear?: number;
  /** The month (1 to 12) of a date that names one: "September 30, 2019", "2019-09". */
  month?: number;
  /** Length in years, for durations ("10-year plan" is 10; "within 18 months" is 1.5). */
  durationYears?: number;
  direction: Direction;
  /** The word that sets the direction ("by", "since", "next"), if any. */
  marker?: string;
}

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const MONTH_NUMBERS = new RegExp(`\\b(${MONTHS})\\b`, 'i');
/** The month a date's text names (1 to 12), if it names one; seasons name none. */
function monthOf(text: string): number | undefined {
  const name = MONTH_NUMBERS.exec(text)?.[1]?.slice(0, 3).toLowerCase();
  const i = name ? ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(name) : -1;
  return i >= 0 ? i + 1 : undefined;
}
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  few: 3, several: 3, couple: 2,
};
const NUM = `(\\d{1,3}(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS).join('|')})`;
const YEAR = '((?:19|20)\\d{2})';
// Percentages and sums of money are never years: "2020%", "2025 million".
const NOT_A_YEAR = '\\s?(?:%|per\\s?cent\\b|percent\\b|million\\b|billion\\b|bn\\b|m\\b|k\\b)';

const FORWARD_MARKERS = /\b(by|before|until|till|through|to|vision|ambition|target|targets|horizon|towards|in time for|deadline|end of|strategy|plan)\W*$/i;
const BACKWARD_MARKERS = /\b(since|ago|as of|back in|published|copyright|launched in|established in|founded in|began in|started in|last|past|previous|in early|in late|was|were|had|©)\W*$/i;

interface Pattern {
  kind: TemporalKind;
  re: RegExp;
  /**
   * The pattern cannot match without an ASCII digit, so text with none can skip it. A pattern
   * without this needs a word of TIME_WORD instead.
   */
  digits?: true;
  read(m: RegExpExecArray, referenceYear: number): Omit<TemporalMatch, 'kind' | 'start' | 'end' | 'text'> | null;
}

const numberOf = (word: string): number => {
  const lower = word.toLowerCase();
  return NUMBER_WORDS[lower] ?? Number(lower);
};

const unitYears = (unit: string): number => {
  const u = unit.toLowerCase();
  if (u.startsWith('decade')) return 10;
  if (u.startsWith('month')) return 1 / 12;
  if (u.startsWith('week')) return 1 / 52;
  return 1;
};

const fullYear = (two: string, from: number): number => {
  if (two.length === 4) return Number(two);
  const century = Math.floor(from / 100) * 100;
  let y = century + Number(two);
  if (y < from) y += 100;
  return y;
};

const PATTERNS: Pattern[] = [
  {
    kind: 'fiscal-year',
    digits: true,
    re: new RegExp(`\\b(?:FY|financial year|fiscal year)\\s*((?:19|20)?\\d{2})\\s*[/\\u2013\\u2014-]\\s*(\\d{2}(?:\\d{2})?)\\b`, 'gi'),
    read: (m) => {
      const from = fullYear(m[1]!, 2000);
      return { fromYear: from, year: fullYear(m[2]!, from), direction: 'neutral' };
    },
  },
  {
    kind: 'fiscal-year',
    digits: true,
    re: new RegExp(`\\b${YEAR}/(\\d{2})\\b(?!/)`, 'g'),
    read: (m) => {
      const from = Number(m[1]);
      const to = fullYear(m[2]!, from);
      return to === from + 1 ? { fromYear: from, year: to, direction: 'neutral' } : null;
    },
  },
  {
    kind: 'fiscal-year',
    digits: true,
    re: /\bFY\s?((?:19|20)?\d{2})\b/g,
    read: (m) => ({ year: fullYear(m[1]!, 2000), direction: 'neutral' }),
  },
  {
    kind: 'quarter',
    digits: true,
    re: new RegExp(`\\b(?:Q[1-4]|(?:first|second|third|fourth|final|last) quarter(?: of)?)\\s*(?:FY\\s?)?${YEAR}\\b`, 'gi'),
    read: (m) => ({ year: Number(m[1]), direction: 'neutral' }),
  },
  {
    kind: 'date',
    digits: true,
    re: new RegExp(
      `\\b(?:(?:\\d{1,2})(?:st|nd|rd|th)?\\s+)?(?:${MONTHS}|spring|summer|autumn|fall|winter)\\.?,?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?${YEAR}\\b`,
      'gi',
    ),
    read: (m) => ({ year: Number(m[1]), month: monthOf(m[0]), direction: 'neutral' }),
  },
  {
    kind: 'date',
    digits: true,
    re: new RegExp(`\\b${YEAR}-(0[1-9]|1[0-2])(-(?:0[1-9]|[12]\\d|3[01]))?\\b(?![-/\\d])`, 'g'),
    // "2011-12" is more often a financial year than December 2011: leave it to the range pattern.
    read: (m) => (!m[3] && Number(m[2]) === (Number(m[1]) % 100) + 1 ? null : { year: Number(m[1]), month: Number(m[2]), direction: 'neutral' }),
  },
  {
    kind: 'year-range',
    digits: true,
    // A worded range needs both years in full: "in 2015 to 78%" and "2015 to 20 sites" are not ranges.
    // Pandoc's Markdown writes an en dash as "--" and an em dash as "---" ("2024--2034").
    re: new RegExp(
      `(?<![\\d.,£$€/])\\b${YEAR}\\s*(?:(?:\\u2013|\\u2014|-{1,3})\\s*((?:19|20)\\d{2}|\\d{2})|(?:to|until|through)\\s*((?:19|20)\\d{2}))\\b(?![/\\d]|\\.\\d|${NOT_A_YEAR})`,
      'gi',
    ),
    read: (m) => {
      const from = Number(m[1]);
      const last = m[2] ?? m[3]!;
      // "2025-35" is a range; "2024-02" is a month (and "2024-02" must never read as 2102).
      const to = last.length === 4 ? Number(last) : Math.floor(from / 100) * 100 + Number(last);
      return to > from ? { fromYear: from, year: to, direction: 'neutral' } : null;
    },
  },
  {
    kind: 'duration',
    re: new RegExp(`\\b(?:the\\s+)?(?:past|last|previous)\\s+(?:${NUM}\\s*)?(years?|months?|decades?)\\b`, 'gi'),
    read: (m) => ({ durationYears: (m[1] ? numberOf(m[1]) : 1) * unitYears(m[2]!), direction: 'backward', marker: 'past' }),
  },
  {
    kind: 'duration',
    re: new RegExp(`\\b${NUM}\\s+(years?|months?|decades?)\\s+ago\\b`, 'gi'),
    read: (m) => ({ durationYears: numberOf(m[1]!) * unitYears(m[2]!), direction: 'backward', marker: 'ago' }),
  },
  {
    kind: 'duration',
    re: new RegExp(
      `\\b(?:(?:within|in|over|during|for|across)\\s+)?(?:the\\s+)?(next|coming|following)\\s+(?:${NUM}\\s+)?(years?|months?|decades?|weeks?)\\b`,
      'gi',
    ),
    read: (m) => ({ durationYears: (m[2] ? numberOf(m[2]) : 1) * unitYears(m[3]!), direction: 'forward', marker: m[1]!.toLowerCase() }),
  },
  {
    kind: 'duration',
    re: new RegExp(`\\b(within|in|inside)\\s+${NUM}\\s+(years?|months?|weeks?|decades?)\\b`, 'gi'),
    read: (m) => ({ durationYears: numberOf(m[2]!) * unitYears(m[3]!), direction: 'forward', marker: m[1]!.toLowerCase() }),
  },
  {
    kind: 'duration',
    digits: true,
    re: /(?:>|≥|\bmore than|\bover|\bbeyond)\s*(\d{1,2})\s*(years?|decades?)\b/gi,
    read: (m) => ({ durationYears: Number(m[1]) * unitYears(m[2]!), direction: 'forward', marker: 'more than' }),
  },
  {
    kind: 'duration',
    re: new RegExp(`\\b${NUM}[-\\s](?:year|yr)s?\\b(?![-\\s](?:old|ago))`, 'gi'),
    read: (m) => ({ durationYears: numberOf(m[1]!), direction: 'neutral' }),
  },
  {
    // A cadence says when, again and again: "every quarter", "annually".
    kind: 'recurrence',
    re: /\b(?:every|each)\s+(?:(?:two|three|six|\d{1,2})\s+)?(?:year|years|quarter|quarters|month|months|week|weeks)\b|\b(?:annually|quarterly|monthly|weekly|yearly|biannually)\b/gi,
    read: () => ({ direction: 'forward' }),
  },
  {
    kind: 'year',
    digits: true,
    re: new RegExp(`(?<![\\d.,£$€/])\\b${YEAR}(s)?\\b(?!\\d|[.,]\\d|${NOT_A_YEAR})`, 'g'),
    read: (m) => ({ year: Number(m[1]) + (m[2] ? 9 : 0), fromYear: m[2] ? Number(m[1]) : undefined, direction: 'neutral' }),
  },
];

// chrono only runs on text that may hold something the patterns above did not catch.
// Every pattern that can match without a digit names a unit of time ("next two years",
// "weekly", "a 10-year plan"), so a sentence with none of these skips them all; most do.
// Same flags as the patterns (case-insensitive, not unicode), so case folds the same way.
const TIME_WORD = /year|yr|month|decade|week|quarter|annual/i;

const CHRONO_HINT = /\b(?:next|this|end of|tomorrow|week|weekend|month|year|today|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{1,2}(?:st|nd|rd|th)\b)/i;
const CHRONO_IGNORE = /^(?:now|today|tonight|this|current(?:ly)?|at the moment|.{0,3})$/i;

/**
 * Finds temporal expressions in `text` (one sentence), resolving relative ones against the
 * reference date.
 */
export function findTemporal(text: string, referenceDate: Date): TemporalMatch[] {
  const referenceYear = referenceDate.getUTCFullYear();
  const found: TemporalMatch[] = [];
  const taken: Array<[number, number]> = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);

  const hasDigit = /\d/.test(text);
  const hasTimeWord = TIME_WORD.test(text);
  for (const pattern of PATTERNS) {
    if (pattern.digits ? !hasDigit : !hasTimeWord) continue;
    pattern.re.lastIndex = 0;
    for (let m = pattern.re.exec(text); m; m = pattern.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!free(start, end)) continue;
      const read = pattern.read(m, referenceYear);
      if (!read) continue;
      const match: TemporalMatch = { kind: pattern.kind, start, end, text: m[0], ...read };
      if (match.direction === 'neutral') setDirection(match, text, referenceYear);
      found.push(match);
      taken.push([start, end]);
    }
  }

  if (CHRONO_HINT.test(text)) {
    for (const result of chronoEn.GB.parse(text, referenceDate, { forwardDate: true })) {
      const start = result.index;
      const end = start + result.text.length;
      if (!free(start, end) || CHRONO_IGNORE.test(result.text.trim())) continue;
      // "a quarter of our callers" is a share, not a time.
      if (/^(?:a|one|the|each)\s+(?:quarter|half)$/i.test(result.text.trim()) && /^\s+of\b/i.test(text.slice(end))) continue;
      const date = result.start.date();
      const year = date.getUTCFullYear();
      const match: TemporalMatch = {
        kind: 'relative',
        start,
        end,
        text: result.text,
        year,
        direction: date.getTime() >= referenceDate.getTime() ? 'forward' : 'backward',
      };
      found.push(match);
      taken.push([start, end]);
    }
  }

  return found.sort((a, b) => a.start - b.start);
}

function setDirection(match: TemporalMatch, text: string, referenceYear: number): void {
  const before = text.slice(Math.max(0, match.start - 24), match.start);
  const forward = FORWARD_MARKERS.exec(before);
  const backward = BACKWARD_MARKERS.exec(before);
  if (forward && (!backward || forward.index > backward.index)) {
    match.direction = 'forward';
    match.marker = forward[1]!.toLowerCase();
    return;
  }
  if (backward) {
    match.direction = 'backward';
    match.marker = backward[1]!.toLowerCase();
    return;
  }
  if (match.kind === 'duration') {
    // "a 10-year plan", "our five year strategy": a span of planning, read as forward.
    const after = text.slice(match.end, match.end + 30);
    if (/^\s*(?:digital\s+)?(?:plan|strategy|vision|programme|program|roadmap|horizon|ambition|transformation|journey|contract|commitment|deal)/i.test(after)) {
      match.direction = 'forward';
    }
    return;
  }
  if (match.year !== undefined) {
    if (match.year > referenceYear) match.direction = 'forward';
    else if (match.year < referenceYear) match.direction = 'backward';
  }
}

/**
 * Reads a document date from a string such as front matter's `date`: an ISO date,
 * "December 2012", or a year range ("2019-2024") whose first year is taken.
 */
export function parseDocumentDate(value: unknown): Date | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  if (typeof value === 'number' && value >= 1900 && value <= 2199) return new Date(Date.UTC(value, 0, 1));
  if (typeof value !== 'string') return null;
  const iso = /^\s*(\d{4})-(\d{2})(?:-(\d{2}))?(?!\d)/.exec(value);
  if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12) {
    return new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, iso[3] ? Number(iso[3]) : 1));
  }
  const month = new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?(${MONTHS})\\.?,?\\s+${YEAR}\\b`, 'i').exec(value);
  if (month) {
    const index = MONTHS.split('|').findIndex((name) => name.toLowerCase() === month[2]!.toLowerCase());
    const monthNumber = index < 12 ? index : [0, 1, 2, 3, 5, 6, 7, 8, 8, 9, 10, 11][index - 12]!;
    return new Date(Date.UTC(Number(month[3]), monthNumber, month[1] ? Number(month[1]) : 1));
  }
  const year = /\b((?:19|20|21)\d{2})\b/.exec(value);
  if (year) return new Date(Date.UTC(Number(year[1]), 0, 1));
  return null;
}
