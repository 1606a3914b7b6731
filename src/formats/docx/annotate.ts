// Writing review comments into a copy of a Word document. Each comment is anchored on a range
// of the synthesised text the findings refer to; the body reader keeps, per paragraph, which
// w:t (or tab, or break) inside which run gave each stretch of text, so a range maps back to
// the XML without searching the text. The main document gets the comment marks (a run split
// in two where a range starts or ends inside it), the comments part the comments; the
// relationships and content types change only when the package had no comments part. Every
// other part is copied as stored. stratlint's own earlier comments are taken out first, except
// those the author resolved or answered, which record the author's decision.

import { posix } from 'node:path';
import { readBody, type Body, type SourcePiece, type SourceRun, type SourceWrapper } from './body.js';
import { isResolved, readComments, readCommentStates, STRATLINT_AUTHOR, stratlintFinding, type CommentState, type WordComment } from './comments.js';
import { mainDocumentPart, readRelationships, relationshipOf } from './package.js';
import { sniff } from './sniff.js';
import { parseXml } from './xml.js';
import { rewriteParts, ZipPackage } from './zip.js';

export interface NewComment {
  /** Offsets into the document's text, the text findings' offsets refer to. */
  start: number;
  end: number;
  /** The comment's paragraphs, as plain text. */
  paragraphs: string[];
  /** The finding the comment is about, so one the author answered is not commented twice. */
  finding?: { ruleId: string; message: string };
}

const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  commentsType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml',
};

export class DocxAnnotation {
  /** The text the findings' offsets refer to: one line per paragraph, as the adapter makes it. */
  readonly text: string;
  private readonly bytes: Buffer;
  private readonly zip: ZipPackage;
  private readonly main: string;
  private readonly body: Body & { xml: string };
  private readonly lineStarts: number[] = [];

  constructor(bytes: Buffer) {
    sniff(bytes);
    this.bytes = bytes;
    this.zip = new ZipPackage(bytes);
    this.main = mainDocumentPart(this.zip);
    const rels = readRelationships(this.zip, this.main);
    this.body = readBody(this.zip.read(this.main)!, this.main, rels, { sources: true }) as Body & { xml: string };
    let offset = 0;
    for (const p of this.body.paragraphs) {
      this.lineStarts.push(offset);
      offset += p.text.length + 1;
    }
    this.text = this.body.paragraphs.map((p) => p.text).join('\n');
  }

  /** The first paragraph with text, without surrounding space: the title, where a summary goes. */
  get title(): { start: number; end: number } | null {
    for (const p of this.body.paragraphs) {
      const from = p.text.search(/\S/);
      if (from >= 0) return { start: this.lineStarts[p.index]! + from, end: this.lineStarts[p.index]! + p.text.trimEnd().length };
    }
    return null;
  }

