// Shared facts about a document, computed once and lazily, handed to every rule.

import type { Link, Nodes, Parents, Root } from 'mdast';
import type { SkippedText, StrategyDocument } from '../core/types.js';
import { mergeSkipped } from '../core/limits.js';
import { foldForLiterals, type Lexicon, type LexiconMatch } from './lexicon.js';
import { lexiconOf, type LexiconSet } from './lexicons.js';
import { buildStructure, blockAt, type Block, type ListInfo, type Section, type Structure, type TableInfo } from './structure.js';
import { buildSentences, type Sentence } from './sentences.js';
import { findTemporal, parseDocumentDate, type TemporalMatch } from './temporal.js';
import { temporalRole, type RoleContext, type TemporalRole } from './temporal-roles.js';
import { findQuantities, type QuantityMatch } from './quantities.js';
import { findObjectives, type Objective } from './objectives.js';
import { measureReadability, type Readability } from './readability.js';
import { normaliseTree } from './normalise.js';

/** Two spans of time, from one to the other: "19 weeks to 14 weeks". */
const DURATION_RANGE = /^\d[\d.,]*\s*(?:minutes?|hours?|days?|weeks?|months?)\s+to\s+(?:under\s+|below\s+)?\d/i;
/** Words that make a span of time a level, a limit to stay under or one to reach: "under", "down to", "our target is", "an average of". */
const DURATION_LIMIT = /\b(?:under|below|less\s+than|fewer\s+than|no\s+more\s+than|at\s+most|down\s+to|from|target(?:\s+(?:is|of|was))?:?|average\s+of)\s+$/i;

export type { Block, ListInfo, Section, Sentence, Objective, TableInfo, TemporalRole };

/** A fact found in a sentence, with offsets into the document's text. */
export interface Located<T> {
  start: number;
  end: number;
  sentence: Sentence;
  match: T;
}

export type TemporalFact = Located<TemporalMatch> & {
  /** What the expression does in its sentence: a horizon, a deadline, a past year, a statistic… */
  role: TemporalRole;
  /** In a link or reference naming another document ("Digital Operations Strategic Plan: 2018-2022"): role is 'citation'. */
  citation: boolean;
};
export type QuantityFact = Located<QuantityMatch>;
export type TermFact = Located<LexiconMatch>;

const NO_TERMS: readonly TermFact[] = Object.freeze([]);

export type ReferenceDateSource = 'config' | 'front-matter' | 'title-page' | 'today';

export interface ReferenceDate {
  date: Date;
  year: number;
  iso: string;
  source: ReferenceDateSource;
}

export interface AnalysisOptions {
  lexicons: LexiconSet;
  /** Config's referenceDate, which wins over anything in the document. */
  referenceDate?: string | Date;
  /** "Today", for documents with no date of their own. */
  now?: Date;
}

/** Reference sections (glossaries, contents, back matter): their lists and sentences are not the plan. */
const REFERENCE_HEADINGS = 'excluded-headings';
/** The headings that decide whether a section is a plan's objectives: the nearest of them above it. */
const OBJECTIVE_SECTION_LEXICONS: readonly string[] = [REFERENCE_HEADINGS, 'background-headings', 'objective-headings'];
const OBJECTIVE_SECTION_KEY = OBJECTIVE_SECTION_LEXICONS.join('\n');

const CITATION_WORDS = /\b(?:plan|strategy|report|review|act|policy|framework|standard|standards|guidance|white paper|green paper|timeline|manifesto)\b/i;

export class Analysis {
  readonly doc: StrategyDocument;
  readonly lexicons: LexiconSet;
  private readonly options: AnalysisOptions;
  private cache = new Map<string, unknown>();
  private readonly lexiconViews = new Map<string, Lexicon>();
  /** Each text lower-cased once for every word list's first look at it (see Lexicon's Fold). */
  private readonly folded = new Map<string, string | null>();
  private readonly fold = (text: string): string | null => {
    let folded = this.folded.get(text);
    if (folded === undefined) {
      folded = foldForLiterals(text);
      this.folded.set(text, folded);
    }
    return folded;
  };

  constructor(doc: StrategyDocument, options: AnalysisOptions) {
    this.doc = doc;
    this.lexicons = options.lexicons;
    this.options = options;
  }

