// Joining the reports of the shards of one run (`--shard i/n --format json`, then `stratlint
// merge`). A shard's JSON report carries, besides the findings any tool reads, a `shard`
// section: every document's result as it was before anything across documents was added, its
// copied-text print, and its place in the whole run's list. Merge puts them back in that order
// and runs the same copied-text step an unsharded run does, so the joined run is that run's,
// and every reporter gives the same bytes from it.

import { createHash } from 'node:crypto';
import type { RuleMeta } from '../core/rule.js';
import type { FileResult, LintRun, ShardSection } from '../core/types.js';
import { addCopiedText, type CopySetting, type MergeMaterial } from './bulk.js';
import { decodePrint, encodePrint, type EncodedPrint } from './copied-text.js';
import { summarise } from './run.js';
import type { Shard } from './shard.js';

/** The `shard` section's own version: a merge refuses a section it does not know. */
const SECTION_VERSION = 1;

interface EncodedSection extends ShardSection {
  sectionVersion: number;
  stratlint: string;
  found: number;
  /** A hash of every path the whole run found: shards of different trees cannot be joined. */
  foundDigest: string;
  rules: RuleMeta[];
  copySettings: CopySetting[];
  documents: Array<{ order: number; copy: number | null; result: FileResult; print?: EncodedPrint }>;
  templates: Array<{ order: number; path: string; print?: EncodedPrint }>;
  /** Paths named that gave no document (missing, all ignored): the same in every shard. */
  others: FileResult[];
  ignored?: LintRun['ignored'];
}

export function foundDigest(paths: readonly string[]): string {
  return createHash('sha256').update(paths.join('\n')).digest('hex');
}

export function encodeShard(
  shard: Shard,
  material: MergeMaterial,
  extra: { version: string; foundPaths: readonly string[]; rules: RuleMeta[]; others: FileResult[]; ignored?: LintRun['ignored'] },
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
    documents: material.documents.map((d) => ({
      order: d.order,
      copy: indexOf(d.copy),
      result: d.result,
      ...(d.print ? { print: encodePrint(d.print) } : {}),
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
  for (const [name, json] of reports) sections.push(sectionOf(name, json));
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
    .flatMap((s) => s.documents.map((d) => ({ ...d, copy: d.copy === null ? null : s.copySettings[d.copy]! })))
    .sort((a, b) => a.order - b.order);
  if (documents.length !== first.found) {
    throw new MergeError(`the shards hold ${documents.length} documents, but their run found ${first.found}: run every shard on the same files`);
  }
  const templates = first.templates;
  const results = documents.map((d) => d.result);
  const prints = [...documents.map((d) => (d.print ? decodePrint(d.print) : undefined)), ...templates.map((t) => (t.print ? decodePrint(t.print) : undefined))];
  if (prints.some((p) => p !== undefined)) {
    addCopiedText(
      results,
      prints,
      documents.map((d) => d.copy),
      [...results.map((r) => r.path), ...templates.map((t) => t.path)],
    );
  }
  // As Linter.lintFiles has them: the named paths that gave no document, then every document, by path.
  const files = [...first.others, ...results].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const run: LintRun = { files, summary: summarise(files), ...(first.ignored ? { ignored: first.ignored } : {}) };
  const hasText = results.every((r) => r.text !== undefined || r.format === null || r.errors.some((e) => e.code === 'parse-failed'));
  return { run, rules: mergeRules(sections), hasText };
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
