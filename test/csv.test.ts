// --format csv: one row per document that a spreadsheet opens cleanly.
import { describe, expect, it } from 'vitest';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIGN_ORDER } from '../dist/src/score/scorecard.js';
import { ROOT, stratlint, tempDir } from './helpers.js';
import { parseCsv } from './support/csv.js';

describe('--format csv', () => {
  it('writes a header and one row per document, quoted by RFC 4180', () => {
    const dir = tempDir('stratlint-csv-');
    copyFileSync(join(ROOT, 'fixtures/strategies/northshire-ten-year-vision.md'), join(dir, 'plan, "final".md'));
    copyFileSync(join(ROOT, 'fixtures/strategies/riverside-council-digital-strategy.md'), join(dir, '=SUM(A1).md'));
    writeFileSync(join(dir, 'empty.md'), '');
    const r = stratlint(['.', '--format', 'csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout.startsWith('\ufeffpath,format,words,score,')).toBe(true);
    expect(r.stdout.endsWith('\r\n')).toBe(true);
    expect(r.stdout).toContain('\r\n"plan, ""final"".md",markdown,');

    const [header, ...rows] = parseCsv(r.stdout.slice(1));
    expect(header).toEqual(['path', 'format', 'words', 'score', ...SIGN_ORDER, 'errors', 'warnings', 'file error', ...SIGN_ORDER.map((s) => `${s}: why`)]);
    expect(rows.map((row) => row[0])).toEqual(["'=SUM(A1).md", 'empty.md', 'plan, "final".md']);
    for (const row of rows) expect(row).toHaveLength(header!.length);

    const record = (name: string) => Object.fromEntries(header!.map((h, i) => [h, rows.find((row) => row[0] === name)![i]]));
    expect(record('plan, "final".md')).toMatchObject({
      format: 'markdown',
      score: expect.stringMatching(/^\d+$/),
      'user-centred': 'missing',
      'too-long-term': 'strong',
      errors: '1',
      'file error': '',
    });
    expect(Number(record('plan, "final".md').warnings)).toBeGreaterThan(10);
    // Why each verdict, as the JSON report gives it.
    const json = JSON.parse(stratlint(['plan, "final".md', '--format', 'json'], { cwd: dir }).stdout).files[0];
    for (const sign of SIGN_ORDER) expect(record('plan, "final".md')[`${sign}: why`]).toBe(json.scorecard.signs[sign].reason);
    expect(record('plan, "final".md')['wish-list: why']).toBe('14 initiatives with no order, phasing or priority (the longest run has 14) (14; some from 10, strong from 25)');
    expect(record("'=SUM(A1).md")).toMatchObject({ score: '100', vague: 'absent', integrated: 'present', errors: '0', warnings: '0' });
    expect(record('empty.md')).toMatchObject({ format: '', words: '', score: '', vague: '', 'file error': 'empty: File is empty', 'vague: why': '' });
    // The report is data: file problems go to stderr as well.
    expect(r.stderr).toBe('stratlint: empty.md: File is empty\n');
  });
});