  /** The package with the comments added; the input bytes are not touched. */
  write(comments: readonly NewComment[]): Buffer {
    const rels = readRelationships(this.zip, this.main);
    const commentsRel = relationshipOf(rels, 'comments');
    const commentsPart = commentsRel && !commentsRel.external && this.zip.has(commentsRel.target) ? commentsRel.target : undefined;
    const statesRel = relationshipOf(rels, 'commentsExtended');
    const statesPart = statesRel && !statesRel.external && this.zip.has(statesRel.target) ? statesRel.target : undefined;
    const commentsBytes = commentsPart ? this.zip.read(commentsPart) : null;
    const statesBytes = statesPart ? this.zip.read(statesPart) : null;
    const existing = readComments(commentsBytes, commentsPart ?? '');
    const states = readCommentStates(statesBytes, statesPart ?? '');

    const { removed, kept } = earlierComments(existing, states);
    const wanted = comments.filter((c) => !c.finding || !kept.has(findingKey(c.finding)));

    const xml = this.body.xml;
    const marks = scanMarks(this.zip.read(this.main)!, this.main, removed);
    // Ids and paragraph ids of the comments taken out are free again, so annotating twice gives what once does.
    let nextId = 0;
    for (const id of [...existing.keys(), ...marks.ids]) if (!removed.has(id) && /^\d+$/.test(id)) nextId = Math.max(nextId, Number(id) + 1);
    const keptComments = [...existing.values()].filter((c) => !removed.has(c.id));
    const paraIds = new ParaIds([xml, ...keptComments.map((c) => c.paraIds.join(' '))].join(' '));

    const w = prefixOf(xml, NS.w);
    const edits: Edit[] = marks.remove.map(([from, to]) => ({ from, to, text: '' }));
    const placed: Array<{ id: number; comment: NewComment }> = [];
    const points = new Points(w, xml);
    for (const comment of wanted) {
      const range = this.anchor(comment.start, comment.end);
      if (!range) continue;
      const id = nextId++;
      points.add(this.startPoint(range.start), 1, `<${w}commentRangeStart ${w}id="${id}"/>`);
      points.add(this.endPoint(range.end), 0, `<${w}commentRangeEnd ${w}id="${id}"/><${w}r><${w}commentReference ${w}id="${id}"/></${w}r>`);
      placed.push({ id, comment });
    }
    // New revision ids (for a tracked insertion split in two) come after every id in the body.
    let maxId = nextId;
    for (const m of xml.matchAll(/:id\s*=\s*["'](\d+)["']/g)) maxId = Math.max(maxId, Number(m[1]));
    edits.push(...points.edits(maxId + 1));
    const parts = new Map<string, Buffer>();
    parts.set(this.main, utf8Part(applyEdits(xml, edits)));

    // The comments part: the new comments after those kept, or a new part.
    const commentXml = (prefix: string) => placed.map(({ id, comment }) => commentElement(id, comment.paragraphs, paraIds, prefix)).join('');
    if (commentsPart && commentsBytes) {
      const source = parseSource(commentsBytes, commentsPart);
      const own = commentXml(prefixOf(source, NS.w));
      const removeEdits: Edit[] = [...removed].flatMap((id) => {
        const c = existing.get(id);
        return c ? [{ from: c.from, to: c.to, text: '' }] : [];
      });
      parts.set(commentsPart, utf8Part(appendToRoot(withW14(applyEdits(source, removeEdits)), own)));
      if (statesPart && statesBytes) {
        const gone = new Set([...removed].flatMap((id) => existing.get(id)?.paraId ?? []));
        const stateSource = parseSource(statesBytes, statesPart);
        const stateEdits: Edit[] = [...states.entries()].filter(([paraId]) => gone.has(paraId)).map(([, s]) => ({ from: s.from, to: s.to, text: '' }));
        if (stateEdits.length) parts.set(statesPart, utf8Part(applyEdits(stateSource, stateEdits)));
      }
    } else {
      const part = freeName(this.zip, posix.join(posix.dirname(this.main), 'comments.xml'));
      parts.set(
        part,
        utf8Part(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments xmlns:w="${NS.w}" xmlns:w14="${NS.w14}" xmlns:mc="${NS.mc}" mc:Ignorable="w14">${commentXml('w:')}</w:comments>`,
        ),
      );
      const relsPart = posix.join(posix.dirname(this.main), '_rels', `${posix.basename(this.main)}.rels`);
      parts.set(relsPart, utf8Part(addRelationship(this.zip.read(relsPart), posix.relative(posix.dirname(this.main), part))));
      parts.set('[Content_Types].xml', utf8Part(addOverride(parseSource(this.zip.read('[Content_Types].xml')!, '[Content_Types].xml'), `/${part}`)));
    }
    return rewriteParts(this.bytes, parts, this.main);
  }

  /** The range to anchor on: the finding's own, or for an empty one the paragraph it points into. */
  private anchor(start: number, end: number): { start: number; end: number } | null {
    if (end > start && this.text.slice(start, end).trim()) return { start, end };
    const { index } = this.locate(start);
    for (const p of this.body.paragraphs.slice(index)) {
      const from = p.text.search(/\S/);
      if (from < 0) continue;
      return { start: this.lineStarts[p.index]! + from, end: this.lineStarts[p.index]! + p.text.trimEnd().length };
    }
    return null;
  }

  private locate(offset: number): { index: number; column: number } {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { index: lo, column: offset - starts[lo]! };
  }

  /** Where a range starting at `offset` opens: before the piece of text holding that character. */
  private startPoint(offset: number): Point {
    let { index, column } = this.locate(offset);
    const paragraphs = this.body.paragraphs;
    // A range starting at a paragraph's end starts, in the XML, at the next paragraph's text.
    while (index < paragraphs.length - 1 && column >= paragraphs[index]!.text.length) {
      index++;
      column = 0;
    }
    const p = paragraphs[index]!;
    const pieces = p.source!.pieces;
    const at = pieces.findIndex((piece) => piece.start <= column && column < piece.end);
    if (at < 0) return { kind: 'between', at: p.source!.contentTo };
    const piece = pieces[at]!;
    if (column > piece.start) return { kind: 'text', piece, column: column - piece.start };
    if (at === 0 || pieces[at - 1]!.run !== piece.run) return { kind: 'between', at: piece.run.from, run: piece.run };
    return { kind: 'run', at: piece.from, run: piece.run };
  }

  /** Where a range ending at `offset` (exclusive) closes: after the piece holding the character before. */
  private endPoint(offset: number): Point {
    let { index, column } = this.locate(offset);
    const paragraphs = this.body.paragraphs;
    while (index > 0 && column <= 0) {
      index--;
      column = paragraphs[index]!.text.length;
    }
    const p = paragraphs[index]!;
    const pieces = p.source!.pieces;
    let at = -1;
    for (let i = pieces.length - 1; i >= 0; i--) {
      if (pieces[i]!.start < column && column <= pieces[i]!.end) {
        at = i;
        break;
      }
    }
    if (at < 0) return { kind: 'between', at: p.source!.contentTo };
    const piece = pieces[at]!;
    if (column < piece.end) return { kind: 'text', piece, column: column - piece.start };
    if (at === pieces.length - 1 || pieces[at + 1]!.run !== piece.run) return { kind: 'between', at: piece.run.to, run: piece.run };
    return { kind: 'run', at: piece.to, run: piece.run };
  }
}

/**
 * Which of stratlint's earlier comments go (by id): all but those the author resolved or
 * answered, whose findings (by key) are not commented again. The summary always goes, since a
 * new one replaces it.
 */
function earlierComments(existing: Map<string, WordComment>, states: Map<string, CommentState>): { removed: Set<string>; kept: Set<string> } {
  const answered = new Set([...states.values()].flatMap((s) => (s.parent ? [s.parent] : [])));
  const removed = new Set<string>();
  const kept = new Set<string>();
  for (const c of existing.values()) {
    if (c.author !== STRATLINT_AUTHOR) continue;
    const finding = stratlintFinding(c);
    if (finding && (isResolved(c, states) || (c.paraId !== undefined && answered.has(c.paraId)))) kept.add(findingKey(finding));
    else removed.add(c.id);
  }
  return { removed, kept };
}

function findingKey(f: { ruleId: string; message: string }): string {
  return `${f.ruleId}\u0000${f.message.replace(/\s+/g, ' ').trim()}`;
}

/** A place in the XML: between elements, between two children of a run, or inside a w:t's text. */
type Point =
  | { kind: 'between'; at: number; run?: SourceRun }
  | { kind: 'run'; at: number; run: SourceRun }
  | { kind: 'text'; piece: SourcePiece; column: number };

interface Edit {
  from: number;
  to: number;
  text: string;
}

/**
 * Collects comment marks by place, and turns them into edits of the XML: ends before starts, in
 * order. A mark inside a tracked insertion (or move) goes just outside it when it is at its
 * edge, and otherwise splits it in two, the second half with a new revision id: range marks
 * directly inside w:ins are valid, but readers such as pandoc only look for runs there.
 */
class Points {
  private readonly between = new Map<number, { split: SourceWrapper[]; marks: Mark[] }>();
  private readonly inRuns = new Map<number, { run: SourceRun; marks: Mark[] }>();
  private readonly inText = new Map<SourcePiece, Map<number, Mark[]>>();
  private seq = 0;

  constructor(
    private readonly w: string,
    private readonly xml: string,
  ) {}

  add(point: Point, phase: 0 | 1, markup: string): void {
    const mark = { phase, seq: this.seq++, markup };
    if (point.kind === 'between') {
      const { at, split } = point.run ? this.outOfTracked(point.at, point.run) : { at: point.at, split: [] };
      const entry = this.between.get(at) ?? { split, marks: [] };
      entry.marks.push(mark);
      this.between.set(at, entry);
    } else if (point.kind === 'run') {
      const entry = this.inRuns.get(point.at) ?? { run: point.run, marks: [] };
      entry.marks.push(mark);
      this.inRuns.set(point.at, entry);
    } else {
      const byColumn = this.inText.get(point.piece) ?? new Map<number, Mark[]>();
      push(byColumn, point.column, mark);
      this.inText.set(point.piece, byColumn);
    }
  }

  /** From a run's edge, out of the tracked changes it is at the edge of; the ones left to split, innermost first. */
  private outOfTracked(at: number, run: SourceRun): { at: number; split: SourceWrapper[] } {
    const tracked = trackedAround(run);
    for (let i = 0; i < tracked.length; i++) {
      const w = tracked[i]!;
      if (!this.xml.slice(w.openEnd, at).trim()) at = w.from;
      else if (!this.xml.slice(at, this.xml.lastIndexOf('</', w.to - 1)).trim()) at = w.to;
      else return { at, split: tracked.slice(i) };
    }
    return { at, split: [] };
  }

  edits(firstRevisionId: number): Edit[] {
    const w = this.w;
    let revision = firstRevisionId;
    const close = (split: SourceWrapper[]) => split.map((x) => `</${w}${x.name.slice(2)}>`).join('');
    const reopen = (split: SourceWrapper[]) =>
      [...split]
        .reverse()
        .map((x) => this.xml.slice(x.from, x.openEnd).replace(/(\bw:id\s*=\s*["'])[^"']*(["'])/, (_, a: string, b: string) => `${a}${revision++}${b}`))
        .join('');
    const around = (split: SourceWrapper[], marks: Mark[]) => `${close(split)}${joined(marks)}${reopen(split)}`;
    const runSplit = (run: SourceRun, marks: Mark[]) => `</${w}r>${around(trackedAround(run), marks)}${this.xml.slice(run.from, run.openEnd)}${run.props}`;
    const edits: Edit[] = [];
    for (const [at, { split, marks }] of [...this.between].sort((a, b) => a[0] - b[0])) edits.push({ from: at, to: at, text: around(split, marks) });
    for (const [at, { run, marks }] of [...this.inRuns].sort((a, b) => a[0] - b[0])) edits.push({ from: at, to: at, text: runSplit(run, marks) });
    for (const [piece, byColumn] of [...this.inText].sort((a, b) => a[0].from - b[0].from)) {
      const value = piece.value ?? '';
      const columns = [...byColumn.keys()].sort((a, b) => a - b);
      let text = '';
      let last = 0;
      for (const column of columns) {
        text += `${wText(w, value.slice(last, column))}${runSplit(piece.run, byColumn.get(column)!)}`;
        last = column;
      }
      text += wText(w, value.slice(last));
      edits.push({ from: piece.from, to: piece.to, text });
    }
    return edits;
  }
}

/** The tracked insertions and moves a run sits directly in (nothing else between), innermost first. */
function trackedAround(run: SourceRun): SourceWrapper[] {
  const out: SourceWrapper[] = [];
  for (let i = run.wrappers.length - 1; i >= 0; i--) {
    const w = run.wrappers[i]!;
    if (w.name !== 'w:ins' && w.name !== 'w:moveTo') break;
    out.push(w);
  }
  return out;
}

interface Mark {
  phase: 0 | 1;
  seq: number;
  markup: string;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function joined(marks: Mark[]): string {
  return [...marks]
    .sort((a, b) => a.phase - b.phase || a.seq - b.seq)
    .map((m) => m.markup)
    .join('');
}

function wText(w: string, value: string): string {
  return `<${w}t xml:space="preserve">${escapeText(value)}</${w}t>`;
}

/** Applies non-overlapping edits (insertions have from === to) to `source`. */
function applyEdits(source: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.from - b.from || a.to - a.from - (b.to - b.from));
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.from < at) throw new Error(`overlapping edits at ${e.from} while annotating`);
    out += source.slice(at, e.from) + e.text;
    at = e.to;
  }
  return out + source.slice(at);
}

/**
 * The comment marks of the comments being replaced (the reference's whole run when it holds
 * nothing else), and every comment id in use.
 */
function scanMarks(bytes: Uint8Array, part: string, removed: ReadonlySet<string>): { remove: Array<[number, number]>; ids: string[] } {
  const ids: string[] = [];
  const found: Array<{ tagEnd: number; end: number; run?: { tagEnd: number; alone: () => boolean } }> = [];
  // Runs open now, with the tag end of their start and whether they hold more than properties and one reference.
  const runs: Array<{ tagEnd: number; other: boolean; reference: boolean; depth: number; removable: boolean }> = [];
  let depth = 0;
  const runEnds = new Map<number, number>();
  let openMark: (typeof found)[number] | null = null;
  const xml = parseXml(bytes, part, {
    open(el, end) {
      depth++;
      const run = runs[runs.length - 1];
      if (run && depth === run.depth + 1 && el.name !== 'w:rPr' && el.name !== 'w:commentReference') run.other = true;
      if (el.name === 'w:r') runs.push({ tagEnd: end, other: false, reference: false, depth, removable: false });
      else if (el.name === 'w:commentRangeStart' || el.name === 'w:commentRangeEnd' || el.name === 'w:commentReference') {
        const id = el.attr('w:id') ?? '';
        ids.push(id);
        if (!removed.has(id)) return;
        if (el.name === 'w:commentReference' && run && depth === run.depth + 1) {
          run.reference = true;
          run.removable = true;
          const r = run;
          found.push((openMark = { tagEnd: end, end, run: { tagEnd: r.tagEnd, alone: () => !r.other && r.reference } }));
        } else found.push((openMark = { tagEnd: end, end }));
      }
    },
    close(name, end) {
      if (name === 'w:r') {
        const run = runs.pop();
        if (run?.removable) runEnds.set(run.tagEnd, end);
      } else if (name === 'w:commentRangeStart' || name === 'w:commentRangeEnd' || name === 'w:commentReference') {
        // A self-closing mark ends where it starts; one written with an end tag ends here.
        if (openMark) openMark.end = end;
        openMark = null;
      }
      depth--;
    },
    text() {},
  });
  const remove: Array<[number, number]> = [];
  for (const f of found) {
    if (f.run && f.run.alone()) remove.push([xml.lastIndexOf('<', f.run.tagEnd - 1), runEnds.get(f.run.tagEnd)!]);
    else remove.push([xml.lastIndexOf('<', f.tagEnd - 1), f.end]);
  }
  // A run and the reference inside it are one removal.
  remove.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of remove) {
    const last = merged[merged.length - 1];
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  return { remove: merged, ids };
}

/** Paragraph ids (w14:paraId) for new comments, unique among those the package has. */
class ParaIds {
  private readonly used: Set<string>;
  private next = 0x1a7e0001;

  constructor(source: string) {
    this.used = new Set([...source.matchAll(/paraId="([0-9A-Fa-f]{8})"/g)].map((m) => m[1]!.toUpperCase()));
  }

  take(): string {
    let id: string;
    do id = (this.next++).toString(16).toUpperCase().padStart(8, '0');
    while (this.used.has(id));
    this.used.add(id);
    return id;
  }
}

function commentElement(id: number, paragraphs: readonly string[], paraIds: ParaIds, w: string): string {
  const body = paragraphs
    .map((text) => `<${w}p w14:paraId="${paraIds.take()}"><${w}r><${w}t xml:space="preserve">${escapeText(text)}</${w}t></${w}r></${w}p>`)
    .join('');
  return `<${w}comment ${w}id="${id}" ${w}author="${STRATLINT_AUTHOR}" ${w}initials="SL">${body}</${w}comment>`;
}

/** The prefix (with its colon) a part gives a namespace; "" when it is the default namespace. */
function prefixOf(xml: string, uri: string): string {
  const head = xml.slice(0, xml.indexOf('>', xml.search(/<[^?!]/)) + 1);
  const escaped = uri.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`xmlns(?::([\\w.-]+))?\\s*=\\s*["']${escaped}["']`).exec(head);
  if (!match) return 'w:';
  return match[1] ? `${match[1]}:` : '';
}

/** The root's start tag: [start, end) in the part. */
function rootTag(xml: string): [number, number] {
  const start = xml.search(/<[^?!]/);
  return [start, xml.indexOf('>', start) + 1];
}

/** The comments part declares w14 (for the paragraph ids), and lets readers that do not know it ignore it. */
function withW14(xml: string): string {
  const [start, end] = rootTag(xml);
  let tag = xml.slice(start, end);
  let extra = '';
  if (!/xmlns:w14\s*=/.test(tag)) extra += ` xmlns:w14="${NS.w14}"`;
  const mc = /xmlns:([\w.-]+)\s*=\s*["']http:\/\/schemas\.openxmlformats\.org\/markup-compatibility\/2006["']/.exec(tag)?.[1];
  const ignorable = mc ? new RegExp(`${mc}:Ignorable\\s*=\\s*(["'])([^"']*)\\1`).exec(tag) : null;
  if (!mc) extra += ` xmlns:mc="${NS.mc}" mc:Ignorable="w14"`;
  else if (!ignorable) extra += ` ${mc}:Ignorable="w14"`;
  else if (!ignorable[2]!.split(/\s+/).includes('w14')) {
    tag = tag.replace(ignorable[0], `${mc}:Ignorable=${ignorable[1]}${ignorable[2]} w14${ignorable[1]}`);
  }
  const cut = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return xml.slice(0, start) + tag.slice(0, cut) + extra + tag.slice(cut) + xml.slice(end);
}

/** Adds content at the end of the root element (opening it up if it was written empty, "<x/>"). */
function appendToRoot(xml: string, content: string): string {
  const [start, end] = rootTag(xml);
  const tag = xml.slice(start, end);
  if (tag.endsWith('/>')) {
    const name = /^<([\w.:-]+)/.exec(tag)![1]!;
    return `${xml.slice(0, end - 2)}>${content}</${name}>${xml.slice(end)}`;
  }
  const close = xml.lastIndexOf('</');
  return xml.slice(0, close) + content + xml.slice(close);
}

function addRelationship(bytes: Buffer | null, target: string): string {
  const xml = bytes
    ? parseSource(bytes, 'relationships')
    : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const taken = new Set([...xml.matchAll(/\bId\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]));
  let n = 1;
  while (taken.has(`rId${n}`)) n++;
  return appendToRoot(xml, `<Relationship Id="rId${n}" Type="${NS.comments}" Target="${escapeAttribute(target)}"/>`);
}

function addOverride(xml: string, partName: string): string {
  const already = new RegExp(`PartName\\s*=\\s*["']${partName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`, 'i');
  if (already.test(xml)) return xml;
  return appendToRoot(xml, `<Override PartName="${escapeAttribute(partName)}" ContentType="${NS.commentsType}"/>`);
}

function freeName(zip: ZipPackage, wanted: string): string {
  if (!zip.has(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const name = wanted.replace(/\.xml$/, `${n}.xml`);
    if (!zip.has(name)) return name;
  }
}

/** A part's text, checked well-formed as every part stratlint reads is. */
function parseSource(bytes: Uint8Array, part: string): string {
  return parseXml(bytes, part, { open() {}, close() {}, text() {} });
}

/** Parts are written back as UTF-8, whatever they were read as. */
function utf8Part(xml: string): Buffer {
  return Buffer.from(xml.replace(/^(<\?xml[^>]*encoding\s*=\s*["'])[^"']*(["'])/, '$1UTF-8$2'), 'utf8');
}

// XML 1.0 allows neither these control characters nor lone surrogates, even escaped.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

