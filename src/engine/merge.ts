// Joining the reports of the shards of one run (`--shard i/n --format json`, then `stratlint
// merge`). A shard's JSON report holds its documents' entries as the whole run writes them but
// for copied text across documents (which needs every shard), and a `shard` section with what the
// JSON leaves out: each document's place in the whole run's list, its copied-text print and
// setting, its findings' offsets, weights and places, the rules that ran, its signs' points, and
// where each entry and each of its parts lies in the file (src/reporters/json.ts).
//
// For any report but the JSON one (or with --quiet or --baseline, which change the findings),
// merge rebuilds the results from the entries, puts them back in the run's order, runs the same
// copied-text step an unsharded run does and builds the scorecards, so that the joined run is
// that run's and every reporter gives the same bytes from it. For the JSON report it parses only
// the sections: an entry that copied text across shards leaves alone is copied as the shard wrote
// it; in one it changes, the findings are copied with the new ones put among them, and only the
// copied text's sign and the score are made again (spliceShards).

import { createHash } from 'node:crypto';
import { jsonText } from '../core/ascii-json.js';
import { compareFindings } from '../core/finding-order.js';
import type { RuleMeta } from '../core/rule.js';
import { SIGNS, type FileResult, type Finding, type LintRun, type ShardSection, type Sign } from '../core/types.js';
import type { MergeMaterial } from './bulk.js';
import { addCopiedText, findCopiedText, type CopySetting } from './copied-findings.js';
import { decodePrint, encodePrint, type CopyPrint, type EncodedPrint } from './copied-text.js';
import { buildScorecard, scoreFrom, scoreSign, scorecardOf, type Scorecard, type SignScore } from '../score/scorecard.js';
import { summarise } from './summary.js';
import type { Shard } from './shard.js';

/**
 * The `shard` section's own version: a merge refuses a section it does not know. 2: no scorecards
 * in the files. 3: the files as the whole run writes them, and where their parts lie.
 */
const SECTION_VERSION = 3;

/** A shard's section as encodeShard makes it; the JSON reporter adds `entries`. */
interface SectionBody extends ShardSection {
  sectionVersion: number;
  stratlint: string;
  found: number;
  /** A hash of every path the whole run found: shards of different trees cannot be joined. */
  foundDigest: string;
  rules: RuleMeta[];
  copySettings: CopySetting[];
  documents: EncodedDocument[];
  templates: Array<{ order: number; path: string; print?: EncodedPrint }>;
  /** Paths named that gave no document (missing, all ignored), in the JSON's files: the same in every shard. */
  others: string[];
  ignored?: LintRun['ignored'];
}

interface EncodedSection extends SectionBody {
  /** Where each file's entry and its parts lie (written by the JSON reporter): [path, start, end, findings, signs (-1: no scorecard), …each part's start and end]. */
  entries: Array<[string, ...number[]]>;
}

/** What a document's entry in the JSON's `files` lacks. */
interface EncodedDocument {
  path: string;
  order: number;
  copy: number | null;
  print?: EncodedPrint;
  /** offset, endOffset and weight of each finding, in the order of the JSON's findings. */
  places: number[];
  /** page (0 for none), line and column of each finding: where copied text found by merge goes among them. */
  where: number[];
  /** How many of the findings are errors. */
  errorCount: number;
  /** The findings of the copied text's sign, by index: that sign is built again when merge adds copied text. */
  signed?: number[];
  /** Each sign's points, in the scorecard's order, when the document has a scorecard (it was linted). */
  points?: number[];
  rules?: string[];
  failUnder?: number;
  text?: string;
}

export function foundDigest(paths: readonly string[]): string {
  return createHash('sha256').update(paths.join('\n')).digest('hex');
}

