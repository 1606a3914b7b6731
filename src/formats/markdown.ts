// Markdown in: remark with GFM (tables, task lists) and YAML front matter.

import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { parse as parseYaml } from 'yaml';
import { location } from 'vfile-location';
import type { Root, Html, Yaml } from 'mdast';
import type { Directive, StrategyDocument } from '../core/types.js';
import { parseDirectiveComment } from './directives.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

export function markdownDocument(path: string, text: string): StrategyDocument {
  const tree = processor.runSync(processor.parse(text)) as Root;
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
