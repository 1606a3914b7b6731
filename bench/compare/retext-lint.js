#!/usr/bin/env node
// The comparison's unified/retext pipeline as a command-line linter: Markdown with GFM and
// front matter, bridged to English prose, checked by retext-readability, retext-passive and
// retext-simplify. Prints one line per message, as a linter would.
//
//   node bench/compare/retext-lint.js FILE_OR_FOLDER...

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import retextReadability from 'retext-readability';
import retextPassive from 'retext-passive';
import retextSimplify from 'retext-simplify';
import { VFile } from 'vfile';

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkRetext, unified().use(retextEnglish).use(retextReadability).use(retextPassive).use(retextSimplify));

const files = [];
for (const arg of process.argv.slice(2)) {
  if (statSync(arg).isDirectory()) {
    for (const name of readdirSync(arg).sort()) if (name.endsWith('.md')) files.push(join(arg, name));
  } else files.push(arg);
}

let messages = 0;
const out = [];
for (const path of files) {
  const file = new VFile({ path, value: readFileSync(path, 'utf8') });
  await processor.run(processor.parse(file), file);
  for (const m of file.messages) {
    out.push(`${path}:${m.line ?? 0}:${m.column ?? 0}  ${m.reason}  ${m.source ?? ''}/${m.ruleId ?? ''}`);
    messages++;
  }
}
out.push(`${messages} messages in ${files.length} files`);
process.stdout.write(out.join('\n') + '\n');
process.exitCode = messages > 0 ? 1 : 0;