export function encodeShard(
  shard: Shard,
  material: MergeMaterial,
  extra: { version: string; foundPaths: readonly string[]; rules: RuleMeta[]; others: string[]; ignored?: LintRun['ignored'] },
): SectionBody {
  const settings: CopySetting[] = [];
  const settingIndex = new Map<string, number>();
  const indexOf = (setting: CopySetting | null): number | null => {
    if (!setting) return null;
    const key = JSON.stringify(setting);
    let index = settingIndex.get(key);
    if (index === undefined) {
      index = settings.length;
      settings.push(setting);
      settingIndex.set(key, index);
    }
    return index;
  };
  const section: SectionBody = {
    index: shard.index,
    total: shard.total,
    sectionVersion: SECTION_VERSION,
    stratlint: extra.version,
    found: material.found,
    foundDigest: foundDigest(extra.foundPaths),
    rules: extra.rules,
    copySettings: settings,
    documents: material.documents.map(({ order, copy, print, result }) => ({
      path: result.path,
      order,
      copy: indexOf(copy),
      ...(print ? { print: encodePrint(print) } : {}),
      places: result.findings.flatMap((f) => [f.offset, f.endOffset, f.weight]),
      where: result.findings.flatMap((f) => [f.page ?? 0, f.line, f.column]),
      errorCount: result.findings.filter((f) => f.severity === 'error').length,
      ...(copy ? { signed: result.findings.flatMap((f, i) => (f.sign === copy.meta.sign ? [i] : [])) } : {}),
      ...(result.scorecard ? { points: Object.values(result.scorecard.signs).map((s) => s.points) } : {}),
      ...(result.rules ? { rules: result.rules } : {}),
      ...(result.failUnder !== undefined ? { failUnder: result.failUnder } : {}),
      ...(result.text !== undefined ? { text: result.text } : {}),
    })),
    templates: material.templates.map((t) => ({ order: t.order, path: t.path, ...(t.print ? { print: encodePrint(t.print) } : {}) })),
    others: extra.others,
    ...(extra.ignored ? { ignored: extra.ignored } : {}),
  };
  return section;
}

/** A report that cannot be merged, with the reason in one line. */
export class MergeError extends Error {
  override name = 'MergeError';
}


/** A shard's report as merge reads it: its bytes, and its section, parsed. */
export interface ShardReport {
  name: string;
  bytes: Buffer;
  section: EncodedSection;
}

const REPORT_HEAD = Buffer.from('{\n  "version": 1,\n  "files": [');
const SECTION_LINE = Buffer.from('\n  "shard": ');
const REPORT_END = '\n}\n';

/**
 * Reads a shard's report, parsing only its section: the last member, on its own line. A file
 * without one is parsed whole, to say what it is instead (not JSON, no shard, another version).
 */
export function readShard(name: string, bytes: Buffer): ShardReport {
  const at = bytes.lastIndexOf(SECTION_LINE);
  const end = bytes.length - REPORT_END.length;
  if (at !== -1 && bytes.subarray(0, REPORT_HEAD.length).equals(REPORT_HEAD) && bytes.toString('latin1', end) === REPORT_END) {
    let section: unknown;
    try {
      section = JSON.parse(bytes.toString('latin1', at + SECTION_LINE.length, end));
    } catch {
      section = undefined;
    }
    if (section) return { name, bytes, section: sectionOf(name, { version: 1, files: [], shard: section }) };
  }
  let json: unknown;
  try {
    json = JSON.parse(jsonText(bytes));
  } catch (error) {
    throw new MergeError(`${name}: not JSON (${(error as Error).message})`);
  }
  sectionOf(name, json);
  throw new MergeError(`${name}'s shard section is of another version of stratlint, or damaged`);
}

export interface MergedRun {
  run: LintRun;
  rules: RuleMeta[];
  /** Whether the shards kept each document's text (--keep-text), which the html report shows. */
  hasText: boolean;
}

/** Joins the reports of every shard of one run into that run's results, for any report. */
export function mergeShards(shards: readonly ShardReport[]): MergedRun {
  const { documents, first, sections } = joinShards(shards);
  const results = documents.map(({ encoded, entry }) => rebuild(parseEntry(entry), encoded));
  addCopiedText(results, ...copyInputs(documents, first));
  // After the copied text, which counts in them.
  scoreWhenRead(results.filter((_, i) => documents[i]!.encoded.points));
  // As Linter.lintFiles has them: the named paths that gave no document, then every document, by path.
  const files = [...first.others.map((path) => rebuild(parseEntry(entryIn(shards[0]!, path)), null)), ...results].sort(byPath);
  const run: LintRun = { files, summary: summarise(files), ...(first.ignored ? { ignored: first.ignored } : {}) };
  const hasText = results.every((r) => r.text !== undefined || r.format === null || r.errors.some((e) => e.code === 'parse-failed'));
  return { run, rules: mergeRules(sections), hasText };
}

