// Issue 4's "done": the real strategies in ../shared/corpus, converted to Word by pandoc and by
// LibreOffice, give the same findings per rule as their Markdown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Linter } from '../dist/src/engine/run.js';
import type { FileResult } from '../dist/src/core/types.js';
import { CORPUS as corpus, ROOT as root, tempDir } from './helpers.js';
// @ts-expect-error: a plain JavaScript helper, shared with scripts/make-docx-fixtures.js.
import { libreOfficeToDocx, libreOfficeVersion, pandoc, pandocVersion } from '../scripts/docx-convert.js';

const documents = existsSync(corpus) ? readdirSync(corpus).filter((f) => /^\d.*\.md$/.test(f)).sort() : [];
const tools = { pandoc: pandocVersion() as string | null, libreoffice: libreOfficeVersion() as string | null };
const missing = [!tools.pandoc && 'pandoc', !tools.libreoffice && 'LibreOffice (soffice)', !documents.length && `the corpus (${corpus})`].filter(Boolean);

if (missing.length) {
  const message = `docx-corpus: ${missing.join(' and ')} not available; install with "apt-get install pandoc libreoffice-writer-nogui" (.ci/run does)`;
  // CI installs the converters, so there a missing one is a failure, not a skip.
  if (process.env['CI'] === 'true') throw new Error(message);
  console.warn(`SKIPPED ${message}`);
}

describe.skipIf(missing.length > 0)('corpus strategies as Word documents', () => {
  let work: string;
  const converted = { pandoc: new Map<string, string>(), libreoffice: new Map<string, string>() };

  beforeAll(() => {
    work = tempDir('stratlint-corpus-');
    for (const dir of ['pandoc', 'odt', 'libreoffice']) mkdirSync(join(work, dir));
    for (const file of documents) {
      const name = basename(file, '.md');
      // GitHub-flavoured Markdown is what remark reads; the front matter's title and date
      // become the Title and Date paragraphs, as an author's own would be.
      converted.pandoc.set(file, pandoc(join(corpus, file), join(work, 'pandoc', `${name}.docx`), { from: 'gfm+yaml_metadata_block', args: ['--standalone'] }));
      pandoc(join(corpus, file), join(work, 'odt', `${name}.odt`), { from: 'gfm+yaml_metadata_block', args: ['--standalone'] });
    }
    // LibreOffice opens pandoc's OpenDocument and saves it as Word, with its own styles and lists.
    const made = libreOfficeToDocx(documents.map((f) => join(work, 'odt', `${basename(f, '.md')}.odt`)), join(work, 'libreoffice'));
    documents.forEach((file, i) => converted.libreoffice.set(file, made[i]!));
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const linter = new Linter({ cwd: root, now: new Date('2026-01-01T00:00:00Z') });
  const byRule = (result: FileResult) => {
    const rules = new Map<string, string[]>();
    for (const f of result.findings) rules.set(f.ruleId, [...(rules.get(f.ruleId) ?? []), f.message]);
    return rules;
  };

  describe.each(documents)('%s', (file) => {
    it.each(['pandoc', 'libreoffice'] as const)('converted by %s: same rules, counts within one, same messages', async (tool) => {
      const markdown = await linter.lintFile(join(corpus, file));
      const word = await linter.lintFile(converted[tool].get(file)!);
      expect(word.errors).toEqual([]);
      expect(word.format).toBe('docx');
      expect(word.referenceDate).toBe(markdown.referenceDate);
      const expected = byRule(markdown);
      const actual = byRule(word);
      expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [rule, messages] of expected) {
        const got = actual.get(rule)!;
        expect(Math.abs(got.length - messages.length), `${rule}: ${messages.length} in Markdown, ${got.length} in Word`).toBeLessThanOrEqual(1);
        // Not only as many: the same findings, bar the one a conversion may add or lose.
        const unmatched = [...got];
        let lost = 0;
        for (const m of messages) {
          const i = unmatched.indexOf(m);
          if (i >= 0) unmatched.splice(i, 1);
          else lost++;
        }
        expect(lost, `${rule}: Markdown findings missing in Word`).toBeLessThanOrEqual(1);
      }
    });
  });
});
