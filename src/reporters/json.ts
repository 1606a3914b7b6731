// The JSON contract other tools rely on (version 1). Pure: results in, string out.

import { asciiJson } from '../core/ascii-json.js';
import type { FileResult, Finding, LintRun } from '../core/types.js';

export function jsonFinding(f: Finding) {
  return {
    ruleId: f.ruleId,
    sign: f.sign,
    severity: f.severity,
    message: f.message,
    evidence: f.evidence,
    fix: f.fix,
    // A PDF's findings carry their page; `line` is then the line on that page.
    ...(f.page !== undefined ? { page: f.page } : {}),
    line: f.line,
    column: f.column,
    ...(f.endPage !== undefined ? { endPage: f.endPage } : {}),
    endLine: f.endLine,
    endColumn: f.endColumn,
    locator: f.locator,
    headingPath: f.headingPath,
    docs: f.docs,
  };
}

export function formatJson(run: LintRun): string {
  return [...jsonPieces(run)].join('');
}

/**
 * The JSON report as pieces (a document's entry each), made as they are asked for, whose
 * concatenation is formatJson's text. A report of many documents runs to tens of megabytes
 * (78 MB for 2,000); written piece by piece it is never one string, which V8 would copy whole to
 * flatten and to encode, and a piece written is garbage before the collector first moves it.
 */
export function* jsonPieces(run: LintRun): Generator<string> {
  // A shard's run leaves out the scorecards: copied text across shards changes them, so merge
  // builds each from the document's findings, measures and words, as one run does at its end.
  const scorecards = !run.shard;
  const entry = (file: FileResult) => {
    // Read once: a merged run builds a scorecard each time it is read (src/engine/merge.ts).
    const scorecard = scorecards ? file.scorecard : undefined;
    return {
      path: file.path,
      format: file.format,
      referenceDate: file.referenceDate,
      ...(file.words !== undefined ? { words: file.words } : {}),
      findings: file.findings.map(jsonFinding),
      errors: file.errors,
      ...(file.measures !== undefined ? { measures: file.measures } : {}),
      ...(scorecard !== undefined ? { scorecard } : {}),
    };
  };
  // A shard's run carries what `stratlint merge` joins (src/engine/merge.ts): for a program, not
  // a reader, so on one line and in ASCII, which merge reads several times as fast.
  if (run.shard) {
    yield asciiJson({ version: 1, files: run.files.map(entry), summary: run.summary, shard: run.shard }) + '\n';
    return;
  }
  if (run.files.length === 0) {
    yield JSON.stringify({ version: 1, files: [], summary: run.summary }, null, 2) + '\n';
    return;
  }
  // JSON.stringify's own indentation throughout: each entry is cut from the text of a report
  // holding it alone, where it stands as deep as in the whole report.
  const [head, tail] = JSON.stringify({ version: 1, files: [ENTRY], summary: run.summary }, null, 2).split(ENTRY_TEXT) as [string, string];
  yield head;
  for (let i = 0; i < run.files.length; i++) {
    const alone = JSON.stringify({ files: [entry(run.files[i]!)] }, null, 2);
    yield alone.slice(ALONE_HEAD.length, alone.length - ALONE_TAIL.length);
    yield i < run.files.length - 1 ? ENTRY_GAP : tail + '\n';
  }
}

/** Stands for the entries in the report's frame: no document's entry (an object) serialises as this string. */
const ENTRY = '\u0000entries';
const ENTRY_TEXT = JSON.stringify(ENTRY);
const ALONE_HEAD = '{\n  "files": [\n    ';
const ALONE_TAIL = '\n  ]\n}';
const ENTRY_GAP = ',\n    ';