/** A merged run for the JSON report: each file's entry as a shard wrote it, and what copied text across shards changes in it. */
export interface SplicedRun {
  files: SplicedFile[];
  summary: LintRun['summary'];
  ignored?: LintRun['ignored'];
}

export interface SplicedFile extends Pick<FileResult, 'path' | 'errors' | 'failUnder'> {
  scorecard?: { score: number };
  entry: ShardEntry;
  changed?: {
    /** The findings in the report's order: a number is the shard's finding of that index, in the entry. */
    findings: Array<number | Finding>;
    /** The scorecard again: the copied text's sign built again, every other sign's points only (its text is the entry's). */
    scorecard?: { sign: Sign; card: ReturnType<typeof scorecardOf<Pick<SignScore, 'points'>>> };
  };
}

/**
 * Joins the reports of every shard of one run for the JSON report, parsing of the entries only
 * their errors and measures, and of the findings only those that copied text across shards
 * rescores or that tie in place with a passage it adds.
 */
export function spliceShards(shards: readonly ShardReport[]): SplicedRun {
  const { documents, first } = joinShards(shards);
  const added = findCopiedText(documents.length, ...copyInputs(documents, first));
  const summary = { files: 0, errors: 0, warnings: 0, fileErrors: 0 };
  const spliced = documents.map(({ encoded, setting, entry }, i): SplicedFile => {
    const { errors, measures } = entry.tail();
    const kept = added.get(i) ?? [];
    const found = encoded.places.length / 3;
    summary.errors += encoded.errorCount + kept.filter((f) => f.severity === 'error').length;
    summary.warnings += found - encoded.errorCount + kept.filter((f) => f.severity !== 'error').length;
    const file = { path: encoded.path, errors, ...(encoded.failUnder !== undefined ? { failUnder: encoded.failUnder } : {}), entry };
    const points = encoded.points;
    if (kept.length === 0) return { ...file, ...(points ? { scorecard: { score: scoreFrom(points) } } : {}) };
    const findings = among(entry, encoded, kept);
    if (!points) return { ...file, changed: { findings } };
    // The sign of the copied text is built again from its findings, old and new; the others stand.
    const sign = setting!.meta.sign;
    const signed = new Set(encoded.signed);
    const mine = findings.flatMap((f) => (typeof f !== 'number' ? [f] : signed.has(f) ? [entry.finding(f, encoded.places[f * 3 + 2]!)] : []));
    const signs = Object.fromEntries(SIGNS.map((s, k) => [s, s === sign ? scoreSign(s, mine, measures ?? {}, entry.head().words ?? 0) : { points: points[k]! }]));
    const card = scorecardOf(signs as Record<Sign, Pick<SignScore, 'points'>>);
    return { ...file, scorecard: { score: card.score }, changed: { findings, scorecard: { sign, card } } };
  });
  const others = first.others.map((path): SplicedFile => {
    const entry = entryIn(shards[0]!, path);
    const { findings } = parseEntry(entry);
    summary.errors += findings.filter((f) => f.severity === 'error').length;
    summary.warnings += findings.filter((f) => f.severity !== 'error').length;
    return { path, errors: entry.tail().errors, entry };
  });
  const files = [...others, ...spliced].sort(byPath);
  summary.files = files.length;
  summary.fileErrors = files.reduce((n, f) => n + f.errors.length, 0);
  return { files, summary, ...(first.ignored ? { ignored: first.ignored } : {}) };
}

/** The shard's findings (by index) and the copied text's (sorted), in the order of compareFindings, the shard's first on a tie. */
function among(entry: ShardEntry, encoded: EncodedDocument, kept: readonly Finding[]): Array<number | Finding> {
  const found = encoded.places.length / 3;
  const where = encoded.where;
  const out: Array<number | Finding> = [];
  let j = 0;
  for (const finding of kept) {
    for (; j < found; j++) {
      const order = where[j * 3]! - (finding.page ?? 0) || where[j * 3 + 1]! - finding.line || where[j * 3 + 2]! - finding.column;
      // In the same place: by rule and message, which only the finding's text holds.
      if (order > 0 || (order === 0 && compareFindings(entry.finding(j, 0), finding) > 0)) break;
      out.push(j);
    }
    out.push(finding);
  }
  for (; j < found; j++) out.push(j);
  return out;
}

