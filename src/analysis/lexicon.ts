// Word lists as data. A lexicon file in rules/lexicons/ holds terms; config can add more.
//
// A term is matched on word boundaries and case-insensitively, except:
//   - a term written in capitals ("AI", "RPA") matches only in capitals, so "ai" in a word
//     or a sentence in lower case is not hype;
//   - a term ending in "*" matches any word that starts with it ("transform*");
//   - a term written /like this/ is a regular expression.
// Plurals of plain words match too ("digital twin" finds "digital twins"), and a plain term
// written in full matches its contractions ("what we will do" finds "What we'll do", "we will
// not" finds "we won't"), as people write them.

export interface LexiconMatch {
  start: number;
  end: number;
  text: string;
}

// A term may not start inside a word. The expressions used to say so with a look-behind,
// (?<![\p{L}\p{N}]), which V8 checked at every position before trying any term (a third of
// the scanning time) and compiled again for every lexicon. The same class, under the same
// flags, is now tested once on the character before each candidate match.
const WORD_CHAR_INSENSITIVE = /[\p{L}\p{N}]/iu;
const WORD_CHAR_SENSITIVE = /[\p{L}\p{N}]/u;

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The code point that ends just before index `i`, as a look-behind in unicode mode reads it. */
function codePointBefore(text: string, i: number): string {
  if (i >= 2 && isLowSurrogate(text.charCodeAt(i - 1)) && isHighSurrogate(text.charCodeAt(i - 2))) return text.slice(i - 2, i);
  return text.charAt(i - 1);
}

/** Whether the code point before index `i` is a letter or digit, so a term may not start at `i`. */
function afterWordChar(text: string, i: number, wordChar: RegExp): boolean {
  if (i === 0) return false;
  const c = text.charCodeAt(i - 1);
  // [\p{L}\p{N}] in ASCII, with or without the i flag, without a regular expression.
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return wordChar.test(codePointBefore(text, i));
}

/** How far a unicode-mode search steps past index `i` when no match starts there. */
function stepAt(text: string, i: number): number {
  return isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
}

/** The next match of a global expression from its lastIndex that does not start inside a word. */
function nextMatch(re: RegExp, wordChar: RegExp, text: string): RegExpExecArray | null {
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!afterWordChar(text, m.index, wordChar)) return m;
    re.lastIndex = m.index + stepAt(text, m.index);
  }
  return null;
}

/**
 * The same as nextMatch, for a sticky expression: tries it only where a match may start (not
 * inside a word, not inside a surrogate pair), from index `from`. V8 scans for a global
 * expression's first match quickly when its branches open with text, but one whose terms open
 * with \b tried all forty branches at every character; trying only at word starts made those
 * lexicons two to three times faster. At any one position a sticky and a global expression
 * choose the same branch, so the matches are the same.
 */
function nextMatchAtWordStarts(re: RegExp, wordChar: RegExp, text: string, from: number): RegExpExecArray | null {
  for (let i = from; i <= text.length; i++) {
    if (afterWordChar(text, i, wordChar)) continue;
    // Not between the two halves of a surrogate pair.
    if (i > 0 && isHighSurrogate(text.charCodeAt(i - 1)) && isLowSurrogate(text.charCodeAt(i))) continue;
    re.lastIndex = i;
    const m = re.exec(text);
    if (m) return m;
  }
  return null;
}

interface Expression {
  /**
   * For terms that ignore case, the expression for lower-cased text when every term could be
   * lower-cased (see lower-cased-pattern.ts), else the same terms with the i flag.
   */
  re: RegExp;
  /** What a match may not start after. */
  wordChar: RegExp;
  /** Sticky, tried at word starts only (see nextMatchAtWordStarts). */
  atWordStarts: boolean;
  /** Whether the expression ignores case (then `required` is lower-case, looked for in lower-cased text). */
  ignoreCase: boolean;
  /** `re` runs on the text as Fold lower-cases it; `withCase` on a text Fold cannot lower-case. */
  onFolded: boolean;
  /** The terms with the i flag, for a text that Fold leaves alone (null): made when first needed. */
  withCase: () => RegExp;
  /** Finds any of the texts that every match contains (see requiredOf); null when not known. */
  required: RegExp | null;
}

