// One streaming pass over word/document.xml: every paragraph of the body in order (table-cell
// paragraphs included) with its text as the reader sees it, plus the tables' shape and where
// comments are anchored. What is read and what is skipped is listed in docs/docx.md.

import { DocxError } from './errors.js';
import type { Relationship } from './package.js';
import { parseXml, type XmlElement } from './xml.js';
import { windows1252Controls } from '../text.js';

export interface Segment {
  /** Offsets into the paragraph's text. */
  start: number;
  end: number;
  /** The target when the text is a hyperlink's. */
  link?: string;
  /** Bold runs become strong emphasis, as "**…**" does in Markdown. */
  bold?: boolean;
}

/** An element between a paragraph and its runs (a tracked insertion, a hyperlink…), in the part. */
export interface SourceWrapper {
  name: string;
  from: number;
  openEnd: number;
  to: number;
}

/** A run in the part's XML: offsets into the decoded part, for writing comments back into it. */
export interface SourceRun {
  from: number;
  /** One past the end of the run's start tag. */
  openEnd: number;
  to: number;
  /** The run's properties (w:rPr) as written, copied onto a run split in two. */
  props: string;
  /** The elements around the run inside its paragraph, outermost first. */
  wrappers: SourceWrapper[];
}

/** What gave the paragraph's text from `start` to `end`: a w:t, w:tab, w:br… inside `run`. */
export interface SourcePiece {
  start: number;
  end: number;
  /** The element, as offsets into the decoded part. */
  from: number;
  to: number;
  /** A w:t's text as written (decoded), so it can be split; absent for a tab or a break. */
  value?: string;
  run: SourceRun;
}

/** Where a paragraph sits in the part: its pieces of text, and where content may be added. */
export interface ParagraphSource {
  /** After the start tag and the paragraph properties: where a paragraph's content begins. */
  contentFrom: number;
  /** The start of "</w:p>" (or of "<w:p/>" when the paragraph is empty and self-closing). */
  contentTo: number;
  selfClosing: boolean;
  pieces: SourcePiece[];
}

export interface BodyParagraph {
  /** 0-based; the paragraph's line in the synthesised text is index + 1. */
  index: number;
  styleId?: string;
  outlineLevel?: number;
  numId?: string;
  ilvl?: number;
  text: string;
  segments: Segment[];
  inTable: boolean;
  /** Present when the body was read with `sources`. */
  source?: ParagraphSource;
}

/** Paragraph indexes per cell, per row. */
export interface BodyTable {
  rows: number[][][];
}

export type BodyItem = { kind: 'paragraph'; index: number } | { kind: 'table'; table: BodyTable };

export interface CommentAnchor {
  /** 0-based paragraph index and 0-based column of the range's start. */
  start?: { index: number; column: number };
  endIndex?: number;
  referenceIndex?: number;
}

export interface Body {
  paragraphs: BodyParagraph[];
  items: BodyItem[];
  comments: Map<string, CommentAnchor>;
  /** The decoded part the sources' offsets refer to (with `sources`). */
  xml?: string;
}

export interface ReadBodyOptions {
  /** Keep where each paragraph's text sits in the XML (for annotating the document). */
  sources?: boolean;
}

// Whole subtrees that hold no text a reader of the document sees, or that would repeat it:
// tracked deletions and moves away, old properties kept for tracked formatting changes, the
// alternatives of mc:AlternateContent (the fallback is read), text boxes, drawings, section
// properties (headers and footers hang off them).
const SKIPPED = new Set([
  'w:del',
  'w:moveFrom',
  'w:delText',
  'w:delInstrText',
  'w:pPrChange',
  'w:rPrChange',
  'w:sectPrChange',
  'w:tblPrChange',
  'w:trPrChange',
  'w:tcPrChange',
  'w:numberingChange',
  'w:txbxContent',
  'w:drawing',
  'w:pict',
  'w:object',
  'w:sectPr',
  'w:fldData',
  'mc:Choice',
]);

const OFF = /^(0|false|off)$/i;
// What can stand between a paragraph and its runs.
const WRAPPERS = new Set(['w:ins', 'w:moveTo', 'w:hyperlink', 'w:smartTag', 'w:customXml', 'w:sdt', 'w:sdtContent', 'w:fldSimple', 'w:dir', 'w:bdo']);
const LINE_BREAKS = /[\r\n\u000b\u000c\u2028\u2029]/g;

