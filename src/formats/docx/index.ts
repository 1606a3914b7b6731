// Word (.docx) in: the zip, read safely, straight to the same document model as Markdown.
// Each Word paragraph is one line of the synthesised text, so a finding's line is the
// paragraph number and its column the character in that paragraph.

import { location } from 'vfile-location';
import type { Directive, StrategyDocument } from '../../core/types.js';
import { parseDirectiveComment } from '../directives.js';
import { withHeadingPath } from '../heading-path.js';
import { readBody, type Body } from './body.js';
import { isResolved, readComments, readCommentStates, stratlintFinding, type CommentState, type WordComment } from './comments.js';
import { DocxError } from './errors.js';
import { Numbering } from './numbering.js';
import { mainDocumentPart, readCoreProperties, readCustomProperties, readRelationships, relationshipOf, type CoreProperties } from './package.js';
import { sniff } from './sniff.js';
import { Styles } from './styles.js';
import { buildTree, type BuiltTree } from './tree.js';
import { limitTree } from '../limits.js';
import { ZipPackage, type ZipLimits } from './zip.js';

export { DocxError } from './errors.js';

export function docxDocument(path: string, bytes: Buffer, limits?: ZipLimits): StrategyDocument {
  sniff(bytes);
  const zip = new ZipPackage(bytes, limits);
  const main = mainDocumentPart(zip);
  const rels = readRelationships(zip, main);
  const part = (kind: string) => {
    const rel = relationshipOf(rels, kind);
    return rel && !rel.external ? rel.target : undefined;
  };
  const stylesPart = part('styles');
  const numberingPart = part('numbering');
  const commentsPart = part('comments');
  const statesPart = part('commentsExtended');
  const styles = Styles.parse(stylesPart ? zip.read(stylesPart) : null, stylesPart ?? '');
  const numbering = Numbering.parse(numberingPart ? zip.read(numberingPart) : null, numberingPart ?? '');
  const body = readBody(zip.read(main)!, main, rels);
  const built = buildTree(body, styles, numbering);
  if (built.tree.children.length === 0) {
    throw new DocxError('empty', 'Word document has no text in its body (text boxes, headers, footers and footnotes are not read)');
  }
  const comments = readComments(commentsPart ? zip.read(commentsPart) : null, commentsPart ?? '');
  const states = readCommentStates(statesPart ? zip.read(statesPart) : null, statesPart ?? '');
  const core = readCoreProperties(zip);
  const custom = readCustomProperties(zip);

  const text = built.text;
  const skipped = limitTree(built.tree, text);
  const place = location(text);
  return {
    path,
    format: 'docx',
    text,
    tree: built.tree,
    metadata: metadataOf(core, custom, built),
    toPoint(offset) {
      const clamped = Math.max(0, Math.min(offset, text.length));
      const point = place.toPoint(clamped);
      return point ? { line: point.line, column: point.column, offset: clamped } : { line: 1, column: 1, offset: clamped };
    },
    locator(start, headingPath) {
      return locate(start.line, start.column, headingPath);
    },
    directives: commentDirectives(body, comments, states),
    ...(skipped.length > 0 ? { skipped } : {}),
  };
}

/**
 * "¶48:12 (3. Our priorities › Objectives)": the paragraph, the character in it, and the two
 * nearest headings, enough to find the place in Word's navigation pane; JSON has the full path.
 */
export function locate(line: number, column: number, headingPath: readonly string[]): string {
  return withHeadingPath(`¶${line}:${column}`, headingPath);
}

/**
 * The document's date: a paragraph in the Date style; else, when the title page shows a date,
 * nothing here, so the analysis reads that date as it does for Markdown; else the core
 * properties, which record when the file was saved rather than when the strategy was written.
 */
function metadataOf(core: CoreProperties, custom: Record<string, string>, built: BuiltTree): Record<string, unknown> {
  const inferred: Record<string, unknown> = {};
  const title = core.title ?? built.titleText;
  if (title) inferred['title'] = title;
  if (core.creator) inferred['author'] = core.creator;
  if (core.created) inferred['created'] = core.created;
  if (core.modified) inferred['modified'] = core.modified;
  const fileDate = core.modified ?? core.created;
  if (built.dateText) inferred['date'] = built.dateText;
  else if (!titlePageShowsDate(built) && fileDate) inferred['date'] = fileDate.slice(0, 10);
  // Custom properties are set on purpose, as front matter is, so they win over what is inferred.
  return { ...inferred, ...custom };
}

function titlePageShowsDate(built: BuiltTree): boolean {
  let headings = 0;
  for (const node of built.tree.children.slice(0, 12)) {
    if (node.type === 'heading' && ++headings > 1) break;
    if (node.type !== 'paragraph' || !node.position) continue;
    const line = built.text.slice(node.position.start.offset, node.position.end.offset);
    if (line.length <= 40 && line.split(/\s+/).length <= 5 && /\b(?:19|20)\d{2}\b/.test(line)) return true;
  }
  return false;
}

/**
 * Undoes what Word's AutoCorrect does to a directive as it is typed: a capital first letter,
 * and "--" turned into a dash.
 */
function wordTyped(comment: string): string {
  return comment.replace(/^\s*stratlint-[a-z-]+/i, (m) => m.toLowerCase()).replace(/\s[\u2013\u2014]\s/, ' -- ');
}

/**
 * Comments that start "stratlint-disable …" silence rules on the paragraphs they cover; a
 * stratlint comment the author resolved silences the one finding it was about, there.
 */
function commentDirectives(body: Body, comments: Map<string, WordComment>, states: Map<string, CommentState>): Directive[] {
  const directives: Directive[] = [];
  // An answer that has no place of its own in the body (not every program writes one) covers
  // what the comment it answers covers.
  const byParaId = new Map([...comments.values()].flatMap((c) => c.paraIds.map((p) => [p, c.id] as const)));
  const anchors = new Map(body.comments);
  for (const comment of comments.values()) {
    const parent = comment.paraId ? states.get(comment.paraId)?.parent : undefined;
    const parentAnchor = parent ? body.comments.get(byParaId.get(parent) ?? '') : undefined;
    if (!anchors.has(comment.id) && parentAnchor) anchors.set(comment.id, parentAnchor);
  }
  for (const [id, anchor] of anchors) {
    const comment = comments.get(id);
    const accepted = comment && isResolved(comment, states) ? stratlintFinding(comment) : null;
    const parsed = accepted ? { kind: 'disable' as const, rules: [accepted.ruleId] } : parseDirectiveComment(wordTyped(comment?.text ?? ''));
    if (!parsed || parsed.kind === 'enable') continue;
    const startIndex = anchor.start?.index ?? anchor.referenceIndex ?? anchor.endIndex;
    if (startIndex === undefined) continue;
    const endIndex = Math.max(startIndex, anchor.endIndex ?? anchor.referenceIndex ?? startIndex);
    const line = startIndex + 1;
    const column = (anchor.start?.column ?? 0) + 1;
    if (accepted) {
      directives.push({ kind: 'disable', rules: parsed.rules, line, column, endLine: endIndex + 1, range: true, message: accepted.message });
    } else if (parsed.kind === 'disable-next-line') {
      directives.push({ kind: 'disable-next-line', rules: parsed.rules, line, column, endLine: endIndex + 1 });
    } else {
      directives.push({ kind: 'disable', rules: parsed.rules, line, column, endLine: endIndex + 1, range: true });
    }
  }
  return directives.sort((a, b) => a.line - b.line || a.column - b.column);
}
