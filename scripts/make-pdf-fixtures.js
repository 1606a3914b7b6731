#!/usr/bin/env node
// Writes the PDF fixtures in fixtures/pdf/ (or the folder given): strategies laid out as
// published PDFs are (two columns; running headers, footers and page numbers), and the bad
// PDFs stratlint must refuse with one clear line. Made here, deterministically, by our own
// small PDF writer: no PDF in the fixtures comes from anywhere else.
//   node scripts/make-pdf-fixtures.js [outDir]
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { buildPdf, typeset, wrap } from './lib/pdf-writer.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A Markdown strategy's headings, bullets and paragraphs, front matter left out. */
export function blocksOf(markdown) {
  const blocks = [];
  for (const line of markdown.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n')) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^(\s*)[-*]\s+(.*)$/.exec(line);
    if (heading) blocks.push({ kind: 'heading', level: heading[1].length, text: heading[2] });
    else if (bullet) blocks.push({ kind: 'bullet', level: 1 + Math.floor(bullet[1].length / 2), text: bullet[2] });
    else if (line.trim()) blocks.push({ kind: 'paragraph', text: line.trim() });
  }
  return blocks.map((b) => ({ ...b, text: b.text.replace(/\*\*|\[([^\]]*)\]\([^)]*\)/g, (m, t) => t ?? '') }));
}

// Standard security handler, revision 2 (40-bit RC4): with a user password ("secret") a
// document needs it to open; with an empty one it opens, and only its owner password restricts
// printing and copying.
const PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
function rc4(key, data) {
  const s = [...Array(256).keys()];
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}
const padded = (password) => Buffer.concat([Buffer.from(password, 'latin1'), PADDING]).subarray(0, 32);
const md5 = (...parts) => createHash('md5').update(Buffer.concat(parts)).digest();
const hex = (buffer) => `<${buffer.toString('hex')}>`;

/** Encrypted with a user password (needed to open it; '' opens without one) and an owner password. */
function encryptedPdf(userPassword) {
  const id = md5(Buffer.from('stratlint encrypted fixture'));
  const owner = rc4(md5(padded('owner')).subarray(0, 5), padded(userPassword));
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(-4);
  const key = md5(padded(userPassword), owner, permissions, id).subarray(0, 5);
  const user = rc4(key, PADDING);
  // Object 5 is the page's content stream: encrypted with its object key, as the handler says.
  const objectKey = md5(key, Buffer.from([5, 0, 0, 0, 0])).subarray(0, 10);
  const content = rc4(objectKey, Buffer.from('BT /F1 12 Tf 72 700 Td (Our digital strategy for 2025 to 2028) Tj ET\n', 'latin1'));
  // One page (objects 5 and 6); the encryption dictionary is object 7, named in the trailer.
  return buildPdf([{ extra: '' }], {
    objects: [`<< /Filter /Standard /V 1 /R 2 /O ${hex(owner)} /U ${hex(user)} /P -4 >>`],
    trailer: ` /Encrypt 7 0 R /ID [${hex(id)} ${hex(id)}]`,
    rawContent: [content],
  });
}

/**
 * An action plan whose table is set as a word processor sets a narrow one: columns a little
 * over an em apart at their closest, headings wrapped and set on the bottom line, cells wrapped
 * over several lines, a word too long for its column broken at the column's edge, and the last
 * row running on over a page break under its header repeated.
 */
