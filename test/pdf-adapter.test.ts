// The PDF adapter rebuilding a document's structure from its layout: paragraphs across line
// and page breaks, broken words, headings from the outline or the fonts, nested lists, the
// table of contents, links, the date; and reading .pdf from folders, globs and standard input.
import { describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Heading, List, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { loadDocument } from '../dist/src/formats/index.js';
// @ts-expect-error: a plain JavaScript helper, shared with the fixture script and the benchmark.
import { buildPdf } from '../scripts/lib/pdf-writer.js';
import { nodes, stratlint, tempDir } from './helpers.js';

// The engine's own built-ins, taken before any PDF is read (PDF.js is loaded with the first).
const builtIns = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify, toString: Function.prototype.toString };

type Item = { text: string; x: number; y: number; size: number; bold?: boolean };
interface Page {
  items: Item[];
  annots?: string[];
}

/** Lines of body text from the top of an A4 page, 14 points apart. */
function lines(texts: string[], { x = 72, top = 760, size = 11, gap = 14 } = {}): Item[] {
  return texts.map((text, i) => ({ text, x, y: top - i * gap, size }));
}

async function read(pages: Page[], options: Record<string, unknown> = {}) {
  const loaded = await loadDocument('test.pdf', buildPdf(pages, options));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.doc;
}

const blocks = (tree: Root) => tree.children.map((n) => `${n.type}${'depth' in n ? n.depth : ''}: ${toString(n)}`);

describe('paragraphs', () => {
  it('joins lines, rejoins a word broken at a line end, keeps a compound, and goes on over a page break', async () => {
    const doc = await read([
      { items: lines(['Our digital transformation starts with residents. We will make face-to-', 'face help easier to reach and the digital trans-']) },
      { items: lines(['formation of our services will be measured every quarter.', '', 'A new paragraph starts here.'], { gap: 14 }) },
    ]);
    const paragraphs = nodes(doc.tree, 'paragraph').map((n) => toString(n));
    expect(paragraphs).toEqual([
      'Our digital transformation starts with residents. We will make face-to-face help easier to reach and the digital transformation of our services will be measured every quarter.',
      'A new paragraph starts here.',
    ]);
  });

  it('starts a paragraph after a wider gap or a first-line indent', async () => {
    const doc = await read([
      {
        items: [
          ...lines(['First paragraph, line one', 'and line two.']),
          ...lines(['Second paragraph after a gap.'], { top: 760 - 14 - 26 }),
          ...lines(['Third, set in.'], { top: 760 - 14 - 26 - 14, x: 90 }),
        ],
      },
    ]);
    expect(blocks(doc.tree)).toEqual(['paragraph: First paragraph, line one and line two.', 'paragraph: Second paragraph after a gap.', 'paragraph: Third, set in.']);
  });
});

describe('headings', () => {
  const page = (): Page => ({
    items: [
      { text: 'Digital Strategy', x: 72, y: 780, size: 22, bold: true },
      { text: 'Our users', x: 72, y: 740, size: 16, bold: true },
      ...lines(['Residents told us what they need from the council website.'], { top: 718 }),
      { text: 'What they said', x: 72, y: 690, size: 13, bold: true },
      ...lines(['They want to track their requests online.'], { top: 670 }),
      { text: 'Our plan', x: 72, y: 640, size: 16, bold: true },
      ...lines(['We will publish the status of every request by 2026.'], { top: 620 }),
    ],
  });

  it('come from font size and weight against the body, ranked by size', async () => {
    const doc = await read([page()]);
    expect(blocks(doc.tree).filter((b) => b.startsWith('heading'))).toEqual(['heading1: Digital Strategy', 'heading2: Our users', 'heading3: What they said', 'heading2: Our plan']);
  });

  it('come from the outline when there is one, at its depths', async () => {
    // Bookmarks one level up from what the fonts alone say, and one heading ("Our plan") with
    // no bookmark, which is then body text.
    const outline = [
      { title: 'Our users', depth: 1 },
      { title: 'What they said', depth: 2 },
    ];
    const doc = await read([page()], { outline });
    // The outline's depths, and the title, set larger than any of them, at the top.
    expect(blocks(doc.tree).filter((b) => b.startsWith('heading'))).toEqual(['heading1: Digital Strategy', 'heading1: Our users', 'heading2: What they said']);
  });
});