/** A file's entry in a shard's report: its bytes, and where its parts lie in them. */
export interface ShardEntry {
  bytes: Buffer;
  /** Findings, signs (-1 when it has no scorecard), then each part's start and end in `bytes`: head, findings, tail, the scorecard's top, signs. */
  layout: number[];
  head(): Pick<FileResult, 'path' | 'format' | 'referenceDate' | 'words'>;
  tail(): Pick<FileResult, 'errors' | 'measures'>;
  /** The shard's finding of that index, with its weight. */
  finding(index: number, weight: number): Finding;
}

function shardEntry(bytes: Buffer, layout: number[]): ShardEntry {
  const findings = layout[0]!;
  const part = (k: number) => bytes.toString('utf8', layout[2 + 2 * k]!, layout[3 + 2 * k]!);
  return {
    bytes,
    layout,
    head: () => JSON.parse(`{${part(0)}}`),
    tail: () => JSON.parse(`{${part(1 + findings)}}`),
    finding: (index, weight) => ({ ...JSON.parse(part(1 + index)), offset: 0, endOffset: 0, weight }),
  };
}

/** The entry of `path` in a shard's report. */
function entryIn(shard: ShardReport, path: string): ShardEntry {
  const found = entriesOf(shard).get(path);
  if (!found) throw new MergeError(`${shard.name} has no result for ${path}, which its shard section names: the report was changed`);
  const [start, end, ...layout] = found;
  const bytes = shard.bytes.subarray(start, end);
  if (bytes[0] !== 0x7b || bytes[bytes.length - 1] !== 0x7d || layout.length < 6) throw new MergeError(`${shard.name}'s entry for ${path} is not where its section says: the report was changed`);
  return shardEntry(bytes, layout);
}

const entryMaps = new WeakMap<ShardReport, Map<string, number[]>>();
function entriesOf(shard: ShardReport): Map<string, number[]> {
  let map = entryMaps.get(shard);
  if (!map) {
    map = new Map(shard.section.entries.map(([path, ...at]) => [path, at]));
    entryMaps.set(shard, map);
  }
  return map;
}

