// The JSON contract other tools rely on (version 1). Pure: results in, string out.

import { asciiJson } from '../core/ascii-json.js';
import type { FileResult, Finding, LintRun } from '../core/types.js';
import type { SplicedRun } from '../engine/merge.js';
import type { Scorecard } from '../score/scorecard.js';
import { encodeJsonPiece } from './control.js';

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
  if (run.shard) {
    for (const bytes of shardReport(run)) yield bytes.toString('utf8');
    return;
  }
  if (run.files.length === 0) {
    yield JSON.stringify({ version: 1, files: [], summary: run.summary }, null, 2) + '\n';
    return;
  }
  const [head, tail] = reportFrame(run.summary);
  yield head;
  for (let i = 0; i < run.files.length; i++) {
    // Read once: a merged run builds a scorecard each time it is read (src/engine/merge.ts).
    const file = run.files[i]!;
    yield textAt(entryObject(file, file.scorecard), DEPTH);
    yield i < run.files.length - 1 ? ENTRY_GAP : tail;
  }
}

// ---------------------------------------------------------------------------------------------
// A document's entry, from the texts of its parts. Every value is JSON.stringify's own text at
// the depth it stands in the report; only the joins between the parts are laid out here, as
// JSON.stringify(…, null, 2) lays them out. A shard's report (below) writes the same entries and
// says where each part lies, so that `stratlint merge` can copy the parts that copied text across
// shards leaves as they were and make only the rest again (src/engine/merge.ts).

/** A part's text, or its UTF-8 bytes as a report has them. */
export type Piece = string | Uint8Array;

/** The parts of a document's entry that a merge copies or makes again, each as its text. */
export interface EntryParts {
  /** The members before the findings (`"path"` to `"words"`), as one text. */
  head: Piece;
  /** Each finding. */
  findings: Piece[];
  /** The members after them (`"errors"`, `"measures"`), as one text. */
  tail: Piece;
  /** The scorecard's members before `"signs"` (`"score"`, `"scale"`), then each sign's member. */
  scorecard?: { top: Piece; signs: Piece[] };
}

/** How deep an entry stands in the report: the root object, then its `files`. */
const DEPTH = 2;

export function entryParts(file: FileResult, scorecard: Scorecard | undefined): EntryParts {
  return {
    head: membersAt(entryHead(file), DEPTH),
    findings: file.findings.map(findingText),
    tail: membersAt(entryTail(file), DEPTH),
    ...(scorecard !== undefined ? { scorecard: scorecardParts(scorecard) } : {}),
  };
}

/** An entry's members before its findings. */
const entryHead = (file: FileResult) => ({ path: file.path, format: file.format, referenceDate: file.referenceDate, ...(file.words !== undefined ? { words: file.words } : {}) });

/** An entry's members after its findings, before its scorecard. */
const entryTail = (file: FileResult) => ({ errors: file.errors, ...(file.measures !== undefined ? { measures: file.measures } : {}) });

/**
 * The entry as one object, its members in the order of entryParts: stringified at once, it is
 * the text entryPieces joins from the parts (test/shard.test.ts holds the two to the same bytes),
 * for a fifth of the work of stringifying each part on its own.
 */
function entryObject(file: FileResult, scorecard: Scorecard | undefined): object {
  return {
    ...entryHead(file),
    findings: file.findings.map(jsonFinding),
    ...entryTail(file),
    ...(scorecard !== undefined ? { scorecard: scorecardObject(scorecard) } : {}),
  };
}

/** A scorecard with its signs last, as scorecardParts lays it out. */
function scorecardObject({ signs, ...top }: Scorecard): object {
  return { ...top, signs };
}

export function findingText(finding: Finding): string {
  return textAt(jsonFinding(finding), DEPTH + 2);
}