describe('lists', () => {
  it('come from bullets and numerals, nested by indent, the marker left out of the text', async () => {
    const item = (marker: string, text: string, x: number, y: number): Item[] => [
      { text: marker, x, y, size: 11 },
      { text, x: x + 18, y, size: 11 },
    ];
    const doc = await read([
      {
        items: [
          ...lines(['We will do three things:']),
          ...item('•', 'Move forms online', 84, 740),
          ...item('–', 'starting with council tax', 108, 726),
          ...item('•', 'Publish our progress', 84, 712),
          ...lines(['In order:'], { top: 690 }),
          ...item('1.', 'Fix repairs', 84, 670),
          ...item('a)', 'booking online', 108, 656),
          ...item('(ii)', 'tracking online', 108, 642),
          ...item('2.', 'Help carers', 84, 628),
        ],
      },
    ]);
    const lists = doc.tree.children.filter((n): n is List => n.type === 'list');
    expect(lists.map((l) => [l.ordered, l.start, l.children.map((i) => toString(i.children[0]!))])).toEqual([
      [false, null, ['Move forms online', 'Publish our progress']],
      [true, 1, ['Fix repairs', 'Help carers']],
    ]);
    const nested = (l: List) => (l.children[0]!.children[1] as List | undefined);
    expect(nested(lists[0]!)?.children.map((i) => toString(i))).toEqual(['starting with council tax']);
    expect(nested(lists[1]!)?.children.map((i) => toString(i))).toEqual(['booking online', 'tracking online']);
    expect(nested(lists[1]!)?.ordered).toBe(true);
  });
});

describe('tables', () => {
  it('come from pieces aligned in columns, a row where the gap between lines widens', async () => {
    // Three columns at x 72, 200 and 330; cells wrap onto a second line 13 points down, and
    // rows are 18 points apart (the cells' padding).
    const cell = (text: string, x: number, y: number): Item => ({ text, x, y, size: 10 });
    const doc = await read([
      {
        items: [
          ...lines(['The actions, their owners and dates:']),
          cell('Action', 72, 730), cell('Owner', 200, 730), cell('Date', 330, 730),
          cell('Publish the status of', 72, 712), cell('Director of', 200, 712), cell('March 2026', 330, 712),
          cell('every request online', 72, 699), cell('Environment', 200, 699),
          cell('Let carers act for', 72, 681), cell('Director of Adult', 200, 681), cell('December 2026', 330, 681),
          cell('the people they care for', 72, 668), cell('Social Care', 200, 668),
          ...lines(['We will report on these actions every quarter, in public, with the figures.'], { top: 640 }),
        ],
      },
    ]);
    expect(doc.tree.children.map((n) => n.type)).toEqual(['paragraph', 'table', 'paragraph']);
    const table = doc.tree.children[1] as unknown as { children: Array<{ children: Nodes[] }> };
    expect(table.children.map((row) => row.children.map((c) => toString(c)))).toEqual([
      ['Action', 'Owner', 'Date'],
      ['Publish the status of every request online', 'Director of Environment', 'March 2026'],
      ['Let carers act for the people they care for', 'Director of Adult Social Care', 'December 2026'],
    ]);
  });
});

describe('what a reader skips', () => {
  it('drops a table of contents, and repeated headers and page numbers', async () => {
    const page = (n: number, body: string[]): Page => ({
      items: [{ text: 'Riverside Council · Digital Strategy', x: 72, y: 810, size: 8 }, ...lines(body), { text: String(n), x: 290, y: 30, size: 8 }],
    });
    const doc = await read([
      page(1, ['Contents', 'Our users ........................ 2', 'Our plan ......................... 3', 'Review ........................... 3']),
      page(2, ['Residents want to track requests.']),
      page(3, ['We will review this strategy every year.']),
    ]);
    expect(doc.text).toBe('Residents want to track requests.\nWe will review this strategy every year.');
  });
});

