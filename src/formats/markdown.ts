// Markdown in: remark with GFM (tables, footnotes, task lists, literal links, strikethrough)
// and YAML front matter.

import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Extension as SyntaxExtension } from 'micromark-util-types';
import type { Extension as TreeExtension } from 'mdast-util-from-markdown';
import { parse as parseYaml } from 'yaml';
import { location } from 'vfile-location';
import type { Root, Html, Yaml } from 'mdast';
import type { Directive, StrategyDocument } from '../core/types.js';
import { parseDirectiveComment } from './directives.js';
import { mergeSkipped } from '../core/limits.js';
import { blankHostileLines, limitTree } from './limits.js';

// GitHub Flavored Markdown, as remark-gfm gives it, but one extension at a time: each is switched
// on for a document only when its text has what that syntax cannot do without. Where that is
// missing the extension could not make a node, so the tree is the same; and GFM is most of
// parsing's cost. The literal links alone doubled it, since an e-mail address may start at any
// letter and so every word was tried as one; tables added 40%. In remark-gfm's order.
const GFM: ReadonlyArray<{ needs: RegExp; syntax: () => SyntaxExtension; tree: () => TreeExtension }> = [
  // www.example.org, http(s)://…, name@example.org (also in mailto: and xmpp: links), or a
  // character reference or escape that may spell one ("https\://…" is linked from its text)
  { needs: /www\.|https?:|@|&#?[a-z0-9]+;|\\[.:@]/i, syntax: gfmAutolinkLiteral, tree: gfmAutolinkLiteralFromMarkdown },
  { needs: /\[\^/, syntax: gfmFootnote, tree: gfmFootnoteFromMarkdown },
  { needs: /~/, syntax: gfmStrikethrough, tree: gfmStrikethroughFromMarkdown },
  { needs: /\|/, syntax: gfmTable, tree: gfmTableFromMarkdown },
  { needs: /\[[\sxX]\]/, syntax: gfmTaskListItem, tree: gfmTaskListItemFromMarkdown },
];

const LITERAL_LINKS = 1 << 0;
// What a literal link starts with, in the source (GFM's test) and in a text node's decoded value.
const LITERAL_LINK_SOURCE = GFM[0]!.needs;
const LITERAL_LINK_TEXT = /www\.|https?:|@/i;
// The destination of an inline link, "](https://…", where literal links are never looked for.
const LINK_DESTINATION = /\]\(\s*<?[^\s)>]*/g;

/**
 * The tree of a Markdown text, parsed with the GFM extensions it needs. Literal links are only
 * ever found in text, so a document whose addresses are all in link destinations
 * ("[plan](https://…)") does not need that extension, the costliest: it is parsed without it,
 * and parsed again with it only if some text node of the result holds the start of one after all.
 */
function parseMarkdown(text: string): Root {
  let key = 0;
  GFM.forEach((extension, i) => {
    if (extension.needs.test(text)) key |= 1 << i;
  });
  if (key & LITERAL_LINKS && !LITERAL_LINK_SOURCE.test(text.replace(LINK_DESTINATION, ']('))) {
    const tree = parseWith(key & ~LITERAL_LINKS, text);
    if (!someText(tree, (value) => LITERAL_LINK_TEXT.test(value))) return tree;
  }
  return parseWith(key, text);
}

type AnyNode = { type: string; value?: unknown; children?: unknown[] };

// Iterative: it runs before the tree is cut to its depth limit.
function someText(tree: AnyNode, test: (value: string) => boolean): boolean {
  const stack: AnyNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text' && typeof node.value === 'string' && test(node.value)) return true;
    if (Array.isArray(node.children)) for (const child of node.children) stack.push(child as AnyNode);
  }
  return false;
}

function parseWith(key: number, text: string): Root {
  const processor = processorFor(key);
  return processor.runSync(processor.parse(text)) as Root;
}

const processors = new Map<number, Processor<Root>>();

/** remark with a set of the GFM extensions (bits of `key`, in GFM's order), then front matter. */
function processorFor(key: number): Processor<Root> {
  let processor = processors.get(key);
  if (!processor) {
    const wanted = GFM.filter((_, i) => key & (1 << i));
    processor = unified()
      .use(remarkParse)
      .use(function gfmSubset(this: Processor) {
        const data = this.data();
        (data.micromarkExtensions ??= []).push(...wanted.map((e) => e.syntax()));
        (data.fromMarkdownExtensions ??= []).push(...wanted.map((e) => e.tree()));
      })
      .use(remarkFrontmatter, ['yaml']) as unknown as Processor<Root>;
    processors.set(key, processor);
  }
  return processor;
}

export function markdownDocument(path: string, text: string): StrategyDocument {
  // Parsed with the lines it could not parse in bounded time blanked (same length, so offsets
  // hold); the source stays the document's text.
  const shallow = blankHostileLines(text);
  const tree = parseMarkdown(shallow.text);
  const skipped = mergeSkipped(shallow.skipped, limitTree(tree, text), text);
  const place = location(text);
  const metadata = readFrontMatter(tree);
  const directives: Directive[] = [];
  for (const node of tree.children) collectDirectives(node, directives);

  return {
    path,
    format: 'markdown',
    text,
    tree,
    metadata,
    toPoint(offset) {
      const clamped = Math.max(0, Math.min(offset, text.length));
      const point = place.toPoint(clamped);
      return point
        ? { line: point.line, column: point.column, offset: clamped }
        : { line: 1, column: 1, offset: clamped };
    },
    locator(start) {
      return `${start.line}:${start.column}`;
    },
    directives,
    ...(skipped.length > 0 ? { skipped } : {}),
  };
}

function readFrontMatter(tree: Root): Record<string, unknown> {
  const first = tree.children[0];
  if (!first || first.type !== 'yaml') return {};
  try {
    const data = parseYaml((first as Yaml).value);
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    // Front matter that is not YAML is the author's business; the body is still linted.
    return {};
  }
}

// Directives are HTML comments, which remark keeps as `html` nodes, both as blocks and inline.
function collectDirectives(node: { type: string; children?: unknown[] }, out: Directive[]): void {
  if (node.type === 'html') {
    const html = node as Html;
    const comments = html.value.matchAll(/<!--([\s\S]*?)-->/g);
    for (const match of comments) {
      const parsed = parseDirectiveComment(match[1] ?? '');
      if (!parsed || !html.position) continue;
      const before = html.value.slice(0, match.index ?? 0);
      const lineDelta = before.split('\n').length - 1;
      out.push({
        ...parsed,
        line: html.position.start.line + lineDelta,
        column: lineDelta === 0 ? html.position.start.column + (match.index ?? 0) : 1,
        endLine: html.position.end.line,
      });
    }
    return;
  }
  if (Array.isArray(node.children)) {
    for (const child of node.children) collectDirectives(child as { type: string }, out);
  }
}