/**
 * Whether a text may hold a match of the expression: it holds one of the strings every match
 * contains. Most sentences hold none of a lexicon's terms, and looking for a few plain strings
 * is several times quicker than trying every term at every word (on the benchmark's documents
 * 82% of all questions to a lexicon are answered here).
 */
function mayMatch(e: Expression, text: string, folded: string | null): boolean {
  if (!e.required) return true;
  if (!e.ignoreCase) return e.required.test(text);
  return folded === null || e.required.test(folded);
}

/**
 * The expression to run and the text to run it on: the lower-cased text when the expression is
 * made for it and the text can be lower-cased, else the text itself.
 */
function subjectOf(e: Expression, text: string, folded: string | null): [RegExp, string] {
  if (!e.onFolded) return [e.re, text];
  return folded === null ? [e.withCase(), text] : [e.re, folded];
}

/**
 * A text as an expression that ignores case is checked for its required strings: lower-cased,
 * or null when the text holds a character that lower-casing does not fold to ASCII as ignoring
 * case in Unicode does (the long s ſ matches "s"; the dotted and dotless i), so that the
 * expression itself must be tried. Every word list asks this of the same sentence, so the
 * Analysis keeps one answer per text for all of them (see Lexicon.memoized).
 */
export type Fold = (text: string) => string | null;

export const foldForLiterals: Fold = (text) => (FOLDS_APART.test(text) ? null : text.toLowerCase());

/**
 * The characters that ignoring case and lower-casing treat differently: the long s ſ (matches
 * "s"), the dotted capital I (lower-cases to two characters), the dotless i, and the combining
 * ypogegrammeni U+0345 (a mark that folds with a Greek letter, so \p{L} matches it ignoring case).
 */
const FOLDS_APART = /[\u017f\u0130\u0131\u0345]/;

/** One expression finding any of `literals` (plain ASCII strings), or null for none known. */
function requiredOf(literals: readonly string[] | null): RegExp | null {
  if (!literals || literals.length === 0 || literals.some((l) => l === '')) return null;
  // A string that contains another adds nothing: the shorter is found wherever it is.
  const kept = [...new Set(literals)].filter((l, _, all) => !all.some((o) => o !== l && l.includes(o)));
  return new RegExp(trieOf(kept.sort((a, b) => b.length - a.length || (a < b ? -1 : 1))));
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** A string ends here. */
  end: boolean;
}

/**
 * An expression source for any of `strings`, their common openings written once:
 * "s(?:ervice|t(?:op|rategy))" for "service", "stop", "strategy". V8 tries the branches of an
 * alternation one after another at each character of a text, and a word list's required
 * strings are dozens to hundreds of branches; grouped by their opening letters, only the few
 * that open with the character there are tried. It matches the same strings.
 */