function parseEntry(entry: ShardEntry): PublicFile {
  return JSON.parse(entry.bytes.toString('utf8'));
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

interface JoinedDocument {
  encoded: EncodedDocument;
  setting: CopySetting | null;
  entry: ShardEntry;
}

/** Checks that the reports are the shards of one run, every shard once, and puts their documents in the run's order. */
function joinShards(shards: readonly ShardReport[]): { sections: EncodedSection[]; first: EncodedSection; documents: JoinedDocument[] } {
  const sections = shards.map((s) => s.section);
  const first = sections[0]!;
  const firstName = shards[0]!.name;
  const seen = new Map<number, string>();
  sections.forEach((s, i) => {
    const name = shards[i]!.name;
    if (s.total !== first.total) throw new MergeError(`${name} is shard ${s.index}/${s.total}, but ${firstName} is one of ${first.total}`);
    if (s.stratlint !== first.stratlint) throw new MergeError(`${name} was written by stratlint ${s.stratlint}, ${firstName} by ${first.stratlint}: run every shard with one version`);
    if (s.found !== first.found || s.foundDigest !== first.foundDigest) {
      throw new MergeError(`${name} and ${firstName} are shards of runs over different documents (${s.found} and ${first.found} found): run every shard on the same files, with the same arguments`);
    }
    const other = seen.get(s.index);
    if (other !== undefined) throw new MergeError(`${name} and ${other} are both shard ${s.index}/${s.total}`);
    seen.set(s.index, name);
  });
  const absent = Array.from({ length: first.total }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (absent.length > 0) {
    throw new MergeError(`shard${absent.length > 1 ? 's' : ''} ${absent.map((i) => `${i}/${first.total}`).join(', ')} missing: merge needs the report of every shard`);
  }
  const documents = shards
    .flatMap((shard) => shard.section.documents.map((d) => ({ encoded: d, setting: d.copy === null ? null : shard.section.copySettings[d.copy]!, shard })))
    .sort((a, b) => a.encoded.order - b.encoded.order)
    .map(({ encoded, setting, shard }) => ({ encoded, setting, entry: entryIn(shard, encoded.path) }));
  if (documents.length !== first.found) {
    throw new MergeError(`the shards hold ${documents.length} documents, but their run found ${first.found}: run every shard on the same files`);
  }
  return { sections, first, documents };
}

/** What the copied-text step takes: every document's print, then the templates', their settings and paths. */
function copyInputs(documents: readonly JoinedDocument[], first: EncodedSection): [Array<CopyPrint | undefined>, Array<CopySetting | null>, string[]] {
  const prints = [...documents.map(({ encoded }) => encoded.print), ...first.templates.map((t) => t.print)].map((p) => (p ? decodePrint(p) : undefined));
  return [prints, documents.map((d) => d.setting), [...documents.map((d) => d.encoded.path), ...first.templates.map((t) => t.path)]];
}

/**
 * Gives the merged documents their scorecards, each built from the document's findings (as they
 * are now: --quiet and --baseline later leave out findings, not what the document is) when it is
 * read, and held only until another document's is read. A report reads a document's scorecard
 * once (the JSON report, --fail-under) or a few times in a row as it writes that document (the
 * html report, once per sign); built all at once and kept, 2,000 of them outlived the young
 * generation and the collector copied each twice and marked it, where now each is garbage as
 * soon as its document is written.
 */
function scoreWhenRead(results: readonly FileResult[]): void {
  let last: { result: FileResult; scorecard: Scorecard } | undefined;
  for (const result of results) {
    const { findings, measures, words } = result;
    Object.defineProperty(result, 'scorecard', {
      get: () => {
        if (last?.result !== result) last = { result, scorecard: buildScorecard(findings, measures, words) };
        return last.scorecard;
      },
      enumerable: true,
      configurable: true,
    });
  }
}

/** A file of a JSON report as it is written (src/reporters/json.ts). */
type PublicFile = Omit<FileResult, 'findings'> & { findings: Array<Omit<Finding, 'offset' | 'endOffset' | 'weight'>> };

/** A document's result as the shard had it, from its JSON and what its section adds. */
function rebuild(file: PublicFile, extra: EncodedDocument | null): FileResult {
  const places = extra?.places ?? [];
  // The JSON's own findings, given what the section adds, rather than copied: a merge of 2,000
  // documents holds 55,000 of them, and twice as many made the collector's work half the merge's.
  const findings = file.findings as Finding[];
  findings.forEach((f, i) => {
    f.offset = places[i * 3] ?? 0;
    f.endOffset = places[i * 3 + 1] ?? 0;
    f.weight = places[i * 3 + 2] ?? 0;
  });
  return {
    path: file.path,
    format: file.format,
    referenceDate: file.referenceDate,
    findings,
    errors: file.errors,
    ...(extra?.failUnder !== undefined ? { failUnder: extra.failUnder } : {}),
    ...(file.words !== undefined ? { words: file.words } : {}),
    ...(file.measures !== undefined ? { measures: file.measures } : {}),
    ...(extra?.rules ? { rules: extra.rules } : {}),
    ...(extra?.text !== undefined ? { text: extra.text } : {}),
  };
}

function sectionOf(name: string, json: unknown): EncodedSection {
  const report = json as { version?: unknown; shard?: Partial<EncodedSection> } | null;
  if (!report || typeof report !== 'object' || report.version !== 1 || !Array.isArray((report as { files?: unknown }).files)) {
    throw new MergeError(`${name} is not a stratlint JSON report (version 1)`);
  }
  const section = report.shard;
  if (!section || typeof section !== 'object') {
    throw new MergeError(`${name} holds no shard of a run: write each shard's report with --shard i/n --format json`);
  }
  if (section.sectionVersion !== SECTION_VERSION || !Array.isArray(section.documents) || !Array.isArray(section.templates) || !Array.isArray(section.entries)) {
    throw new MergeError(`${name}'s shard section is of another version of stratlint, or damaged`);
  }
  return section as EncodedSection;
}

/** Every rule any shard knew, in the order the first knew them (they all read the same configs). */
function mergeRules(sections: EncodedSection[]): RuleMeta[] {
  const byId = new Map<string, RuleMeta>();
  for (const s of sections) for (const meta of s.rules) if (!byId.has(meta.id)) byId.set(meta.id, meta);
  return [...byId.values()];
}
