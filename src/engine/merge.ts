// Joining the reports of the shards of one run (`--shard i/n --format json`, then `stratlint
// merge`). A shard's JSON report holds its documents' results as linted alone (no copied text
// across documents, which needs every shard) and a `shard` section with what the JSON leaves
// out: each document's place in the whole run's list, its copied-text print and setting, its
// findings' offsets and weights, the rules that ran, whether it was scored. Merge rebuilds the
// results, puts them back in the run's order, runs the same copied-text step an unsharded run
// does and builds the scorecards (the JSON leaves them out), so the joined run is that run's, and
// every reporter gives the same bytes from it.

import { createHash } from 'node:crypto';
import type { RuleMeta } from '../core/rule.js';
import type { FileResult, Finding, LintRun, ShardSection } from '../core/types.js';
import type { MergeMaterial } from './bulk.js';
import { addCopiedText, type CopySetting } from './copied-findings.js';
import { decodePrint, encodePrint, type EncodedPrint } from './copied-text.js';
import { buildScorecard, type Scorecard } from '../score/scorecard.js';
import { summarise } from './summary.js';
import type { Shard } from './shard.js';

/** The `shard` section's own version: a merge refuses a section it does not know. 2: no scorecards in the files. */
const SECTION_VERSION = 2;

interface EncodedSection extends ShardSection {
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

/** What a document's entry in the JSON's `files` lacks. */
interface EncodedDocument {
  path: string;
  order: number;
  copy: number | null;
  print?: EncodedPrint;
  /** offset, endOffset and weight of each finding, in the order of the JSON's findings. */
  places: number[];
  rules?: string[];
  failUnder?: number;
  /** The document was linted, so has a scorecard, which merge builds. */
  scored?: true;
  text?: string;
}

export function foundDigest(paths: readonly string[]): string {
  return createHash('sha256').update(paths.join('\n')).digest('hex');
}

export function encodeShard(
  shard: Shard,
  material: MergeMaterial,
  extra: { version: string; foundPaths: readonly string[]; rules: RuleMeta[]; others: string[]; ignored?: LintRun['ignored'] },
): ShardSection {
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
  const section: EncodedSection = {
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
      ...(result.rules ? { rules: result.rules } : {}),
      ...(result.failUnder !== undefined ? { failUnder: result.failUnder } : {}),
      ...(result.scorecard ? { scored: true as const } : {}),
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

export interface MergedRun {
  run: LintRun;
  rules: RuleMeta[];
  /** Whether the shards kept each document's text (--keep-text), which the html report shows. */
  hasText: boolean;
}

/** Joins the parsed JSON reports of every shard of one run. `reports` are [file name, parsed JSON]. */
export function mergeShards(reports: ReadonlyArray<[string, unknown]>): MergedRun {
  const sections: EncodedSection[] = [];
  const publicFiles = new Map<string, PublicFile>();
  for (const [name, json] of reports) {
    const section = sectionOf(name, json);
    sections.push(section);
    for (const file of (json as { files: PublicFile[] }).files) publicFiles.set(file.path, file);
  }
  const first = sections[0]!;
  const [firstName] = reports[0]!;
  const seen = new Map<number, string>();
  sections.forEach((s, i) => {
    const name = reports[i]![0];
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

  const documents = sections
    .flatMap((s) => s.documents.map((d) => ({ encoded: d, setting: d.copy === null ? null : s.copySettings[d.copy]! })))
    .sort((a, b) => a.encoded.order - b.encoded.order);
  const fileOf = (path: string, name: string): PublicFile => {
    const file = publicFiles.get(path);
    if (!file) throw new MergeError(`${name} has no result for ${path}, which its shard section names: the report was changed`);
    return file;
  };
  if (documents.length !== first.found) {
    throw new MergeError(`the shards hold ${documents.length} documents, but their run found ${first.found}: run every shard on the same files`);
  }
  const templates = first.templates;
  const results = documents.map(({ encoded }) => rebuild(fileOf(encoded.path, firstName), encoded));
  const prints = [...documents.map(({ encoded }) => (encoded.print ? decodePrint(encoded.print) : undefined)), ...templates.map((t) => (t.print ? decodePrint(t.print) : undefined))];
  if (prints.some((p) => p !== undefined)) {
    addCopiedText(
      results,
      prints,
      documents.map((d) => d.setting),
      [...results.map((r) => r.path), ...templates.map((t) => t.path)],
    );
  }
  // After the copied text, which counts in them.
  scoreWhenRead(results.filter((_, i) => documents[i]!.encoded.scored));
  // As Linter.lintFiles has them: the named paths that gave no document, then every document, by path.
  const files = [...first.others.map((path) => rebuild(fileOf(path, firstName), null)), ...results].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const run: LintRun = { files, summary: summarise(files), ...(first.ignored ? { ignored: first.ignored } : {}) };
  const hasText = results.every((r) => r.text !== undefined || r.format === null || r.errors.some((e) => e.code === 'parse-failed'));
  return { run, rules: mergeRules(sections), hasText };
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
  if (section.sectionVersion !== SECTION_VERSION || !Array.isArray(section.documents) || !Array.isArray(section.templates)) {
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
