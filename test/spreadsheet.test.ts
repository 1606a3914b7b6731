// --format csv in a real spreadsheet: LibreOffice Calc (Debian's libreoffice-calc-nogui) opens
// the report a consultant hands on and saves it as HTML, and every cell must be what stratlint
// wrote: names with commas, quotes and accents whole, counts and scores as numbers a
// spreadsheet can sort and average, and a name that looks like a formula left as text.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SIGN_ORDER } from '../dist/src/score/scorecard.js';
import { ROOT, stratlint, tempDir } from './helpers.js';
import { parseCsv } from './support/csv.js';
// @ts-expect-error: a plain JavaScript helper, shared with scripts/make-docx-fixtures.js.
import { libreOfficeConvert } from '../scripts/docx-convert.js';

/** Whether LibreOffice is installed with Calc, which reads CSV (Writer alone does not). */
function haveCalc(): boolean {
  const which = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  if (which.status !== 0) return false;
  const program = dirname(realpathSync(which.stdout.trim()));
  return existsSync(join(program, '..', 'share', 'registry', 'calc.xcd'));
}

const calc = haveCalc();
if (!calc) {
  const message = 'spreadsheet: LibreOffice Calc is not installed; install with "apt-get install libreoffice-calc-nogui" (.ci/run does)';
  if (process.env['CI'] === 'true') throw new Error(message);
  console.warn(`SKIPPED ${message}`);
}

interface Cell {
  text: string;
  /** The number Calc holds for the cell, if it read one. */
  number?: number;
}

/** The cells of the one table in Calc's HTML export. */
function calcTable(html: string): Cell[][] {
  const decode = (s: string) =>
    s
      .replace(/<br\s*\/?>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
    [...row!.matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)].map(([, attributes, content]) => {
      const value = /sdval="([^"]*)"/.exec(attributes!);
      return value ? { text: decode(content!), number: Number(value[1]) } : { text: decode(content!) };
    }),
  );
}

describe.skipIf(!calc)('--format csv opened in LibreOffice Calc', () => {
  it('gives one row per document with every cell as written, and numbers as numbers', () => {
    const dir = tempDir('stratlint-calc-');
    copyFileSync(join(ROOT, 'fixtures/strategies/northshire-ten-year-vision.md'), join(dir, 'plan, "final".md'));
    copyFileSync(join(ROOT, 'fixtures/strategies/riverside-council-digital-strategy.md'), join(dir, '=SUM(A1).md'));
    copyFileSync(join(ROOT, 'fixtures/docx/riverside-pandoc.docx'), join(dir, 'Café – stratégie.docx'));
    writeFileSync(join(dir, 'empty.md'), '');
    const r = stratlint(['.', '--format', 'csv', '--output-file', 'report.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    const csv = readFileSync(join(dir, 'report.csv'), 'utf8');

    // Comma-separated, double-quoted, UTF-8: what Calc's import dialog takes from the byte order mark.
    const [html] = libreOfficeConvert([join(dir, 'report.csv')], dir, { filter: 'html:HTML (StarCalc)', infilter: 'CSV:44,34,76,1' });
    const sheet = calcTable(readFileSync(html, 'utf8'));
    const written = parseCsv(csv.replace(/^\ufeff/, ''));

    expect(sheet.map((row) => row.map((cell) => cell.text))).toEqual(written);
    const [header, ...rows] = sheet;
    expect(header!.map((cell) => cell.text)).toEqual(['path', 'format', 'words', 'score', ...SIGN_ORDER, 'errors', 'warnings', 'file error', ...SIGN_ORDER.map((s) => `${s}: why`)]);
    expect(rows.map((row) => row[0]!.text)).toEqual(["'=SUM(A1).md", 'Café – stratégie.docx', 'empty.md', 'plan, "final".md']);

    const column = (name: string) => header!.findIndex((cell) => cell.text === name);
    for (const row of rows.filter((row) => row[column('file error')]!.text === '')) {
      for (const name of ['words', 'score', 'errors', 'warnings']) {
        expect(row[column(name)]!.number, `${row[0]!.text}: ${name}`).toBe(Number(row[column(name)]!.text));
      }
    }
    const plan = rows.find((row) => row[0]!.text === 'plan, "final".md')!;
    expect(plan[column('score')]!.number).toBeLessThan(50);
    expect(plan[column('too-long-term')]!.text).toBe('strong');
    // The name that starts with "=" is text in the sheet, not a formula's result.
    expect(rows[0]![0]!.number).toBeUndefined();
    expect(rows.find((row) => row[0]!.text === 'empty.md')![column('file error')]!.text).toBe('empty: File is empty');
  });
});
