// From the body's paragraphs to the synthesised text (one line per Word paragraph) and an
// mdast tree whose every node is positioned in that text, so the shared analysis and the
// rules work on a Word document exactly as on Markdown.

import type {
  Blockquote,
  Heading,
  Link,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
  Strong,
  Text,
} from 'mdast';
import type { Point as UnistPoint, Position } from 'unist';
import type { Body, BodyParagraph, BodyTable } from './body.js';
import type { Numbering } from './numbering.js';
import type { Styles } from './styles.js';

export interface BuiltTree {
  text: string;
  tree: Root;
  /** The first paragraph in the Title style, and the first in the Date style (left out of the tree). */
  titleText?: string;
  dateText?: string;
}

type Kind =
  | { kind: 'skip' }
  | { kind: 'heading'; depth: number; title: boolean }
  | { kind: 'quote' }
  | { kind: 'list'; level: number; ordered: boolean; start: number; numId: string }
  | { kind: 'paragraph'; date: boolean };

export function buildTree(body: Body, styles: Styles, numbering: Numbering): BuiltTree {
  const { paragraphs } = body;
  const lineStarts: number[] = [];
  let offset = 0;
  for (const p of paragraphs) {
    lineStarts.push(offset);
    offset += p.text.length + 1;
  }
  const text = paragraphs.map((p) => p.text).join('\n');

  const point = (index: number, column: number): UnistPoint => ({
    line: index + 1,
    column: column + 1,
    offset: lineStarts[index]! + column,
  });
  const span = (from: UnistPoint, to: UnistPoint): Position => ({ start: from, end: to });

  /** The paragraph's text without surrounding white space, as [from, to) columns; null if blank. */
  const trimmed = (p: BodyParagraph): [number, number] | null => {
    const from = p.text.search(/\S/);
    if (from < 0) return null;
    return [from, p.text.trimEnd().length];
  };

  const phrasing = (p: BodyParagraph, from: number, to: number): PhrasingContent[] => {
    const out: PhrasingContent[] = [];
    let strong: Strong | null = null;
    for (const s of p.segments) {
      const a = Math.max(s.start, from);
      const b = Math.min(s.end, to);
      if (a >= b) continue;
      const position = span(point(p.index, a), point(p.index, b));
      const textNode: Text = { type: 'text', value: p.text.slice(a, b), position };
      const node: Text | Link = s.link === undefined ? textNode : { type: 'link', url: s.link, title: null, children: [textNode], position };
      if (!s.bold) {
        strong = null;
        out.push(node);
        continue;
      }
      // Consecutive bold runs make one strong node around them, links included, as "**…**" does.
      if (strong) {
        strong.children.push(node);
        strong.position = span(strong.position!.start, position.end);
      } else {
        strong = { type: 'strong', children: [node], position };
        out.push(strong);
      }
    }
    return out;
  };

  let titleText: string | undefined;
  let dateText: string | undefined;

  const classify = (p: BodyParagraph): Kind => {
    const style = styles.style(p.styleId);
    if (style.role === 'toc') return { kind: 'skip' };
    let role = style.role;
    let depth = style.depth;
    if (p.outlineLevel !== undefined) {
      // Outline level set on the paragraph itself overrides its style, both ways.
      if (p.outlineLevel < 9) {
        role = 'heading';
        depth = p.outlineLevel + 1;
      } else if (role === 'heading') {
        role = 'body';
      }
    }
    if (role === 'title' || role === 'heading') return { kind: 'heading', depth: Math.min(6, Math.max(1, depth)), title: role === 'title' };
    if (role === 'quote') return { kind: 'quote' };
    const numId = p.numId ?? style.numId;
    const level = p.ilvl ?? style.ilvl ?? 0;
    const list = numbering.level(numId, level);
    if (list && list.kind !== 'none' && numId) return { kind: 'list', level, ordered: list.kind === 'ordered', start: list.start, numId };
    return { kind: 'paragraph', date: role === 'date' };
  };

  const children: RootContent[] = [];

  // Lists are built from runs of numbered paragraphs. Ids are not trusted to group them
  // (LibreOffice writes one per item), but a blank paragraph between items ends a list unless
  // the next item carries on the same numbering.
  interface OpenList {
    node: List;
    level: number;
    numId: string;
  }
  let lists: OpenList[] = [];
  let gap = false;
  let quote: Blockquote | null = null;

  const extend = (node: { position?: Position }, end: UnistPoint) => {
    if (node.position) node.position.end = end;
  };
  const newList = (kind: Extract<Kind, { kind: 'list' }>, start: UnistPoint): List => ({
    type: 'list',
    ordered: kind.ordered,
    start: kind.ordered ? kind.start : null,
    spread: false,
    children: [],
    position: span(start, start),
  });

  const addListItem = (kind: Extract<Kind, { kind: 'list' }>, paragraph: Paragraph) => {
    const start = paragraph.position!.start;
    const end = paragraph.position!.end;
    const top = () => lists[lists.length - 1];
    if (top() && gap && top()!.numId !== kind.numId) lists = [];
    while (top() && top()!.level > kind.level) lists.pop();
    let open = top();
    if (open && open.level === kind.level && open.node.ordered !== kind.ordered) {
      lists.pop();
      open = top();
    }
    if (!open || open.level < kind.level) {
      const node = newList(kind, start);
      const parentItem = open?.node.children[open.node.children.length - 1];
      if (parentItem) parentItem.children.push(node);
      else {
        lists = [];
        children.push(node);
      }
      lists.push({ node, level: kind.level, numId: kind.numId });
      open = top();
    }
    const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [paragraph], position: span(start, end) };
    open!.node.children.push(item);
    open!.numId = kind.numId;
    for (const l of lists) {
      extend(l.node, end);
      extend(l.node.children[l.node.children.length - 1]!, end);
    }
  };

  const flush = () => {
    lists = [];
    quote = null;
    gap = false;
  };

  for (const item of body.items) {
    if (item.kind === 'table') {
      flush();
      const table = buildTable(item.table);
      if (table) children.push(table);
      continue;
    }
    const p = paragraphs[item.index]!;
    const range = trimmed(p);
    const kind = classify(p);
    if (!range || kind.kind === 'skip') {
      gap = true;
      continue;
    }
    const [from, to] = range;
    const position = span(point(p.index, from), point(p.index, to));
    const content = phrasing(p, from, to);
    if (kind.kind === 'heading') {
      flush();
      if (kind.title && titleText === undefined) titleText = p.text.slice(from, to);
      children.push({ type: 'heading', depth: kind.depth as Heading['depth'], children: content, position } satisfies Heading);
      continue;
    }
    const paragraph: Paragraph = { type: 'paragraph', children: content, position };
    if (kind.kind === 'list') {
      quote = null;
      addListItem(kind, paragraph);
      gap = false;
      continue;
    }
    lists = [];
    gap = false;
    if (kind.kind === 'quote') {
      if (!quote) {
        quote = { type: 'blockquote', children: [], position: span(position.start, position.end) };
        children.push(quote);
      }
      quote.children.push(paragraph);
      extend(quote, position.end);
      continue;
    }
    quote = null;
    if (kind.date && dateText === undefined) {
      // The document's date, like Markdown front matter: it dates the strategy and is not linted.
      dateText = p.text.slice(from, to);
      gap = true;
      continue;
    }
    children.push(paragraph);
  }

  function buildTable(source: BodyTable): Table | null {
    const rows: TableRow[] = [];
    let width = 0;
    for (const sourceRow of source.rows) {
      const cells: TableCell[] = [];
      for (const indexes of sourceRow) {
        const cell: TableCell = { type: 'tableCell', children: [] };
        let last: { index: number; to: number } | null = null;
        for (const index of indexes) {
          const p = paragraphs[index]!;
          const range = trimmed(p);
          if (!range || styles.style(p.styleId).role === 'toc') continue;
          const [from, to] = range;
          if (last) {
            // The line breaks between a cell's paragraphs, as white space the sentence splitter sees.
            const a = lineStarts[last.index]! + last.to;
            const b = lineStarts[index]! + from;
            cell.children.push({ type: 'text', value: text.slice(a, b), position: span(point(last.index, last.to), point(index, from)) });
          }
          cell.children.push(...phrasing(p, from, to));
          if (!cell.position) cell.position = span(point(index, from), point(index, to));
          else cell.position.end = point(index, to);
          last = { index, to };
        }
        cells.push(cell);
      }
      width = Math.max(width, cells.length);
      const positioned = cells.filter((c) => c.position);
      const row: TableRow = { type: 'tableRow', children: cells };
      if (positioned.length) row.position = span(positioned[0]!.position!.start, positioned[positioned.length - 1]!.position!.end);
      rows.push(row);
    }
    const positionedRows = rows.filter((r) => r.position);
    if (!positionedRows.length) return null;
    return {
      type: 'table',
      align: new Array(width).fill(null),
      children: rows,
      position: span(positionedRows[0]!.position!.start, positionedRows[positionedRows.length - 1]!.position!.end),
    };
  }

  const lastIndex = Math.max(0, paragraphs.length - 1);
  const tree: Root = {
    type: 'root',
    children,
    position: span(point(0, 0), paragraphs.length ? point(lastIndex, paragraphs[lastIndex]!.text.length) : point(0, 0)),
  };
  return { text, tree, titleText, dateText };
}
