// Long forms of acronyms as authors write them: a run of capitalised words whose initials
// make the acronym, anywhere before it is used ("the Northshire Digital Service … NDS"), not
// only in brackets beside it.

export interface LongForm {
  /** The initials, in capitals: "NDS" for "Northshire Digital Service". */
  initials: string;
  /** Index range of the phrase in the text searched. */
  start: number;
  end: number;
}

// A capitalised word ("Northshire", "Officers", "Cross-Agency"), and the small words a name
// may hold without giving them an initial ("Office of Management and Budget").
const WORD = /\p{Lu}\p{Ll}[\p{L}'’]*(?:-\p{Lu}\p{Ll}[\p{L}'’]*)*/uy;
const CONNECTOR = /(?:of|and|for|the|on|in|to|at|&)\s+/y;
const SPACE = /\s+/y;

/**
 * Every run of two or more capitalised words in `text`, and each stretch of two or more
 * consecutive words inside it, with its initials ("Federal Chief Data Officers Council" gives
 * FCDOC, CDO, CDOC, DOC…). Hyphenated words give an initial per part: "Cross-Agency Priority" is CAP.
 */
export function longFormsIn(text: string): LongForm[] {
  const found: LongForm[] = [];
  let i = 0;
  while (i < text.length) {
    const run = readRun(text, i);
    if (!run) {
      i = nextWordStart(text, i);
      continue;
    }
    for (let a = 0; a < run.length; a++) {
      let initials = run[a]!.initials;
      for (let b = a + 1; b < run.length; b++) {
        initials += run[b]!.initials;
        found.push({ initials, start: run[a]!.start, end: run[b]!.end });
      }
    }
    i = run[run.length - 1]!.end;
  }
  return found;
}

interface RunWord {
  start: number;
  end: number;
  initials: string;
}

/** The capitalised words from index i on, if at least two follow one another. */
function readRun(text: string, i: number): RunWord[] | null {
  if (i > 0 && isLetterOrDigitAt(text, i - 1)) return null;
  const words: RunWord[] = [];
  let at = i;
  for (;;) {
    const end = wordEnd(text, at);
    if (end < 0 || isLetterOrDigitAt(text, end)) break;
    words.push({ start: at, end, initials: text.slice(at, end).split('-').map((part) => part[0]!.toUpperCase()).join('') });
    SPACE.lastIndex = end;
    if (!SPACE.exec(text)) break;
    let next = SPACE.lastIndex;
    CONNECTOR.lastIndex = next;
    while (CONNECTOR.exec(text)) next = CONNECTOR.lastIndex;
    at = next;
  }
  return words.length >= 2 ? words : null;
}

/**
 * Where a match of WORD at index `at` ends, or -1 for none. It is tried at every capital of a
 * document, and V8 tests its Unicode classes by a call out of the expression's code for every
 * character: ASCII is read here, and the expression answers (from `at`, as it would have) as
 * soon as a character outside ASCII is met.
 */
function wordEnd(text: string, at: number): number {
  let j = at;
  for (;;) {
    // A part: a capital, a small letter, then letters and apostrophes ([\p{L}'’]*).
    const first = text.charCodeAt(j);
    const second = text.charCodeAt(j + 1);
    if (first >= 128 || second >= 128) return wordEndByExpression(text, at);
    // No part here: no word at all, or the word ends before its last hyphen.
    if (!(first >= 65 && first <= 90 && second >= 97 && second <= 122)) return j === at ? -1 : j - 1;
    j += 2;
    for (;;) {
      const c = text.charCodeAt(j);
      if (c >= 128) return wordEndByExpression(text, at);
      if (!isAsciiLetter(c) && c !== 39) break;
      j++;
    }
    if (text.charCodeAt(j) !== 45) return j;
    j++;
  }
}

function wordEndByExpression(text: string, at: number): number {
  WORD.lastIndex = at;
  const w = WORD.exec(text);
  return w ? at + w[0].length : -1;
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

const CAPITAL = /(?<![\p{L}\p{N}])\p{Lu}/gu;

/**
 * Where the next capital that starts a word is, after index i. Called for every word that
 * starts no run, it used to scan with CAPITAL, whose Unicode classes V8 tests by a call out of
 * the expression's code for every character; ASCII text is now read here and the expression
 * takes over at the first character outside ASCII, from where it would have been.
 */
function nextWordStart(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    const before = text.charCodeAt(j - 1);
    if (c >= 128 || before >= 128) {
      CAPITAL.lastIndex = j;
      let m = CAPITAL.exec(text);
      // Started inside a surrogate pair, a Unicode expression starts from the pair's first
      // half, which may be index i itself: a capital outside the BMP ("𝐀") that opens no run
      // was found again and again, and linting never ended. Look after it instead.
      if (m && m.index <= i) {
        CAPITAL.lastIndex = m.index + m[0].length;
        m = CAPITAL.exec(text);
      }
      return m ? m.index : text.length;
    }
    if (c >= 65 && c <= 90 && !isAsciiLetterOrDigit(before)) return j;
  }
  return text.length;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** [\p{L}\p{N}] in ASCII. */
const isAsciiLetterOrDigit = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Whether the UTF-16 unit at i is a letter or digit (false past the end), without a regular expression in ASCII. */
function isLetterOrDigitAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c < 128 ? isAsciiLetterOrDigit(c) : LETTER_OR_DIGIT.test(text[i]!);
}