/** A scorecard's parts; its signs may be given as their texts already written (a merge's). */
export function scorecardParts<S>({ signs, ...top }: { signs: Record<string, S> }, written: ReadonlyMap<string, Piece> = new Map()): { top: Piece; signs: Piece[] } {
  return {
    top: membersAt(top, DEPTH + 1),
    signs: Object.entries(signs).map(([sign, score]) => written.get(sign) ?? `${JSON.stringify(sign)}: ${textAt(score, DEPTH + 3)}`),
  };
}

/** The entry's text, a piece at a time: the parts, and the joins between them. */
export function* entryPieces(parts: EntryParts): Generator<Piece> {
  for (const [piece] of entrySequence(parts)) yield piece;
}

/** entryPieces' pieces, each with whether it is one of the parts (true) or a join. */
function* entrySequence(parts: EntryParts): Generator<[Piece, boolean]> {
  const [inEntry, inList, inCard] = [indent(DEPTH + 1), indent(DEPTH + 2), indent(DEPTH + 3)];
  yield [`{${inEntry}`, false];
  yield [parts.head, true];
  yield [`,${inEntry}"findings": `, false];
  yield* listed(parts.findings, '[', ']', inList, inEntry);
  yield [`,${inEntry}`, false];
  yield [parts.tail, true];
  if (parts.scorecard) {
    yield [`,${inEntry}"scorecard": {${inList}`, false];
    yield [parts.scorecard.top, true];
    yield [`,${inList}"signs": `, false];
    yield* listed(parts.scorecard.signs, '{', '}', inCard, inList);
    yield [`${inEntry}}`, false];
  }
  yield [`${indent(DEPTH)}}`, false];
}

function* listed(items: readonly Piece[], open: string, close: string, inside: string, outside: string): Generator<[Piece, boolean]> {
  if (items.length === 0) return yield [open + close, false];
  yield [open + inside, false];
  for (let i = 0; i < items.length; i++) {
    if (i > 0) yield [`,${inside}`, false];
    yield [items[i]!, true];
  }
  yield [outside + close, false];
}

const indent = (depth: number) => `\n${'  '.repeat(depth)}`;

/** JSON.stringify's text of `value` standing `depth` deep: cut from that of `value` in `depth` arrays. */
function textAt(value: unknown, depth: number): string {
  let nested = value;
  for (let i = 0; i < depth; i++) nested = [nested];
  const text = JSON.stringify(nested, null, 2);
  // Each array opens with "[" and a new line and closes with a new line and "]", indented.
  return text.slice(2 * depth + depth * (depth + 1), text.length - (2 * depth + depth * (depth - 1)));
}

/** The text of an object's members (never none), the object standing `depth` deep. */
function membersAt(value: object, depth: number): string {
  const text = textAt(value, depth);
  return text.slice(1 + indent(depth + 1).length, text.length - indent(depth).length - 1);
}

// ---------------------------------------------------------------------------------------------
// The report's frame, and a shard's report.

const ENTRY_GAP = `,${indent(DEPTH)}`;

/** Stands for the entries, and for a shard's section: no document's entry (an object) serialises as either string. */
const ENTRY = '\u0000entries';
const SECTION = '\u0000shard';

/** The report's text before its first entry and after its last, JSON.stringify's own. */
function reportFrame(summary: LintRun['summary'], shard = false): [string, string] {
  const frame = JSON.stringify({ version: 1, files: [ENTRY], summary, ...(shard ? { shard: SECTION } : {}) }, null, 2) + '\n';
  return frame.split(JSON.stringify(ENTRY)) as [string, string];
}

/**
 * A shard's JSON report, as UTF-8: its entries as the whole run writes them (their scorecards
 * from the shard's own findings), then a `shard` section for `stratlint merge`, on one line in
 * ASCII, that says where each entry and each of its parts lies (`entries`: the path, then the
 * entry's start and end in the file, its findings' and signs' counts, and the start and end of
 * its head, each finding, its tail, its scorecard's top and each sign, from the entry's start).
 */
