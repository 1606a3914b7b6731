// The document's shape: its text blocks in order, the heading tree, and which section and
// list each block sits in. Built in one walk of the mdast tree.

import type { Heading, List, ListItem, Nodes, Paragraph, Parents, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';

export type BlockKind = 'heading' | 'paragraph' | 'tableCell';

export interface ListContext {
  list: List;
  item: ListItem;
  /** 0-based index of the item in its list. */
  index: number;
  ordered: boolean;
  /** Whether this block is the first paragraph of its item (the item's "label"). */
  leading: boolean;
  /** How deep the list is nested (0 for a top-level list). */
  depth: number;
}

/** Where a table cell sits: its table, its row (0 is the header row) and its column. */
export interface CellContext {
  table: TableInfo;
  row: number;
  column: number;
}

export interface Block {
  index: number;
  kind: BlockKind;
  node: Nodes;
  start: number;
  end: number;
  text: string;
  /** The section the block belongs to; for a heading, the section it opens. */
  section: Section;
  list: ListContext | null;
  inQuote: boolean;
  inTable: boolean;
  /** For a table cell, its table, row and column. */
  cell: CellContext | null;
  /** In a footnote's definition: a note or a reference, not the document's running text. */
  inNote: boolean;
  depth: number;
}

export interface Section {
  /** The heading that opens it; null for the part before the first heading. */
  heading: Block | null;
  depth: number;
  title: string;
  /** Titles from the top-level section down to this one. */
  path: string[];
  parent: Section | null;
  start: number;
  end: number;
  blocks: Block[];
}

export interface ListInfo {
  list: List;
  start: number;
  end: number;
  items: Block[];
  ordered: boolean;
  depth: number;
  section: Section;
  /** The paragraph just before the list, often the sentence that introduces it. */
  leadIn: Block | null;
}

export interface TableInfo {
  start: number;
  end: number;
  section: Section;
  /** The header row's cell texts, trimmed. */
  header: string[];
  /** Every row's cells in column order; row 0 is the header. */
  rows: Block[][];
}

export interface Structure {
  blocks: Block[];
  sections: Section[];
  lists: ListInfo[];
  tables: TableInfo[];
  root: Section;
}

export function buildStructure(tree: Root, textLength: number): Structure {
  const root: Section = {
    heading: null,
    depth: 0,
    title: '',
    path: [],
    parent: null,
    start: 0,
    end: textLength,
    blocks: [],
  };
  const sections: Section[] = [root];
  const blocks: Block[] = [];
  const lists: ListInfo[] = [];
  const tables: TableInfo[] = [];
  const listByNode = new Map<List, ListInfo>();
  let current = root;
  let notes = 0;

  const add = (
    kind: BlockKind,
    node: Nodes,
    list: ListContext | null,
    inQuote: boolean,
    inTable: boolean,
  ): Block | null => {
    const pos = node.position;
    if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) return null;
    const block: Block = {
      index: blocks.length,
      kind,
      node,
      start: pos.start.offset,
      end: pos.end.offset,
      text: toString(node),
      section: current,
      list,
      inQuote,
      inTable,
      cell: null,
      inNote: notes > 0,
      depth: kind === 'heading' ? (node as Heading).depth : 0,
    };
    blocks.push(block);
    current.blocks.push(block);
    return block;
  };

  const walk = (
    node: Nodes,
    list: ListContext | null,
    inQuote: boolean,
    listDepth: number,
  ): void => {
    switch (node.type) {
      case 'heading': {
        const depth = node.depth;
        let parent: Section = current;
        while (parent.heading && parent.depth >= depth) parent = parent.parent ?? root;
        const title = toString(node).trim();
        const section: Section = {
          heading: null,
          depth,
          title,
          path: [...parent.path, title],
          parent,
          start: node.position?.start.offset ?? 0,
          end: textLength,
          blocks: [],
        };
        sections.push(section);
        current = section;
        section.heading = add('heading', node, null, inQuote, false);
        return;
      }
      case 'paragraph': {
        const leading = list !== null && list.item.children[0] === node;
        const ctx = list ? { ...list, leading } : null;
        const block = add('paragraph', node, ctx, inQuote, false);
        if (block && ctx && leading) listByNode.get(ctx.list)?.items.push(block);
        return;
      }
      case 'table': {
        const table: TableInfo = {
          start: node.position?.start.offset ?? 0,
          end: node.position?.end.offset ?? 0,
          section: current,
          header: (node.children[0]?.children ?? []).map((cell) => toString(cell).trim()),
          rows: [],
        };
        tables.push(table);
        node.children.forEach((row, r) => {
          const cells: Block[] = [];
          row.children.forEach((cell, column) => {
            const block = add('tableCell', cell, null, inQuote, true);
            if (!block) return;
            block.cell = { table, row: r, column };
            cells.push(block);
          });
          table.rows.push(cells);
        });
        return;
      }
      case 'list': {
        const previous = blocks[blocks.length - 1];
        const info: ListInfo = {
          list: node,
          start: node.position?.start.offset ?? 0,
          end: node.position?.end.offset ?? 0,
          items: [],
          ordered: Boolean(node.ordered),
          depth: listDepth,
          section: current,
          leadIn:
            previous && previous.kind === 'paragraph' && previous.section === current && !previous.list
              ? previous
              : null,
        };
        lists.push(info);
        listByNode.set(node, info);
        node.children.forEach((item, index) => {
          const ctx: ListContext = {
            list: node,
            item,
            index,
            ordered: Boolean(node.ordered),
            leading: false,
            depth: listDepth,
          };
          for (const child of item.children) walk(child, ctx, inQuote, listDepth + 1);
        });
        return;
      }
      case 'blockquote': {
        for (const child of node.children) walk(child, list, true, listDepth);
        return;
      }
      case 'footnoteDefinition': {
        notes++;
        for (const child of node.children) walk(child, list, inQuote, listDepth);
        notes--;
        return;
      }
      default: {
        if ('children' in node) {
          for (const child of (node as Parents).children) walk(child as Nodes, list, inQuote, listDepth);
        }
      }
    }
  };

  for (const child of tree.children) walk(child, null, false, 0);

  // A section runs until the next heading of the same or a higher level.
  for (let i = 1; i < sections.length; i++) {
    const section = sections[i]!;
    for (let j = i + 1; j < sections.length; j++) {
      if (sections[j]!.depth <= section.depth) {
        section.end = sections[j]!.start;
        break;
      }
    }
  }

  return { blocks, sections, lists, tables, root };
}

/**
 * A paragraph whose content is all set in one kind of emphasis, bold ("**…**": a statement set
 * out as a pseudo-heading) or italics ("*…*": a tagline), blank text between runs aside.
 */
export function setWhollyIn(block: Block, kind: 'strong' | 'emphasis'): boolean {
  const children = (block.node as Paragraph).children ?? [];
  const visible = children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  return visible.length > 0 && visible.every((c) => c.type === kind);
}

/** The block containing `offset`, by binary search over blocks in document order. */
export function blockAt(blocks: readonly Block[], offset: number): Block | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  let found: Block | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const block = blocks[mid]!;
    if (block.start <= offset) {
      found = block;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
