// Copied text across documents as findings: the passages that matchPrints finds, placed, quoted
// and held to each document's copied-text setting and directives. Kept apart from the bulk run so
// that `stratlint merge`, which only joins reports, does not load the rules and parsers with it.

import type { RuleMeta } from '../core/rule.js';
import { compareFindings } from '../core/finding-order.js';
import type { FileResult, Finding, Severity } from '../core/types.js';
import { buildScorecard } from '../score/scorecard.js';
import { locatorAt, matchPrints, place, type CopyPrint, type SharedPassage } from './copied-text.js';
import { applyDirectives } from './directives.js';

/** How copied-text is set for one document: plain data, so that a shard's report can carry it. */
export interface CopySetting {
  meta: Pick<RuleMeta, 'id' | 'sign' | 'fix'> & { docs: string };
  severity: Severity;
  minWords: number;
  knownRuleIds: string[];
}

/**
 * Adds the copied-text findings: `results[i]` is the document at `prints[i]` and `paths[i]`; the
 * prints and paths beyond the results are templates'. A merge of shards calls this on all of
 * their documents, in the order one unsharded run has them, so it finds what that run finds.
 */
export function addCopiedText(
  results: FileResult[],
  prints: ReadonlyArray<CopyPrint | undefined>,
  copy: ReadonlyArray<CopySetting | null>,
  paths: string[],
): Map<number, Finding[]> {
  const added = findCopiedText(results.length, prints, copy, paths);
  for (const [index, kept] of added) {
    const result = results[index]!;
    result.findings = [...result.findings, ...kept].sort(compareFindings);
    if (result.scorecard) result.scorecard = buildScorecard(result.findings, result.measures, result.words);
  }
  return added;
}

/** The copied-text findings of the first `documents` of the prints, by index, each list sorted; addCopiedText adds them. */
export function findCopiedText(
  documents: number,
  prints: ReadonlyArray<CopyPrint | undefined>,
  copy: ReadonlyArray<CopySetting | null>,
  paths: string[],
): Map<number, Finding[]> {
  const added = new Map<number, Finding[]>();
  const passages = matchPrints(prints, (i) => i < documents && copy[i] !== null);
  for (const [index, shared] of passages) {
    const setting = copy[index]!;
    const print = prints[index]!;
    const findings = shared
      .filter((p) => p.end - p.start >= setting.minWords)
      .map((p) => copiedFinding(setting, print, p, paths[p.other]!, prints[p.other]!));
    if (findings.length === 0) continue;
    const kept = applyDirectives(findings, print.directives, new Set(setting.knownRuleIds), []);
    if (kept.length === 0) continue;
    added.set(index, kept.sort(compareFindings));
  }
  return added;
}

function copiedFinding(setting: CopySetting, print: CopyPrint, passage: SharedPassage, otherPath: string, otherPrint: CopyPrint): Finding {
  const here = place(print, passage.start, passage.end);
  // Of the other document, only where: its quote would be made for nothing.
  const there = locatorAt(otherPrint, passage.otherStart);
  const words = passage.end - passage.start;
  const more = passage.sharedWith - 1;
  const meta = setting.meta;
  return {
    ruleId: meta.id,
    sign: meta.sign,
    severity: setting.severity,
    message:
      `This passage (${words} words) is nearly word for word the same as ${otherPath} at ${there}` +
      (more > 0 ? ` (parts of it are also in ${more} more ${more === 1 ? 'document' : 'documents'})` : ''),
    evidence: here.evidence,
    fix: meta.fix,
    line: here.line,
    column: here.column,
    endLine: here.endLine,
    endColumn: here.endColumn,
    offset: here.start,
    endOffset: here.end,
    locator: here.locator,
    headingPath: here.headingPath,
    docs: meta.docs,
    // A long copied passage says more about the document than a borrowed paragraph.
    weight: words >= 100 ? 1 : 0.5,
  };
}
