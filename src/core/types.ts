// The types every layer shares. The core does no I/O.

import type { Root as MdastRoot } from 'mdast';
import type { Scorecard } from '../score/scorecard.js';

export const GOOD_SIGNS = [
  'integrated',
  'user-centred',
  'useful-to-teams',
  'mainstream',
  'realistic',
  'focused',
] as const;

export const BAD_SIGNS = [
  'it-driven',
  'cookie-cutter',
  'unproven-tech',
  'vague',
  'too-long-term',
  'wish-list',
] as const;

export const SIGNS = [...GOOD_SIGNS, ...BAD_SIGNS] as const;

export type GoodSign = (typeof GOOD_SIGNS)[number];
export type BadSign = (typeof BAD_SIGNS)[number];
export type Sign = GoodSign | BadSign;

export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';

export interface Point {
  line: number;
  column: number;
  offset: number;
  /** The page, for a paged format (PDF), where `line` counts the lines on that page. */
  page?: number;
}

/** One finding, modelled on a vfile message. Positions are 1-based. */
export interface Finding {
  ruleId: string;
  sign: Sign;
  severity: Severity;
  message: string;
  evidence: string;
  fix: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** For a PDF: the page `line` is on (and `endPage` the page `endLine` is on). */
  page?: number;
  endPage?: number;
  /** Offsets into the document's source text (not part of the JSON contract). */
  offset: number;
  endOffset: number;
  /** What a reader needs to find the place: "12:5" in Markdown. */
  locator: string;
  /** Heading titles from the document's top down to the section holding the finding. */
  headingPath: string[];
  docs: string;
  /** How much the finding counts toward its sign in the scorecard. */
  weight: number;
}

/** A problem with a file as a whole (unreadable, unparsable, a bad directive). */
export interface FileError {
  message: string;
  /** What kind of problem it is, stable for machines. */
  code: string;
  line?: number;
  column?: number;
}

export type DocumentFormat = 'markdown' | 'docx' | 'pdf';

/**
 * One document model for every input format. Adapters build it; rules read it and never
 * learn which format it came from.
 */
export interface StrategyDocument {
  path: string;
  format: DocumentFormat;
  /** The text that offsets refer to (the Markdown source, or the text an adapter synthesised). */
  text: string;
  tree: MdastRoot;
  /** Front matter (or core properties) as plain data; empty when there is none. */
  metadata: Record<string, unknown>;
  /** Turns an offset in `text` into a 1-based line and column. */
  toPoint(offset: number): Point;
  /** What a reader needs to find the place, e.g. "12:5". */
  locator(start: Point, headingPath: string[]): string;
  /** Inline directives the adapter found (Markdown comments, Word comments). */
  directives: Directive[];
  /** Parts of the text left out of the tree because they are beyond a hard limit (src/formats/limits.ts). */
  skipped?: SkippedText[];
}

/** A part of a document that was not analysed, and why ("nested more than 100 deep"). */
export interface SkippedText {
  start: number;
  end: number;
  reason: string;
}

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named; empty means every rule. */
  rules: string[];
  /** Where the directive itself sits (for reporting unknown rule names). */
  line: number;
  column: number;
  /** The last line the directive's own text occupies. */
  endLine?: number;
  /** True when the directive covers only lines `line`..`endLine` (a Word comment on a passage). */
  range?: boolean;
  /** Only findings with this message: a finding the author has seen and accepted (a resolved stratlint comment). */
  message?: string;
}

export interface FileResult {
  path: string;
  format: DocumentFormat | null;
  referenceDate: string | null;
  findings: Finding[];
  errors: FileError[];
  /** Verdicts per sign and an overall score (absent for a file that could not be read). */
  scorecard?: Scorecard;
  /** The score under which this document fails the run (--fail-under, config failUnder). */
  failUnder?: number;
  /** Word count, for reports. */
  words?: number;
  /**
   * The rules' document-level measures, by `<rule-id>.<name>` (a share of commitments, a count,
   * years of horizon): what the scorecard's verdicts are decided by.
   */
  measures?: Record<string, number>;
  /** Ids of the rules that ran on this document (the others were off for it). */
  rules?: string[];
  /** The text the findings' offsets refer to; kept only for a report that shows it (html). */
  text?: string;
}

export interface LintSummary {
  files: number;
  errors: number;
  warnings: number;
  fileErrors: number;
}

export interface LintRun {
  files: FileResult[];
  summary: LintSummary;
  /** Files named explicitly but skipped because an ignore pattern covers them. */
  ignored?: Array<{ path: string; pattern: string; source: string }>;
  /** With --baseline: the findings it held, left out of `files`, and those no longer found. */
  baseline?: BaselineOutcome;
  /** A shard's run (`--shard i/n`): what `stratlint merge` needs, carried in the JSON report. */
  shard?: ShardSection;
}

export interface BaselineOutcome {
  /** Findings the baseline holds, by document path: not reported as new, and failing nothing. */
  unchanged: Record<string, Finding[]>;
  /** Findings of the baseline no longer found (as read from it: no offsets or weight). */
  absent: Array<{ path: string; finding: Finding }>;
}

/** Which shard of a run this is; the rest is the engine's (src/engine/merge.ts), opaque to reporters. */
export interface ShardSection {
  index: number;
  total: number;
  [key: string]: unknown;
}