export function* shardReport(run: LintRun): Generator<Buffer> {
  const entries: Array<[string, ...number[]]> = [];
  const [head, tail] = reportFrame(run.summary, true);
  const frameHead = encodeJsonPiece(run.files.length === 0 ? head.replace(/\[\s*$/, '[') : head);
  yield frameHead;
  let at = frameHead.length;
  for (let i = 0; i < run.files.length; i++) {
    const file = run.files[i]!;
    const parts = entryParts(file, file.scorecard);
    const layout: number[] = [];
    const chunks: Buffer[] = [];
    let length = 0;
    for (const [piece, isPart] of entrySequence(parts)) {
      const bytes = typeof piece === 'string' ? encodeJsonPiece(piece) : Buffer.from(piece);
      if (isPart) layout.push(length, length + bytes.length);
      chunks.push(bytes);
      length += bytes.length;
    }
    entries.push([file.path, at, at + length, parts.findings.length, parts.scorecard?.signs.length ?? -1, ...layout]);
    const gap = encodeJsonPiece(i < run.files.length - 1 ? ENTRY_GAP : '');
    yield Buffer.concat([...chunks, gap]);
    at += length + gap.length;
  }
  const [beforeSection, afterSection] = (run.files.length === 0 ? tail.replace(/^\s*]/, ']') : tail).split(JSON.stringify(SECTION)) as [string, string];
  yield encodeJsonPiece(beforeSection + asciiJson({ ...run.shard, entries }) + afterSection);
}

/**
 * The JSON report of a merge of shards (src/engine/merge.ts, spliceShards), as UTF-8: each entry
 * the shard wrote, as it is, where copied text across shards changed nothing; else the same entry
 * made again from its parts, the shard's bytes for those that stand.
 */
export function* splicedReport(run: SplicedRun): Generator<Buffer> {
  if (run.files.length === 0) return yield encodeJsonPiece(JSON.stringify({ version: 1, files: [], summary: run.summary }, null, 2) + '\n');
  const [head, tail] = reportFrame(run.summary);
  yield encodeJsonPiece(head);
  const gap = encodeJsonPiece(ENTRY_GAP);
  for (let i = 0; i < run.files.length; i++) {
    const { entry, changed } = run.files[i]!;
    const end = i < run.files.length - 1 ? gap : encodeJsonPiece(tail);
    if (!changed) {
      yield entry.bytes;
      yield end;
      continue;
    }
    const [findings, signs] = entry.layout as [number, number];
    const part = (k: number) => entry.bytes.subarray(entry.layout[2 + 2 * k]!, entry.layout[3 + 2 * k]!);
    const written = new Map<string, Piece>();
    if (changed.scorecard) {
      Object.keys(changed.scorecard.card.signs).forEach((sign, k) => {
        if (sign !== changed.scorecard!.sign) written.set(sign, part(findings + 3 + k));
      });
    }
    const parts: EntryParts = {
      head: part(0),
      findings: changed.findings.map((f) => (typeof f === 'number' ? part(1 + f) : findingText(f))),
      tail: part(1 + findings),
      ...(changed.scorecard ? { scorecard: scorecardParts(changed.scorecard.card, written) } : signs >= 0 ? { scorecard: { top: part(2 + findings), signs: Array.from({ length: signs }, (_, k) => part(findings + 3 + k)) } } : {}),
    };
    // The texts made again run together with the joins around them, each run encoded at once.
    const chunks: Uint8Array[] = [];
    let made = '';
    for (const piece of entryPieces(parts)) {
      if (typeof piece === 'string') {
        made += piece;
        continue;
      }
      if (made) chunks.push(encodeJsonPiece(made));
      made = '';
      chunks.push(piece);
    }
    if (made) chunks.push(encodeJsonPiece(made));
    yield Buffer.concat([...chunks, end]);
  }
}