describe('links and the date', () => {
  it('reads a link annotation as a link, and the title page date as the document date', async () => {
    const doc = await read(
      [
        {
          items: [{ text: 'Digital Strategy', x: 72, y: 780, size: 22, bold: true }, { text: 'March 2024', x: 72, y: 750, size: 11 }, ...lines(['See the Council Plan 2030 for the wider aims.'], { top: 720 })],
          // Over "Council Plan 2030", by Helvetica's widths: "See the " is 40.98 points at 11 points.
          annots: ['<< /Type /Annot /Subtype /Link /Rect [113 716 202 730] /A << /S /URI /URI (https://example.org/plan) >> >>'],
        },
      ],
      { info: { CreationDate: 'D:20260101000000Z' } },
    );
    const links = nodes(doc.tree, 'link') as Array<Nodes & { url: string }>;
    expect(links.map((l) => [l.url, toString(l)])).toEqual([['https://example.org/plan', 'Council Plan 2030']]);
    expect(doc.metadata['date']).toBe('March 2024');
    expect(doc.text).not.toContain('March 2024');
    const headings = doc.tree.children.filter((n): n is Heading => n.type === 'heading');
    expect(headings.map((h) => toString(h))).toEqual(['Digital Strategy']);
  });

  it('falls back on the creation date when the first page shows none', async () => {
    const doc = await read([{ items: lines(['We will publish our progress every quarter.']) }], { info: { CreationDate: "D:20240315093000+01'00'" } });
    expect(doc.metadata['date']).toBe('2024-03-15');
  });
});

describe('PDF.js', () => {
  it("leaves the engine's built-ins as they were: its polyfills replace some process-wide", async () => {
    const doc = await read([{ items: lines(['We will answer every letter within ten working days.']) }]);
    expect(doc.text).toBe('We will answer every letter within ten working days.');
    expect({ push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify, toString: Function.prototype.toString }).toEqual(builtIns);
    // What the polyfills add, which PDF.js needs on Node 20, is still there.
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function');
  });
});

describe('reading .pdf', () => {
  const strategy = (): Buffer =>
    buildPdf([
      {
        items: [
          { text: 'Harbour Trust Digital Vision', x: 72, y: 780, size: 22, bold: true },
          ...lines(['By 2040 we will transform every service with artificial intelligence and the metaverse.'], { top: 740 }),
        ],
      },
    ], { info: { CreationDate: 'D:20250101000000Z' } });

  it('from folders and globs, beside Markdown', () => {
    const dir = tempDir('stratlint-pdf-find-');
    try {
      mkdirSync(join(dir, 'plans', 'old'), { recursive: true });
      writeFileSync(join(dir, 'plans', 'vision.pdf'), strategy());
      writeFileSync(join(dir, 'plans', 'old', 'VISION.PDF'), strategy());
      writeFileSync(join(dir, 'plans', 'notes.md'), '# Notes\n\nWe will publish our progress every quarter.\n');
      const folder = stratlint(['plans', '--format', 'json'], { cwd: dir });
      const found = JSON.parse(folder.stdout).files.map((f: { path: string; format: string }) => `${f.path} ${f.format}`);
      expect(found).toEqual(['plans/notes.md markdown', 'plans/old/VISION.PDF pdf', 'plans/vision.pdf pdf']);
      const glob = stratlint(['plans/*.pdf', '--format', 'json'], { cwd: dir });
      expect(JSON.parse(glob.stdout).files.map((f: { path: string }) => f.path)).toEqual(['plans/vision.pdf']);
      expect(glob.code).not.toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('from standard input named .pdf', () => {
    const ran = stratlint(['--stdin', '--stdin-filename', 'vision.pdf', '--format', 'json'], { input: strategy() });
    const file = JSON.parse(ran.stdout).files[0];
    expect(file.path).toBe('vision.pdf');
    expect(file.format).toBe('pdf');
    const horizon = file.findings.find((f: { ruleId: string }) => f.ruleId === 'long-horizon');
    // Where the same rule puts it in Markdown: the year, in the first line of body text.
    expect(horizon).toMatchObject({ page: 1, line: 2, column: 4, evidence: 'by 2040' });
    expect(horizon.locator).toBe('p.1:2:4 (Harbour Trust Digital Vision)');
  });
});
