import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { readFileSync, readdirSync } from 'node:fs';
const dir = '/work/wt-bench/bench/.corpus/medium';
const texts = readdirSync(dir).sort().slice(0, 100).map(f => readFileSync(`${dir}/${f}`, 'utf8'));
const exts = { table: [gfmTable(), gfmTableFromMarkdown()], autolink: [gfmAutolinkLiteral(), gfmAutolinkLiteralFromMarkdown()], footnote: [gfmFootnote(), gfmFootnoteFromMarkdown()], strike: [gfmStrikethrough(), gfmStrikethroughFromMarkdown()], task: [gfmTaskListItem(), gfmTaskListItemFromMarkdown()] };
function make(names) {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(function () {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(...names.map(n => exts[n][0]));
    (data.fromMarkdownExtensions ??= []).push(...names.map(n => exts[n][1]));
  });
}
const configs = { none: [], table: ['table'], autolink: ['autolink'], footnote: ['footnote'], strike: ['strike'], task: ['task'], all: Object.keys(exts), noAutolink: ['table','footnote','strike','task'] };
const sums = {};
for (let round = 0; round < 6; round++) {
  for (const [k, names] of Object.entries(configs)) { const p = make(names); const t = performance.now(); for (const s of texts) p.parse(s); if (round > 0) (sums[k] ??= []).push(performance.now()-t); }
}
console.log(Object.entries(sums).map(([k, v]) => `${k} ${Math.min(...v).toFixed(0)}`).join(' | '));