  private once<T>(key: string, build: () => T): T {
    // One lookup for the usual answer; has() only for a value that is undefined (no title).
    const cached = this.cache.get(key);
    if (cached !== undefined || this.cache.has(key)) return cached as T;
    const value = build();
    this.cache.set(key, value);
    return value;
  }

  /** A lexicon by name, remembering its answers for this document (see Lexicon.memoized). */
  lexicon(name: string): Lexicon {
    let view = this.lexiconViews.get(name);
    if (!view) {
      view = lexiconOf(this.lexicons, name).memoized(this.fold);
      this.lexiconViews.set(name, view);
    }
    return view;
  }

  /** The document's tree after the one normalisation step every format goes through. */
  get tree(): Root {
    return this.once('tree', () => normaliseTree(this.doc.tree, (offset) => this.doc.toPoint(offset), this.doc.text));
  }

  get structure(): Structure {
    return this.once('structure', () => buildStructure(this.tree, this.doc.text.length));
  }

  get blocks(): Block[] {
    return this.structure.blocks;
  }

  get sections(): Section[] {
    return this.structure.sections;
  }

  get lists(): ListInfo[] {
    return this.structure.lists;
  }

  /** The list a block belongs to, as an item or a paragraph inside one. */
  listOf(block: Block): ListInfo | undefined {
    if (!block.list) return undefined;
    const byList = this.once('listOf', () => new Map(this.lists.map((l) => [l.list, l] as const)));
    return byList.get(block.list.list);
  }

  /** The list a paragraph introduces: the one it is the lead-in of. */
  listIntroducedBy(block: Block): ListInfo | undefined {
    const byLeadIn = this.once('listIntroducedBy', () => {
      const map = new Map<Block, ListInfo>();
      for (const l of this.lists) if (l.leadIn && !map.has(l.leadIn)) map.set(l.leadIn, l);
      return map;
    });
    return byLeadIn.get(block);
  }

  get tables(): TableInfo[] {
    return this.structure.tables;
  }

  get sentences(): Sentence[] {
    return this.once('sentences', () => buildSentences(this.tree, this.doc.text, this.blocks, this.sentencesSkipped));
  }

  private readonly sentencesSkipped: SkippedText[] = [];

  /** The parts of the document left out of the analysis for being beyond a hard limit, in order. */
  get skipped(): SkippedText[] {
    return this.once('skipped', () => {
      void this.sentences; // fills sentencesSkipped
      return mergeSkipped(this.doc.skipped ?? [], this.sentencesSkipped, this.doc.text);
    });
  }

  /** Sentences grouped by the block they are in. */
  sentencesOf(block: Block): Sentence[] {
    const byBlock = this.once('sentencesByBlock', () => {
      const map = new Map<Block, Sentence[]>();
      for (const s of this.sentences) {
        const list = map.get(s.block);
        if (list) list.push(s);
        else map.set(s.block, [s]);
      }
      return map;
    });
    return byBlock.get(block) ?? [];
  }

  get wordCount(): number {
    return this.once('wordCount', () => this.sentences.reduce((n, s) => n + s.words.length, 0));
  }

  get referenceDate(): ReferenceDate {
    return this.once('referenceDate', () => this.findReferenceDate());
  }

