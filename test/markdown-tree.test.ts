// stratlint parses Markdown with only the GFM extensions a document needs (and without literal
// links where every address sits in a link destination). That is only sound if the tree is the
// one remark-gfm gives: these tests compare the two on real documents and on tricky inline cases.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdownDocument } from '../dist/src/formats/markdown.js';
import { CORPUS, ROOT } from './helpers.js';

const reference = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

function referenceTree(text: string): unknown {
  return reference.runSync(reference.parse(text));
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(dir, f));
}

const CASES: Record<string, string> = {
  'addresses only in link destinations': 'See [the plan](https://example.org/plan) and [www](<https://www.example.org/a b>).\n',
  'a bare address': 'Read it at https://example.org/plan today.\n',
  'a bare www address': 'Read it at www.example.org.\n',
  'an e-mail address': 'Write to digital@example.org.\n',
  'a mailto link': 'Write to [us](mailto:digital@example.org).\n',
  'an address as the link text': '[https://example.org](https://example.org)\n',
  'an address in emphasis': 'It is *www.example.org* now.\n',
  'an address in code': 'Run `curl https://example.org` first.\n',
  'an address in a heading and a table': '# See https://example.org\n\n| a | b |\n| - | - |\n| www.example.org | [x](https://y.org) |\n',
  'a broken destination with a space': 'A [link](https://example.org/a b) that is not one.\n',
  'a stray bracket': 'Text ](https://example.org) without a link.\n',
  'an escaped colon': 'https\\://example.org and http&#58;//example.org\n',
  'a definition': '[plan]: https://example.org/plan\n\nSee [plan].\n',
  'an image': '![www.example.org](https://example.org/logo.png)\n',
  'a footnote, strikethrough and a task list': 'Done[^1] ~~not~~.\n\n- [x] one\n- [ ] two\n\n[^1]: https://example.org\n',
};

describe('Markdown trees', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`are remark-gfm's for ${name}`, () => {
      expect(markdownDocument('case.md', text).tree).toEqual(referenceTree(text));
    });
  }

  it("are remark-gfm's for the fixtures", () => {
    const files = markdownFiles(join(ROOT, 'fixtures'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(markdownDocument(file, text).tree, file).toEqual(referenceTree(text));
    }
  });

  // The published strategies sit beside the project (../shared/corpus), as for the corpus tests.
  it.skipIf(!existsSync(CORPUS))("are remark-gfm's for the real strategies in the corpus", () => {
    const files = markdownFiles(CORPUS);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(markdownDocument(file, text).tree, file).toEqual(referenceTree(text));
    }
  });
});
