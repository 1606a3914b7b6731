// A strategy of about 20,000 words (some 40 pages) built from the calibration corpus
// (../shared/corpus), as Markdown and as the .docx pandoc makes of it, for the Word benchmarks.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pandoc, pandocVersion } from '../../scripts/docx-convert.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = join(root, '..', 'shared', 'corpus');
export const LARGE_OUT = join(root, 'bench', '.corpus');

/** Writes strategy-20k.md and strategy-20k.docx into bench/.corpus; exits with a message when it cannot. */
export function buildLargeDocx(words = 20_000) {
  if (!pandocVersion()) {
    console.error('pandoc is needed to make the .docx: apt-get install pandoc');
    process.exit(1);
  }
  if (!existsSync(corpus)) {
    console.error(`no corpus at ${corpus}`);
    process.exit(1);
  }
  // The corpus documents one after another (their own front matter dropped) until enough words.
  const bodies = readdirSync(corpus)
    .filter((f) => /^\d.*\.md$/.test(f))
    .sort()
    .map((f) => readFileSync(join(corpus, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
  const parts = ['---\ntitle: "Benchmark strategy"\ndate: "2024-04-01"\n---\n'];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const body = bodies[i % bodies.length];
    parts.push(body);
    count += body.split(/\s+/).filter(Boolean).length;
  }
  mkdirSync(LARGE_OUT, { recursive: true });
  const mdPath = join(LARGE_OUT, 'strategy-20k.md');
  const docxPath = join(LARGE_OUT, 'strategy-20k.docx');
  writeFileSync(mdPath, parts.join('\n\n'));
  pandoc(mdPath, docxPath, { from: 'gfm+yaml_metadata_block', args: ['--standalone'] });
  return { mdPath, docxPath, words: count };
}