function narrowTablePdf() {
  const size = 10;
  const leading = 12;
  // Lines are wrapped by an estimate of Helvetica's widths that runs a little wide, so each
  // column starts just past the widest its lines can really be: the gap between two cells is
  // often under an em, no wider than some gaps between words of justified text.
  const columns = [];
  for (const width of [100, 80, 56, 70]) {
    const last = columns[columns.length - 1];
    columns.push({ x: last ? last.x + last.width * 0.9 + 9 : 64, width });
  }
  const header = ['Milestone', 'Measure of success', 'Target date', 'Responsible team'];
  const rows = [
    ['Publish every bus timetable as open data', 'Timetables published, out of all routes', 'Continuously', 'Transport data team'],
    ['Answer residents\' questions online within two working days', 'Share of questions answered in time', 'September 2026', 'Customer contact centre'],
    ['Replace the paper form for a parking permit with an online service that residents can use on a phone, and retire the paper form once nine in ten applications arrive online', 'Applications made online', 'December 2026', 'Parking services'],
  ];
  // A word wider than its column is broken at the column's edge with no hyphen, as a word
  // processor breaks it ("Continuousl" / "y").
  const breakLong = (lines, width) =>
    lines.flatMap((text) => {
      const fits = Math.floor(width / (size * 0.5));
      return text.length > fits && !text.includes(' ') ? [text.slice(0, fits), text.slice(fits)] : [text];
    });
  const pages = [{ items: [] }];
  let page = pages[0];
  let y = 780;
  const line = (text, x, bold = false, s = size) => page.items.push({ text, x, y, size: s, bold });
  line('Our action plan for 2026', 64, true, 16);
  y -= 28;
  for (const text of ['Three services move online first.', 'Each has a measure and a date.']) {
    page.items.push({ text: '•', x: 70, y, size });
    line(text, 84);
    y -= leading + 2;
  }
  y -= 8;
  line('The milestones below say who does what, and by when; some go on continuously.', 64);
  y -= 24;
  // Headings wrap within their column and sit on the bottom line, as a word processor sets them.
  const writeHeader = () => {
    const wrapped = header.map((text, c) => wrap(text, columns[c].width, size, true));
    const height = Math.max(...wrapped.map((w) => w.length));
    wrapped.forEach((lines, c) => lines.forEach((text, i) => page.items.push({ text, x: columns[c].x, y: y - (height - lines.length + i) * leading, size, bold: true })));
    y -= height * leading + 6;
  };
  writeHeader();
  for (const row of rows) {
    const wrapped = row.map((text, c) => breakLong(wrap(text, columns[c].width, size), columns[c].width));
    const height = Math.max(...wrapped.map((w) => w.length));
    for (let i = 0; i < height; i++) {
      if (y < 540 && page === pages[0]) {
        // The page is full: the row goes on at the top of the next, under the header again.
        page = { items: [] };
        pages.push(page);
        y = 780;
        writeHeader();
      }
      wrapped.forEach((lines, c) => lines[i] && line(lines[i], columns[c].x));
      y -= leading;
    }
    y -= 6;
  }
  y -= 12;
  line('We will report progress on each milestone every quarter.', 64);
  return buildPdf(pages, { info: { Title: 'Action plan 2026', CreationDate: 'D:20260105090000Z' } });
}

/**
 * LZW as PDF's LZWDecode reads it (codes of 9 to 12 bits, most significant bit first, the code
 * width growing one code early), the table kept once full. A long run of one byte compresses
 * some two thousand times over, which makes LZW a decompression bomb as Flate is.
 */
export function lzw(data) {
  const out = [];
  let acc = 0;
  let bits = 0;
  const put = (code, width) => {
    acc = (acc << width) | code;
    bits += width;
    while (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 255);
      bits -= 8;
    }
    acc &= (1 << bits) - 1;
  };
  const table = new Map();
  let next = 258;
  // The reader adds each entry one code later than the writer, so it widens at next - 1.
  const width = () => (next >= 2048 ? 12 : next >= 1024 ? 11 : next >= 512 ? 10 : 9);
  put(256, 9);
  let prefix = data[0];
  for (let i = 1; i < data.length; i++) {
    const key = prefix * 256 + data[i];
    const known = table.get(key);
    if (known !== undefined) {
      prefix = known;
      continue;
    }
    put(prefix, width());
    if (next < 4096) table.set(key, next++);
    prefix = data[i];
  }
  put(prefix, width());
  if (next < 4096) next++;
  put(257, width());
  if (bits) put(0, 8 - bits);
  return Buffer.from(out);
}