  private findReferenceDate(): ReferenceDate {
    const make = (date: Date, source: ReferenceDateSource): ReferenceDate => ({
      date,
      year: date.getUTCFullYear(),
      iso: date.toISOString().slice(0, 10),
      source,
    });
    const configured = parseDocumentDate(this.options.referenceDate);
    if (configured) return make(configured, 'config');
    const fromMeta = parseDocumentDate(this.doc.metadata['date']);
    if (fromMeta) return make(fromMeta, 'front-matter');
    // A short line that is only a date, on the title page (before the second heading).
    let headings = 0;
    for (const block of this.blocks.slice(0, 12)) {
      if (block.kind === 'heading' && ++headings > 1) break;
      const text = block.text.trim();
      if (block.kind !== 'paragraph' || text.length > 40 || text.split(/\s+/).length > 5) continue;
      const date = parseDocumentDate(text);
      if (date) return make(date, 'title-page');
    }
    const now = this.options.now ?? new Date();
    return make(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())), 'today');
  }

  /** Link ranges with their text, in document order. */
  get links(): Array<{ start: number; end: number; text: string }> {
    return this.once('links', () => {
      const out: Array<{ start: number; end: number; text: string }> = [];
      const walk = (node: Nodes) => {
        if (node.type === 'link') {
          const link = node as Link;
          const text = link.children.map((c) => ('value' in c ? String(c.value) : '')).join('');
          if (link.position) out.push({ start: link.position.start.offset!, end: link.position.end.offset!, text });
        }
        if ('children' in node) for (const c of (node as Parents).children) walk(c as Nodes);
      };
      walk(this.tree);
      return out;
    });
  }

  linkAt(offset: number): { start: number; end: number; text: string } | undefined {
    return this.links.find((l) => l.start <= offset && offset < l.end);
  }

  /** Temporal expressions, per sentence, resolved against the reference date. */
  temporalOf(sentence: Sentence): TemporalFact[] {
    return this.temporal.bySentence.get(sentence) ?? [];
  }

  get temporalFacts(): TemporalFact[] {
    return this.temporal.all;
  }

  private get temporal(): { all: TemporalFact[]; bySentence: Map<Sentence, TemporalFact[]>; quantities: Map<Sentence, QuantityMatch[]> } {
    return this.once('temporal', () => {
      const all: TemporalFact[] = [];
      const bySentence = new Map<Sentence, TemporalFact[]>();
      // The quantities beside each sentence's dates, which quantitiesOf reuses.
      const quantities = new Map<Sentence, QuantityMatch[]>();
      const { date: reference, year: referenceYear } = this.referenceDate;
      const referenceMonth = reference.getUTCMonth() + 1;
      const title = this.title;
      const ownNames = this.ownNames;
      // A sentence repeated word for word (a tenth of them: headings, list items, slogans)
      // holds the same dates and the same figures beside them: found once per text.
      const byText = new Map<string, { matches: TemporalMatch[]; besideDates: QuantityMatch[] }>();
      for (const sentence of this.sentences) {
        let found = byText.get(sentence.text);
        if (!found) {
          const matches = findTemporal(sentence.text, reference);
          found = { matches, besideDates: matches.length ? findQuantities(sentence.text, matches) : [] };
          byText.set(sentence.text, found);
        }
        const { matches, besideDates } = found;
        if (!matches.length) continue;
        const block = sentence.block;
        quantities.set(sentence, besideDates);
        // One context per sentence, its match and citation set for each match in turn
        // (temporalRole keeps nothing of it), rather than a copy of it made for every match.
        const context: RoleContext = {
          match: matches[0]!,
          cited: false,
          text: sentence.text,
          referenceYear,
          referenceMonth,
          inHeading: block.kind === 'heading' || block === title,
          inObjectives: this.inObjectivesSection(block.section),
          figures: besideDates.filter((q) => q.kind === 'percent' || q.kind === 'money'),
          forecast: this.lexicon('forecast-words').test(sentence.text),
          ownNames,
        };
        const facts = matches.map((match) => {
          const start = sentence.sourceOffset(match.start);
          const end = sentence.sourceOffset(match.end - 1) + 1;
          context.match = match;
          context.cited = this.isCitation(sentence, match, start);
          const role = temporalRole(context);
          return { start, end, sentence, match, role, citation: role === 'citation' };
        });
        bySentence.set(sentence, facts);
        all.push(...facts);
      }
      return { all, bySentence, quantities };
    });
  }

  private isCitation(sentence: Sentence, match: TemporalMatch, start: number): boolean {
    const link = this.linkAt(start);
    if (link && CITATION_WORDS.test(link.text) && match.marker !== 'by') return true;
    // Author-year references: "(NHS England, 2019)", "(2019)".
    const text = sentence.text;
    const open = text.lastIndexOf('(', match.start);
    const close = text.indexOf(')', match.end);
    if (open >= 0 && close >= 0 && !text.slice(open, match.start).includes(')') && !text.slice(match.end, close).includes('(')) {
      if (/^\s*(?:(?:[^,\s][^,]*)?,\s*)?(?:19|20)\d{2}[a-z]?\s*$/.test(text.slice(open + 1, close))) return true;
    }
    return false;
  }

  /** Quantities per sentence, excluding the numbers that are part of a date. */
  quantitiesOf(sentence: Sentence): QuantityFact[] {
    const bySentence = this.once('quantities', () => new Map<Sentence, QuantityFact[]>());
    const hit = bySentence.get(sentence);
    if (hit) return hit;
    // A span of time given as a level to reach ("from 19 weeks to 14 weeks", "down to under
    // 6 weeks") measures a wait; it is no date, so its numbers are quantities.
    const all = this.temporalOf(sentence).map((f) => f.match);
    const dates = all.filter((m) => !(m.kind === 'relative' && (DURATION_RANGE.test(m.text) || DURATION_LIMIT.test(sentence.text.slice(Math.max(0, m.start - 14), m.start)))));
    // With every date kept, the quantities are those found beside the dates already.
    const found = (dates.length === all.length ? this.temporal.quantities.get(sentence) : undefined) ?? findQuantities(sentence.text, dates);
    const facts = found.map((match) => ({
      start: sentence.sourceOffset(match.start),
      end: sentence.sourceOffset(match.end - 1) + 1,
      sentence,
      match,
    }));
    bySentence.set(sentence, facts);
    return facts;
  }

  /** Matches of a lexicon in one sentence, with source offsets. */
  termsIn(sentence: Sentence, lexiconName: string): readonly TermFact[] {
    const matches = this.lexicon(lexiconName).matches(sentence.text);
    // Most sentences hold none of a list's terms: one shared empty answer for all of them.
    if (matches.length === 0) return NO_TERMS;
    return matches.map((match) => this.locate(sentence, match));
  }

  /** A match in a sentence's text as a fact of the document, with source offsets. */
  locate(sentence: Sentence, match: LexiconMatch): TermFact {
    return { start: sentence.sourceOffset(match.start), end: sentence.sourceOffset(match.end - 1) + 1, sentence, match };
  }

  /** Matches of a lexicon across the document. */
  terms(lexiconName: string): TermFact[] {
    return this.once(`terms:${lexiconName}`, () => this.sentences.flatMap((s) => this.termsIn(s, lexiconName)));
  }

  get readability(): Readability {
    return this.once('readability', () => measureReadability(this.sentences));
  }

  get objectives(): Objective[] {
    return this.once('objectives', () => findObjectives(this));
  }

  /**
   * A fact about a section, computed once per section: rules and the commitment model ask about
   * the section of every sentence, and each answer walks up the section's headings. Facts are
   * kept by the name they are asked with (a lexicon's name), not under a key built on each call
   * (a new string, flattened and hashed for every question), and `compute` takes what it needs
   * as arguments, so that a question answered before allocates nothing.
   */
  private perSection<A, T>(facts: Map<string, Map<Section, T>>, name: string, section: Section, arg: A, compute: (section: Section, arg: A) => T): T {
    let bySection = facts.get(name);
    if (!bySection) {
      bySection = new Map<Section, T>();
      facts.set(name, bySection);
    }
    if (bySection.has(section)) return bySection.get(section) as T;
    const value = compute(section, arg);
    bySection.set(section, value);
    return value;
  }

  private readonly sectionMatchesFacts = new Map<string, Map<Section, boolean>>();
  private readonly nearestMatchingFacts = new Map<string, Map<Section, string | null>>();

  /** Whether a section, or one of the sections it sits in, has a heading matching a lexicon. */
  sectionMatches(section: Section, lexiconName: string): boolean {
    return this.perSection(this.sectionMatchesFacts, lexiconName, section, lexiconName, this.headingsMatch);
  }

  private readonly headingsMatch = (section: Section, lexiconName: string): boolean => {
    for (let s: Section | null = section; s; s = s.parent) {
      if (s.heading && this.titleMatches(s.title, lexiconName)) return true;
    }
    return false;
  };

  /**
   * Whether a heading's title matches a lexicon. A heading labelled "Appendix" or "Annex" is
   * reference matter, as the excluded headings are, unless its title names the plan or its parts:
   * a strategy sent as a report's "Appendix A: Digital Strategy 2026–2036", or its actions put in
   * "Annex A: Delivery plan", is the plan; "Appendix B: Risks" is not.
   */
  private titleMatches(title: string, lexiconName: string): boolean {
    if (this.lexicon(lexiconName).test(title)) return true;
    return (
      lexiconName === REFERENCE_HEADINGS &&
      this.lexicon('appendix-labels').test(title) &&
      !this.lexicon('plan-titles').test(title) &&
      !this.lexicon('objective-headings').test(title)
    );
  }

  /** The nearest enclosing section whose heading matches one of the lexicons, by name. */
  nearestMatching(section: Section, lexiconNames: readonly string[]): string | null {
    return this.perSection(this.nearestMatchingFacts, lexiconNames.join('\n'), section, lexiconNames, this.nearestHeadingMatch);
  }

  /**
   * Whether a section is under an objectives heading, with no reference or background heading
   * nearer: the commitment model, dates' roles and rules ask it of every section they meet, so
   * it is kept under one name rather than a key joined from the lexicons' names on each call.
   */
  inObjectivesSection(section: Section): boolean {
    return this.perSection(this.nearestMatchingFacts, OBJECTIVE_SECTION_KEY, section, OBJECTIVE_SECTION_LEXICONS, this.nearestHeadingMatch) === 'objective-headings';
  }

  private readonly nearestHeadingMatch = (section: Section, lexiconNames: readonly string[]): string | null => {
    for (let s: Section | null = section; s; s = s.parent) {
      if (!s.heading) continue;
      for (const name of lexiconNames) if (this.titleMatches(s.title, name)) return name;
    }
    return null;
  };

  blockAt(offset: number): Block | undefined {
    return blockAt(this.blocks, offset);
  }

  sectionAt(offset: number): Section {
    return this.blockAt(offset)?.section ?? this.structure.root;
  }

  /** The document's title: its first level-1 heading, else its first heading near the top. */
  get title(): Block | undefined {
    return this.once('title', () => {
      const headings = this.blocks.filter((b) => b.kind === 'heading');
      return headings.find((b) => b.depth === 1) ?? headings.find((b) => b.index < 5) ?? headings[0] ?? this.blocks[0];
    });
  }

  /**
   * The names the document gives itself, one per line: its title, the title its front matter or
   * properties give ("RE Strategy" is also "GDS Reliability Engineering Strategy 2019-2020"), and
   * the lines of a title page, short paragraphs set wholly in bold before the first heading
   * ("**Northmoor Trust**", "**Digital Strategy 2025-2035**"). A plan of one of these names is this
   * document, not another the organisation has.
   */
  get ownNames(): string {
    return this.once('ownNames', () => {
      const names = this.title ? [this.title.text] : [];
      const meta = this.doc.metadata['title'];
      if (typeof meta === 'string' && meta.trim()) names.push(meta.trim());
      for (const block of this.blocks) {
        if (block.kind === 'heading' || block.inTable) break;
        if (block !== this.title && block.kind === 'paragraph' && isWhollyBold(block.node) && block.text.split(/\s+/).length <= 15) names.push(block.text);
      }
      return names.join('\n');
    });
  }

  /** The first heading whose text matches a pattern or a lexicon (by name). */
  heading(pattern: RegExp | string): Block | undefined {
    const test = typeof pattern === 'string' ? (t: string) => this.lexicon(pattern).test(t) : (t: string) => pattern.test(t);
    return this.blocks.find((b) => b.kind === 'heading' && test(b.text));
  }

  /** The last heading at the document's top level of sections (its closing section). */
  get closingHeading(): Block | undefined {
    const headings = this.blocks.filter((b) => b.kind === 'heading' && b !== this.title && !this.sectionMatches(b.section, 'excluded-headings'));
    if (headings.length === 0) return undefined;
    const top = Math.min(...headings.map((h) => h.depth));
    return headings.filter((h) => h.depth === top).pop();
  }

  /**
   * Where to report something missing: the first heading matching the pattern (the section
   * where it belongs), else the title. Never the first byte of a front-matter block.
   */
  anchor(pattern?: RegExp | string): Block | undefined {
    return (pattern ? this.heading(pattern) : undefined) ?? this.title;
  }
}

/** A paragraph whose only content is one bold run: a title page's line. */
function isWhollyBold(node: Block['node']): boolean {
  const children = 'children' in node ? node.children : [];
  return children.length === 1 && children[0]!.type === 'strong';
}
