// Word documents made by pandoc and LibreOffice (fixtures/docx), linted as a user would:
// findings, their paragraph and heading path, and what the adapter reads and leaves out.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { List, Table } from 'mdast';
import type { FileResult } from '../dist/src/core/types.js';
import { Linter } from '../dist/src/engine/run.js';
import { docxDocument } from '../dist/src/formats/docx/index.js';
import { nodes, ROOT } from './helpers.js';

const fixture = (name: string) => join(ROOT, 'fixtures', 'docx', name);
const linter = new Linter({ cwd: ROOT, now: new Date('2026-01-01T00:00:00Z') });
const readDoc = (name: string) => docxDocument(`fixtures/docx/${name}`, readFileSync(fixture(name)));
const line = (text: string, n: number) => text.split('\n')[n - 1];

describe.each(['riverside-pandoc.docx', 'riverside-libreoffice.docx'])('%s', (name) => {
  let result: FileResult;
  beforeAll(async () => {
    result = await linter.lintFile(fixture(name));
  });
  const of = (ruleId: string) => result.findings.filter((f) => f.ruleId === ruleId);

  it('is read as a Word document dated by its Date paragraph', () => {
    expect(result.errors).toEqual([]);
    expect(result.format).toBe('docx');
    expect(result.referenceDate).toBe('2024-03-01');
  });

  it('reports the unprioritised list at its first item, under headings in localised styles', () => {
    const [wish] = of('wish-list');
    expect(wish).toMatchObject({
      line: 8,
      column: 1,
      locator: '¶8:1 (1. Our priorities › Objectives)',
      headingPath: ['1. Our priorities', 'Objectives'],
    });
    expect(wish!.message).toMatch(/^List of 9 initiatives with no order/);
  });

  it('silences the paragraph a "stratlint-disable vague-goals" comment covers, and only that one', () => {
    const lines = of('vague-goals').map((f) => f.line);
    expect(lines).toContain(22); // "We will transform how we use data."
    expect(lines).not.toContain(23); // "We will empower communities to thrive.", commented
    expect(result.errors).toEqual([]); // the en dash Word's AutoCorrect makes of "--" is understood
  });

  it('lints tracked insertions and table cells, not tracked deletions, footnotes or citations', () => {
    expect(of('long-horizon').map((f) => [f.locator, f.message])).toEqual([
      ['¶24:38 (1. Our priorities › Delivery plan)', "Horizon runs to 2035, 11 years past the document's date (2024)"],
      ['¶37:4 (1. Our priorities › Measures)', "Horizon runs to 2040, 16 years past the document's date (2024)"],
    ]);
  });

  it('leaves block quotations alone', () => {
    expect(result.findings.filter((f) => f.line === 27)).toEqual([]);
  });

  it('synthesises one line per paragraph, with only what a reader sees', () => {
    const doc = readDoc(name);
    expect(line(doc.text, 1)).toBe('Riverside Council Digital Strategy');
    expect(line(doc.text, 24)).toBe('Our target is a paperless council by 2035.');
    expect(doc.text).not.toContain('council by 2040'); // the tracked deletion
    expect(doc.text).not.toMatch(/TOC|HYPERLINK|carbon neutral/); // field codes, the footnote
    expect(doc.metadata).toMatchObject({ title: 'Riverside Council Digital Strategy', date: 'March 2024' });
  });

  it('builds lists, nested lists, a table and links in the tree', () => {
    const doc = readDoc(name);
    const lists = nodes(doc.tree, 'list') as List[];
    expect(lists.map((l) => [l.ordered, l.children.length, l.position!.start.line])).toEqual([
      [false, 9, 8],
      [true, 2, 18],
      [false, 2, 19],
    ]);
    expect(lists[1]!.children[0]!.children[1]).toBe(lists[2]); // nested under "Move 80% of bookings…"
    const [table] = nodes(doc.tree, 'table') as Table[];
    expect(table!.children.map((row) => row.children.length)).toEqual([3, 3, 3]);
    const [link] = nodes(doc.tree, 'link');
    expect(link).toMatchObject({ url: 'https://www.example.org/council-plan', children: [{ value: 'Council Plan 2020–2040' }] });
    expect(nodes(doc.tree, 'blockquote')).toHaveLength(1);
  });

  it('turns the comment into a range directive on the paragraph it covers', () => {
    expect(readDoc(name).directives).toEqual([{ kind: 'disable', rules: ['vague-goals'], line: 23, column: 1, endLine: 23, range: true }]);
  });

  it('positions every text node so its value is the text at its offsets', () => {
    const doc = readDoc(name);
    for (const node of [...nodes(doc.tree, 'text')]) {
      const { start, end } = node.position!;
      expect(doc.text.slice(start.offset, end.offset)).toBe((node as { value: string }).value);
      expect(doc.toPoint(start.offset!)).toEqual({ line: start.line, column: start.column, offset: start.offset });
    }
  });
});

it('gives the same findings for the pandoc and the LibreOffice file', async () => {
  const strip = async (name: string) => (await linter.lintFile(fixture(name))).findings.map(({ ruleId, line, column, message }) => ({ ruleId, line, column, message }));
  expect(await strip('riverside-libreoffice.docx')).toEqual(await strip('riverside-pandoc.docx'));
});

describe('harbour-libreoffice.docx (headers, text boxes, hidden text, fields)', () => {
  let result: FileResult;
  beforeAll(async () => {
    result = await linter.lintFile(fixture('harbour-libreoffice.docx'));
  });

  it('takes headings from a custom style with an outline level, and the date from the core properties', () => {
    expect(result.errors).toEqual([]);
    expect(result.referenceDate).toBe('2023-06-30');
    expect(result.findings.filter((f) => f.ruleId === 'vague-goals').map((f) => [f.locator, f.evidence])).toEqual([
      ['¶5:1 (Our approach)', 'We will transform the way we work.'],
    ]);
  });

  it('finds no horizon in the header (2060), the text box (2050) or the hidden text (2055)', () => {
    expect(result.findings.filter((f) => f.ruleId === 'long-horizon')).toEqual([]);
  });

  it('reads neither the header, the text box, nor hidden text, and keeps a field’s result but not its code', () => {
    const doc = readDoc('harbour-libreoffice.docx');
    expect(doc.text.split('\n')).toEqual([
      'Our approach',
      'We will cut waiting times for patients by 20% by March 2025.',
      'This is the Harbour Trust Digital Plan, for everyone who works here.',
      'Our staff told us what they need from the new rota system.',
      'We will transform the way we work.',
      'Review',
      'We will review this plan every year.',
    ]);
    expect(doc.metadata).toMatchObject({ title: 'Harbour Trust Digital Plan', date: '2023-06-30' });
  });
});