export function makeFixtures(out = join(root, 'fixtures', 'pdf')) {
  mkdirSync(join(out, 'bad'), { recursive: true });
  const read = (name) => readFileSync(join(root, 'fixtures', 'strategies', name), 'utf8');
  const riverside = blocksOf(read('riverside-council-digital-strategy.md'));
  const northshire = blocksOf(read('northshire-ten-year-vision.md'));
  const written = {};
  const write = (name, bytes) => {
    writeFileSync(join(out, name), bytes);
    written[name] = bytes;
  };

  write('riverside-two-column.pdf', typeset(riverside, { columns: 2, size: 9, info: { Title: 'Riverside Borough Council Digital Strategy 2025–2028', CreationDate: 'D:20250401090000Z' } }));
  write(
    'northshire-running-headers.pdf',
    typeset(northshire, {
      size: 18,
      header: 'Northshire Health · Digital Vision 2025–2035 · OFFICIAL',
      footer: 'Page {page} of {pages}',
      info: { Title: 'Northshire Health Digital Vision 2025–2035', CreationDate: 'D:20250115090000Z' },
      compress: true,
    }),
  );

  write('narrow-table.pdf', narrowTablePdf());

  write('bad/encrypted.pdf', encryptedPdf('secret'));
  write('owner-password-only.pdf', encryptedPdf(''));
  // A scan: each page is an image and there is no text at all.
  const image = { dict: '/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 64', data: Buffer.alloc(64, 0x80) };
  write('bad/scanned.pdf', buildPdf([{ extra: 'q 480 0 0 700 57 70 cm /Im1 Do Q\n' }], { objects: [image], resources: `/XObject << /Im1 ${4 + 2 + 1} 0 R >> ` }));
  const whole = typeset(riverside);
  write('bad/truncated.pdf', whole.subarray(0, Math.floor(whole.length * 0.6)));
  const noise = Buffer.alloc(4096);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 251;
  write('bad/corrupt.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), noise, Buffer.from('\n%%EOF\n')]));
  // A content stream of 80 MB of spaces, which deflates to some 80 KB.
  write('bad/inflate-bomb.pdf', buildPdf([{ items: [{ text: 'Digital strategy', x: 72, y: 700, size: 12 }], extra: ' '.repeat(80 * 1024 * 1024) }], { compress: true }));
  // The same 80 MB of spaces in LZW, some 90 KB, and in Flate written out as hexadecimal text
  // ([/ASCIIHexDecode /FlateDecode]): a bomb behind a first filter that is not Flate.
  const spaces = Buffer.from(`BT /F1 12 Tf 72 700 Td (Digital strategy) Tj ET\n${' '.repeat(80 * 1024 * 1024)}`, 'latin1');
  write('bad/lzw-bomb.pdf', buildPdf([{}], { rawContent: [lzw(spaces)], contentFilter: '/LZWDecode' }));
  write('bad/hex-flate-bomb.pdf', buildPdf([{}], { rawContent: [Buffer.from(`${deflateSync(spaces).toString('hex')}>`, 'latin1')], contentFilter: '[/ASCIIHexDecode /FlateDecode]' }));
  // A document whose page tree holds no page at all.
  write('bad/no-pages.pdf', buildPdf([], {}));
  // A Word document saved under a .pdf name.
  write('bad/word-file.pdf', Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(60)]));
  write('bad/many-pages.pdf', buildPdf(Array.from({ length: 2500 }, () => ({ items: [{ text: 'Page', x: 72, y: 700, size: 12 }] })), { sharedContent: true }));
  write(
    'bad/web-page.pdf',
    Buffer.from('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Digital strategy 2025 (PDF, 2 MB)</title></head>\n<body><p>Your download will start shortly.</p></body></html>\n'),
  );
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const written = makeFixtures(process.argv[2]);
  for (const [name, bytes] of Object.entries(written)) console.log(`${name}  ${bytes.length} bytes`);
}