interface Field {
  instruction: string;
  /** Past fldChar "separate": what follows is the field's result, which the reader sees. */
  inResult: boolean;
  link?: string;
  toc: boolean;
}

function fieldMeaning(instruction: string): { link?: string; toc: boolean } {
  const hyperlink = /^\s*HYPERLINK\s+(?:\\l\s+)?"([^"]*)"/i.exec(instruction);
  if (hyperlink) return { link: /\\l/.test(instruction.split('"')[0] ?? '') ? `#${hyperlink[1]}` : hyperlink[1], toc: false };
  return { toc: /^\s*TOC\b/i.test(instruction) };
}

export function readBody(bytes: Uint8Array, part: string, rels: Map<string, Relationship>, options: ReadBodyOptions = {}): Body {
  const paragraphs: BodyParagraph[] = [];
  const items: BodyItem[] = [];
  const comments = new Map<string, CommentAnchor>();
  const anchor = (id: string | undefined): CommentAnchor | undefined => {
    if (id === undefined) return undefined;
    let a = comments.get(id);
    if (!a) comments.set(id, (a = {}));
    return a;
  };

  let skip = 0;
  let para: BodyParagraph | null = null;
  let inPPr = false;
  let inRun = 0;
  let runHidden = false;
  let runBold = false;
  let inRunProps = false;
  let inText = false;
  let inInstruction = false;
  const links: Array<string | undefined> = [];
  const fields: Field[] = [];
  const simpleFields: Array<{ link?: string; toc: boolean }> = [];
  const sdts: boolean[] = [];
  let tocDepth = 0;
  let tableDepth = 0;
  let table: BodyTable | null = null;

  // With `sources`: the runs open now, and the w:t open now (where its start tag ends, where its
  // text began in the paragraph, its text). The parser gives where a tag ends; where it starts
  // is the "<" before that ("<" cannot appear inside a tag), looked up once the XML is decoded.
  const sources = options.sources === true;
  const runs: SourceRun[] = [];
  const wrappers: SourceWrapper[] = [];
  let propsTagEnd = -1;
  let textTagEnd = -1;
  let textStart = 0;
  let textValue = '';
  const deferred: Array<(xml: string) => void> = [];
  const tagStart = (xml: string, tagEnd: number) => xml.lastIndexOf('<', tagEnd - 1);
  const addPiece = (start: number, startTagEnd: number, to: number, value?: string) => {
    const run = runs[runs.length - 1];
    if (!para?.source || !run || para.text.length === start) return;
    const piece: SourcePiece = { start, end: para.text.length, from: -1, to, run, ...(value !== undefined ? { value } : {}) };
    para.source.pieces.push(piece);
    deferred.push((xml) => (piece.from = tagStart(xml, startTagEnd)));
  };

  const fieldCode = () => fields.some((f) => !f.inResult);
  const currentLink = (): string | undefined => {
    for (let i = simpleFields.length - 1; i >= 0; i--) if (simpleFields[i]!.link) return simpleFields[i]!.link;
    for (let i = fields.length - 1; i >= 0; i--) if (fields[i]!.link && fields[i]!.inResult) return fields[i]!.link;
    return links[links.length - 1];
  };
  const append = (value: string) => {
    if (!para || !inRun || runHidden || tocDepth > 0 || fieldCode() || value === '') return;
    // As a Markdown file's are (formats/text.ts); the w:t's own text, which an annotated copy
    // writes back, keeps its characters.
    const clean = windows1252Controls(value.replace(LINE_BREAKS, ' '));
    const start = para.text.length;
    para.text += clean;
    const link = currentLink();
    const bold = runBold || undefined;
    const last = para.segments[para.segments.length - 1];
    if (last && last.end === start && last.link === link && last.bold === bold) last.end = para.text.length;
    else para.segments.push({ start, end: para.text.length, link, ...(bold ? { bold } : {}) });
  };
  const lineHere = () => (para ? para.index : paragraphs.length);
  const appendElement = (value: string, end: number) => {
    const start = para?.text.length ?? 0;
    append(value);
    if (sources) addPiece(start, end, end);
  };

  const open = (el: XmlElement, end: number) => {
    if (skip) {
      skip++;
      return;
    }
    const name = el.name;
    if (SKIPPED.has(name)) {
      skip = 1;
      return;
    }
    if (sources && para && !inRun && WRAPPERS.has(name)) {
      const wrapper: SourceWrapper = { name, from: -1, openEnd: end, to: end };
      wrappers.push(wrapper);
      deferred.push((xml) => (wrapper.from = tagStart(xml, end)));
    }
    switch (name) {
      case 'w:p': {
        if (para) {
          // Only text boxes nest paragraphs, and those are skipped already; anything else is too.
          skip = 1;
          return;
        }
        para = { index: paragraphs.length, text: '', segments: [], inTable: tableDepth > 0 };
        if (sources) {
          const source: ParagraphSource = { contentFrom: end, contentTo: end, selfClosing: false, pieces: [] };
          para.source = source;
          deferred.push((xml) => {
            if (source.selfClosing) source.contentTo = source.contentFrom = tagStart(xml, end);
          });
        }
        paragraphs.push(para);
        if (table) {
          const row = table.rows[table.rows.length - 1] ?? (table.rows.push([]), table.rows[table.rows.length - 1]!);
          const cell = row[row.length - 1] ?? (row.push([]), row[row.length - 1]!);
          cell.push(para.index);
        } else {
          items.push({ kind: 'paragraph', index: para.index });
        }
        return;
      }
      case 'w:pPr':
        inPPr = true;
        return;
      case 'w:pStyle':
        if (inPPr && para) para.styleId = el.attr('w:val');
        return;
      case 'w:outlineLvl':
        if (inPPr && para && /^\d+$/.test(el.attr('w:val') ?? '')) para.outlineLevel = Number(el.attr('w:val'));
        return;
      case 'w:numId':
        if (inPPr && para) para.numId = el.attr('w:val');
        return;
      case 'w:ilvl':
        if (inPPr && para && /^\d+$/.test(el.attr('w:val') ?? '')) para.ilvl = Number(el.attr('w:val'));
        return;
      case 'w:r':
        inRun++;
        runHidden = false;
        runBold = false;
        if (sources) {
          const run: SourceRun = { from: -1, openEnd: end, to: end, props: '', wrappers: [...wrappers] };
          runs.push(run);
          deferred.push((xml) => (run.from = tagStart(xml, end)));
        }
        return;
      case 'w:rPr':
        inRunProps = inRun > 0 && !inPPr;
        if (sources && inRunProps) propsTagEnd = end;
        return;
      case 'w:b':
        if (inRunProps) runBold = !OFF.test(el.attr('w:val') ?? '');
        return;
      case 'w:rStyle':
        if (inRunProps && /^(?:strong|bold)$/i.test(el.attr('w:val') ?? '')) runBold = true;
        return;
      case 'w:vanish':
        if (inRunProps && !OFF.test(el.attr('w:val') ?? '')) runHidden = true;
        return;
      case 'w:t':
        inText = true;
        textTagEnd = end;
        textStart = para?.text.length ?? 0;
        textValue = '';
        return;
      case 'w:tab':
      case 'w:ptab':
        if (!inPPr) appendElement('\t', end);
        return;
      case 'w:br':
      case 'w:cr':
        appendElement(' ', end);
        return;
      case 'w:noBreakHyphen':
        appendElement('-', end);
        return;
      case 'w:hyperlink': {
        const id = el.attr('r:id');
        const anchorName = el.attr('w:anchor');
        links.push(id ? rels.get(id)?.target ?? '' : anchorName ? `#${anchorName}` : '');
        return;
      }
      case 'w:fldSimple':
        simpleFields.push(fieldMeaning(el.attr('w:instr') ?? ''));
        if (simpleFields[simpleFields.length - 1]!.toc) tocDepth++;
        return;
      case 'w:fldChar': {
        const type = el.attr('w:fldCharType');
        if (type === 'begin') fields.push({ instruction: '', inResult: false, toc: false });
        else if (type === 'separate') {
          const field = fields[fields.length - 1];
          if (field && !field.inResult) {
            Object.assign(field, fieldMeaning(field.instruction));
            field.inResult = true;
            if (field.toc) tocDepth++;
          }
        } else if (type === 'end') {
          const field = fields.pop();
          if (field?.toc && field.inResult) tocDepth--;
        }
        return;
      }
      case 'w:instrText':
        inInstruction = true;
        return;
      case 'w:sdt':
        sdts.push(false);
        return;
      case 'w:docPartGallery':
        if (sdts.length && /table of contents/i.test(el.attr('w:val') ?? '')) sdts[sdts.length - 1] = true;
        return;
      case 'w:sdtContent':
        if (sdts[sdts.length - 1]) tocDepth++;
        return;
      case 'w:tbl':
        tableDepth++;
        if (tableDepth === 1 && !para) {
          table = { rows: [] };
          items.push({ kind: 'table', table });
        }
        return;
      case 'w:tr':
        if (tableDepth === 1 && table) table.rows.push([]);
        return;
      case 'w:tc':
        if (tableDepth === 1 && table) {
          if (!table.rows.length) table.rows.push([]);
          table.rows[table.rows.length - 1]!.push([]);
        }
        return;
      case 'w:commentRangeStart': {
        const a = anchor(el.attr('w:id'));
        if (a && !a.start) a.start = { index: lineHere(), column: para ? para.text.length : 0 };
        return;
      }
      case 'w:commentRangeEnd': {
        const a = anchor(el.attr('w:id'));
        if (a) a.endIndex = para ? para.index : Math.max(0, paragraphs.length - 1);
        return;
      }
      case 'w:commentReference': {
        const a = anchor(el.attr('w:id'));
        if (a) a.referenceIndex = para ? para.index : Math.max(0, paragraphs.length - 1);
        return;
      }
    }
  };

  const close = (name: string, end: number) => {
    if (skip) {
      skip--;
      return;
    }
    if (sources && para && !inRun && WRAPPERS.has(name) && wrappers[wrappers.length - 1]?.name === name) wrappers.pop()!.to = end;
    switch (name) {
      case 'w:p':
        wrappers.length = 0;
        if (para?.source) {
          const source = para.source;
          // A self-closing <w:p/> ends where it starts; its start tag is resolved below.
          if (end === source.contentFrom) source.selfClosing = true;
          else deferred.push((xml) => (source.contentTo = tagStart(xml, end)));
        }
        para = null;
        return;
      case 'w:pPr':
        inPPr = false;
        if (para?.source) para.source.contentFrom = end;
        return;
      case 'w:r': {
        inRun = Math.max(0, inRun - 1);
        runHidden = false;
        runBold = false;
        const run = sources ? runs.pop() : undefined;
        if (run) run.to = end;
        return;
      }
      case 'w:rPr':
        if (sources && inRunProps && propsTagEnd >= 0) {
          const run = runs[runs.length - 1];
          const from = propsTagEnd;
          if (run) deferred.push((xml) => (run.props = xml.slice(tagStart(xml, from), end)));
          propsTagEnd = -1;
        }
        inRunProps = false;
        return;
      case 'w:t':
        inText = false;
        // The piece runs from the w:t's start tag to past its end tag.
        if (sources && textTagEnd >= 0) addPiece(textStart, textTagEnd, end, textValue);
        textTagEnd = -1;
        return;
      case 'w:instrText':
        inInstruction = false;
        return;
      case 'w:hyperlink':
        links.pop();
        return;
      case 'w:fldSimple': {
        const field = simpleFields.pop();
        if (field?.toc) tocDepth--;
        return;
      }
      case 'w:sdtContent':
        if (sdts[sdts.length - 1]) tocDepth--;
        return;
      case 'w:sdt':
        sdts.pop();
        return;
      case 'w:tbl':
        tableDepth--;
        if (tableDepth === 0) table = null;
        return;
    }
  };

  const xml = parseXml(bytes, part, {
    open,
    close,
    text(value) {
      if (skip) return;
      if (inText) {
        append(value);
        textValue += value;
      }
      else if (inInstruction) {
        const field = fields[fields.length - 1];
        if (field && !field.inResult) field.instruction += value;
      }
    },
  });
  if (paragraphs.length === 0 && items.length === 0) {
    throw new DocxError('empty', 'Word document has no paragraphs');
  }
  for (const resolve of deferred) resolve(xml);
  return { paragraphs, items, comments, ...(sources ? { xml } : {}) };
}