function trieOf(strings: readonly string[]): string {
  const root: TrieNode = { next: new Map(), end: false };
  for (const s of strings) {
    let node = root;
    for (const c of s) {
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  const source = (node: TrieNode): string => {
    const branches = [...node.next].map(([c, child]) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') + source(child));
    if (branches.length === 0) return '';
    const group = branches.length === 1 && !node.end ? branches[0]! : `(?:${branches.join('|')})`;
    // A string that opens a longer one: the longer is tried first, as in the list sorted longest first.
    return node.end ? `${group}?` : group;
  };
  return source(root);
}

/**
 * Plain text every match of a term contains: its longest run of ASCII between spaces, hyphens
 * and apostrophes (which match any of several characters), "going" in "we are not going to".
 * A /…/ term's is looked up in `known` (worked out at build time, see required-literals.ts).
 */
function termLiterals(term: string, ignoreCase: boolean, known: ReadonlyMap<string, readonly string[] | null> | null): readonly string[] | null {
  if (!known) return null;
  if (term.length > 2 && term.startsWith('/') && term.endsWith('/')) return known.get(term) ?? null;
  const plain = term.endsWith('*') ? term.slice(0, -1) : term;
  // A word a contraction may stand for ("will" in "we will") is not in every match.
  const contracted = ignoreCase ? contractedWords(plain) : new Set<number>();
  const longest = plain
    .split(/\s+/)
    .filter((_, i) => !contracted.has(i))
    .flatMap((word) => word.split(/[^\x21-\x26\x28-\x2c\x2e-\x7e]+/))
    .reduce((a, b) => (b.length > a.length ? b : a), '');
  return longest ? [ignoreCase ? longest.toLowerCase() : longest] : null;
}

/** The first match of `re` (the expression's or its i-flag twin) at or after `from`, by the expression's own strategy. */
function findFrom(e: Expression, re: RegExp, text: string, from: number): RegExpExecArray | null {
  if (e.atWordStarts) return nextMatchAtWordStarts(re, e.wordChar, text, from);
  re.lastIndex = from;
  return nextMatch(re, e.wordChar, text);
}

export class Lexicon {
  readonly name: string;
  readonly terms: readonly string[];
  private readonly expressions: readonly Expression[];

  private readonly literals: ReadonlyMap<string, readonly string[] | null> | null;
  private readonly lowered: ReadonlyMap<string, string | null>;

  /**
   * `literals`: for /…/ terms, the strings one of which each of their matches contains, as
   * requiredLiterals gives them (the compiled lexicons carry them for the shipped terms). A
   * lexicon with a /…/ term not in it looks at every text in full, as does one made with null;
   * the matches are the same. `lowered`: for /…/ terms, the expression for lower-cased text
   * (lowerCasedPattern); a lexicon with a /…/ term not in it ignores case with the i flag, with
   * the same matches.
   */
  constructor(
    name: string,
    terms: readonly string[],
    literals: ReadonlyMap<string, readonly string[] | null> | null = new Map(),
    lowered: ReadonlyMap<string, string | null> = new Map(),
  ) {
    this.name = name;
    this.terms = terms;
    this.literals = literals;
    this.lowered = lowered;
    const ci: string[] = [];
    // The same terms for lower-cased text, while every one of them has such a form.
    let ciLowered: string[] | null = [];
    const cs: string[] = [];
    let ciLiterals: string[] | null = literals ? [] : null;
    let csLiterals: string[] | null = literals ? [] : null;
    const addRequired = (into: string[] | null, more: readonly string[] | null) => (into && more ? [...into, ...more] : null);
    const addLowered = (source: string | null | undefined) => {
      if (ciLowered && typeof source === 'string') ciLowered.push(source);
      else ciLowered = null;
    };
    let opensWithAssertion = false;
    for (const raw of terms) {
      const term = raw.trim();
      if (!term) continue;
      if (term.length > 2 && term.startsWith('/') && term.endsWith('/')) {
        ci.push(term.slice(1, -1));
        addLowered(lowered.get(term));
        ciLiterals = addRequired(ciLiterals, termLiterals(term, true, literals));
        if (term.startsWith('/\\b')) opensWithAssertion = true;
      } else if (term.endsWith('*')) {
        const stem = term.slice(0, -1);
        const low = plainLowered(stem);
        ci.push(escapeTerm(stem) + WORD_REST);
        addLowered(low === null ? null : escapeTerm(low) + WORD_REST);
        ciLiterals = addRequired(ciLiterals, termLiterals(term, true, literals));
      } else if (/\p{Lu}/u.test(term) && term === term.toUpperCase()) {
        cs.push(escapeTerm(term) + '(?:s)?');
        csLiterals = addRequired(csLiterals, termLiterals(term, false, literals));
      } else {
        const plural = /\p{L}$/u.test(term) ? '(?:s|es)?' : '';
        ci.push(withContractions(term) + plural);
        const low = plainLowered(term);
        addLowered(low === null ? null : withContractions(low) + plural);
        ciLiterals = addRequired(ciLiterals, termLiterals(term, true, literals));
      }
    }
    const expressions: Expression[] = [];
    if (ci.length) {
      const flags = opensWithAssertion ? 'uy' : 'gu';
      // Both forms of the terms in one order, the longest first by the terms as written.
      const order = longestFirst(ci);
      const withCase = lazily(() => alternation(order.map((i) => ci[i]!), `i${flags}`));
      const foldable: string[] | null = ciLowered;
      expressions.push({
        re: foldable ? alternation(order.map((i) => foldable[i]!), flags) : withCase(),
        wordChar: WORD_CHAR_INSENSITIVE,
        atWordStarts: opensWithAssertion,
        ignoreCase: true,
        onFolded: foldable !== null,
        withCase,
        required: requiredOf(ciLiterals),
      });
    }
    if (cs.length) {
      const re = alternation(longestFirst(cs).map((i) => cs[i]!), 'gu');
      expressions.push({ re, wordChar: WORD_CHAR_SENSITIVE, atWordStarts: false, ignoreCase: false, onFolded: false, withCase: () => re, required: requiredOf(csLiterals) });
    }
    this.expressions = expressions;
  }

  /** Every match in `text`, in order, without overlaps. `fold` may answer from a cache. */
  matches(text: string, fold: Fold = foldForLiterals): LexiconMatch[] {
    const found: LexiconMatch[] = [];
    for (const e of this.expressions) {
      const folded = e.ignoreCase ? fold(text) : null;
      if (!mayMatch(e, text, folded)) continue;
      const [re, subject] = subjectOf(e, text, folded);
      for (let m = findFrom(e, re, subject, 0); m; m = findFrom(e, re, subject, m[0].length === 0 ? m.index + 1 : m.index + m[0].length)) {
        if (m[0].length === 0) continue;
        const end = m.index + m[0].length;
        // The text's own characters, not the lower-cased ones matched.
        found.push({ start: m.index, end, text: subject === text ? m[0] : text.slice(m.index, end) });
      }
    }
    if (found.length < 2) return found;
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: LexiconMatch[] = [];
    for (const m of found) {
      const last = kept[kept.length - 1];
      if (!last || m.start >= last.end) kept.push(m);
    }
    return kept;
  }

  test(text: string, fold: Fold = foldForLiterals): boolean {
    for (const e of this.expressions) {
      const folded = e.ignoreCase ? fold(text) : null;
      if (!mayMatch(e, text, folded)) continue;
      const [re, subject] = subjectOf(e, text, folded);
      if (findFrom(e, re, subject, 0)) return true;
    }
    return false;
  }

  first(text: string): LexiconMatch | undefined {
    return this.matches(text)[0];
  }

  /**
   * This lexicon, remembering its answers for the texts it is asked about. Rules ask the same
   * word list about the same heading or sentence many times over (a section's title once for
   * every sentence in it): half of all calls repeated one already made on the same document.
   * Made per document by the Analysis, so the memory goes when the document does. Matches are
   * handed out in a fresh array each time; the match objects themselves are shared. `fold` is
   * the document's shared cache of folded texts, when there is one.
   */
  memoized(fold: Fold = foldForLiterals): Lexicon {
    const view = Object.create(this) as Lexicon;
    const found = new Map<string, LexiconMatch[]>();
    const tested = new Map<string, boolean>();
    const matches = (text: string): LexiconMatch[] => {
      let hit = found.get(text);
      if (hit === undefined) {
        hit = this.matches(text, fold);
        found.set(text, hit);
      }
      return hit;
    };
    view.matches = (text) => matches(text).slice();
    view.first = (text) => matches(text)[0];
    view.test = (text) => {
      let hit = tested.get(text);
      if (hit === undefined) {
        // A text with a (non-empty) match passes; one without may still hold an empty match.
        const known = found.get(text);
        hit = known !== undefined && known.length > 0 ? true : this.test(text, fold);
        tested.set(text, hit);
      }
      return hit;
    };
    return view;
  }

  extend(more: readonly string[]): Lexicon {
    return new Lexicon(this.name, [...this.terms, ...more], this.literals, this.lowered);
  }
}

/** What a term ending in "*" matches after its stem: the rest of the word. */
const WORD_REST = '[\\p{L}\\p{N}-]*';

/** The indexes of `parts`, the longest first (so "generative AI" wins over "AI"), in order among equals. */
function longestFirst(parts: readonly string[]): number[] {
  return parts.map((_, i) => i).sort((a, b) => parts[b]!.length - parts[a]!.length);
}

/** One expression for any of `parts`, in their order; a match may not end inside a word. */
function alternation(parts: readonly string[], flags: string): RegExp {
  return new RegExp(`(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, flags);
}

/** A value made on first use. */
function lazily<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/**
 * A plain term lower-cased, for matching lower-cased text; null when it holds a cased character
 * outside ASCII, whose folding the lower-cased text may not share (σ and final ς).
 */
function plainLowered(term: string): string | null {
  const lower = term.toLowerCase();
  for (const c of lower) {
    if (c.charCodeAt(0) >= 128 && (c.toUpperCase() !== c || c.toLowerCase() !== c)) return null;
  }
  return lower.length === term.length ? lower : null;
}

/** Subjects whose "will", "are", "have" and "would" contract: "we'll", "they're", "we've", "I'd". */
const SUBJECTS = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'it']);
const SUBJECT_CONTRACTIONS: Readonly<Record<string, string>> = { will: 'll', are: 're', have: 've', would: 'd' };
/** Verbs whose "not" contracts, and the stem it leaves: "won't", "don't", "isn't". */
const NEGATED_STEMS: Readonly<Record<string, string>> = {
  will: 'wo', do: 'do', does: 'does', did: 'did', is: 'is', are: 'are', was: 'was', were: 'were',
  have: 'have', has: 'has', had: 'had', should: 'should', would: 'would', could: 'could', can: 'ca', must: 'must',
};
/** What an apostrophe in a term matches: either of the two that people type. */
const APOSTROPHE = "['\\u2019]";

interface Contraction {
  /** The expression for the contracted pair: "we['’]ll", "won['’]t". */
  pattern: string;
  /** Whether the contraction still holds the pair's first word: "we'll" holds "we", "won't" not "will". */
  keepsFirst: boolean;
}

/** Which pairs of a term's words contract, by the index of their first word. */
function contractionsIn(words: readonly string[]): Map<number, Contraction> {
  const found = new Map<number, Contraction>();
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i]!.toLowerCase(), words[i + 1]!.toLowerCase()];
    if (found.has(i - 1)) continue;
    // "we will not" is written "we won't" more than "we'll not"; "we are not", "we're not".
    const negatedNext = words[i + 2]?.toLowerCase() === 'not' && (b === 'will' || b === 'would');
    const stem = NEGATED_STEMS[a];
    if (b === 'not' && stem) found.set(i, { pattern: `${stem}n${APOSTROPHE}t`, keepsFirst: stem === a });
    else if (negatedNext) continue;
    else if (SUBJECTS.has(a) && SUBJECT_CONTRACTIONS[b] && !(a === 'i' && b === 'are')) {
      found.set(i, { pattern: `${escapeTerm(words[i]!)}${APOSTROPHE}${SUBJECT_CONTRACTIONS[b]}`, keepsFirst: true });
    }
  }
  return found;
}

/** Indexes of the words that a contraction may replace, so that a match need not hold them. */
function contractedWords(term: string): Set<number> {
  const out = new Set<number>();
  for (const [i, { keepsFirst }] of contractionsIn(term.trim().split(/\s+/))) {
    if (!keepsFirst) out.add(i);
    out.add(i + 1);
  }
  return out;
}

/** A plain term as an expression matching it written in full or with its contractions. */
function withContractions(term: string): string {
  const words = term.trim().split(/\s+/);
  const contractions = contractionsIn(words);
  if (contractions.size === 0) return escapeTerm(term);
  const parts: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const contraction = contractions.get(i);
    if (contraction === undefined) {
      parts.push(escapeTerm(words[i]!));
      continue;
    }
    parts.push(`(?:${escapeTerm(`${words[i]} ${words[i + 1]}`)}|${contraction.pattern})`);
    i++;
  }
  return parts.join(SEPARATOR);
}

/** What a run of spaces or hyphens in a term matches: any other such run ("co-design", "co design"). */
const SEPARATOR = '[\\s\\u2010-\\u2015-]+';

function escapeTerm(term: string): string {
  // Escape regex syntax; let any run of spaces or hyphens match any other.
  return term
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/[\s-]+/g, SEPARATOR)
    .replace(/'/g, APOSTROPHE);
}
