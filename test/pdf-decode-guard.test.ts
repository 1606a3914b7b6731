// The check every PDF passes before PDF.js sees it: each stream's filters applied in turn, each
// under a hard limit on what it may decode to, so a decompression bomb in any of the filters
// PDF.js decodes (Flate, LZW, run-length, and behind ASCIIHex or ASCII85) is refused, in
// bounded memory, and a stream of an ordinary size is let through.
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { checkDecodedSizes } from '../dist/src/formats/pdf/decode-guard.js';
// @ts-expect-error: plain JavaScript, shared with the fixture script.
import { lzw } from '../scripts/make-pdf-fixtures.js';
// @ts-expect-error: plain JavaScript, shared with the fixture script and the benchmark.
import { buildPdf } from '../scripts/lib/pdf-writer.js';

/** A one-page PDF whose content stream is `data`, declared with the filter(s) given. */
const pdfWith = (data: Buffer, filter: string): Buffer => buildPdf([{}], { rawContent: [data], contentFilter: filter });

/** Base-85 as ASCII85Decode reads it, ended by "~>". */
function ascii85(data: Buffer): Buffer {
  let out = '';
  for (let i = 0; i < data.length; i += 4) {
    const chunk = Buffer.alloc(4);
    data.copy(chunk, 0, i, i + 4);
    let value = chunk.readUInt32BE(0);
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode(33 + (value % 85)));
      value = Math.floor(value / 85);
    }
    out += digits.slice(0, Math.min(4, data.length - i) + 1).join('');
  }
  return Buffer.from(`${out}~>`, 'latin1');
}

/** Run-length: runs of one byte as repeats (at most 128 at a time), other bytes copied. */
function runLength(data: Buffer): Buffer {
  const out: number[] = [];
  for (let i = 0; i < data.length; ) {
    let run = 1;
    while (i + run < data.length && data[i + run] === data[i] && run < 128) run++;
    if (run > 1) out.push(257 - run, data[i]!);
    else out.push(0, data[i]!);
    i += run;
  }
  out.push(128);
  return Buffer.from(out);
}

// A page's text and a long run of spaces after it: 5,000 bytes once decoded.
const content = Buffer.concat([Buffer.from('BT /F1 12 Tf 72 700 Td (Our strategy) Tj ET\n', 'latin1'), Buffer.alloc(5000 - 44, 0x20)]);
const encodings: Array<[string, string, Buffer]> = [
  ['Flate', '/FlateDecode', deflateSync(content)],
  ['LZW', '/LZWDecode', lzw(content)],
  ['run-length', '/RunLengthDecode', runLength(content)],
  ['ASCIIHex then Flate', '[/ASCIIHexDecode /FlateDecode]', Buffer.from(`${deflateSync(content).toString('hex')}>`, 'latin1')],
  ['ASCII85 then LZW', '[/ASCII85Decode /LZWDecode]', ascii85(lzw(content))],
  ['ASCII85 then run-length, abbreviated', '[/A85 /RL]', ascii85(runLength(content))],
];

describe('the decoded-size check', () => {
  it.each(encodings)('decodes %s to the bytes written, and refuses it under a smaller limit', (_, filter, data) => {
    expect(content.length).toBe(5000);
    const pdf = pdfWith(data, filter);
    // Every filter here shrinks the content a lot: only decoding can tell its size.
    expect(data.length).toBeLessThan(2500);
    expect(() => checkDecodedSizes(pdf, { streamBytes: 5000, totalBytes: 1e6 })).not.toThrow();
    expect(() => checkDecodedSizes(pdf, { streamBytes: 4999, totalBytes: 1e6 })).toThrow(/^PDF has a compressed stream \(at byte \d+\) that inflates to over/);
  });

  it('decodes LZW as PDF.js does: a page written in it reads', async () => {
    const { loadDocument } = await import('../dist/src/formats/index.js');
    const text = Buffer.concat([content, Buffer.from('BT /F1 12 Tf 72 680 Td (is read after the run) Tj ET\n', 'latin1')]);
    const loaded = await loadDocument('lzw.pdf', pdfWith(lzw(text), '/LZWDecode'));
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.doc.text).toBe('Our strategy is read after the run');
    // And the check counts exactly the bytes PDF.js reads.
    expect(() => checkDecodedSizes(pdfWith(lzw(text), '/LZWDecode'), { streamBytes: text.length, totalBytes: 1e6 })).not.toThrow();
    expect(() => checkDecodedSizes(pdfWith(lzw(text), '/LZWDecode'), { streamBytes: text.length - 1, totalBytes: 1e6 })).toThrow();
  });

  it('counts all streams together against the total limit', () => {
    const pages = buildPdf([{}, {}, {}], { rawContent: [lzw(content), lzw(content), lzw(content)], contentFilter: '/LZWDecode' });
    expect(() => checkDecodedSizes(pages, { streamBytes: 5000, totalBytes: 15000 })).not.toThrow();
    expect(() => checkDecodedSizes(pages, { streamBytes: 5000, totalBytes: 14999 })).toThrow(/^PDF's compressed streams together inflate to over/);
  });

  it('stops an LZW stream at the limit, whatever it claims: codes of the longest string, a gigabyte in 400 KB', () => {
    // The table filled with runs of spaces of 1 to 3,838 bytes, then its last code over and over.
    // Each code is the one being defined (the last string and its first byte: one space more);
    // the writer is one table entry ahead of the reader, and widths follow the writer's count.
    const codes: Array<[number, number]> = [[256, 9], [0x20, 9]];
    const width = (next: number) => (next >= 2048 ? 12 : next >= 1024 ? 11 : next >= 512 ? 10 : 9);
    for (let next = 259; next <= 4096; next++) codes.push([next - 1, width(next)]);
    for (let written = 0; written < 1024 ** 3; written += 3838) codes.push([4095, 12]);
    const bytes: number[] = [];
    let acc = 0;
    let bits = 0;
    for (const [code, w] of codes) {
      acc = (acc << w) | code;
      bits += w;
      while (bits >= 8) {
        bytes.push((acc >>> (bits - 8)) & 255);
        bits -= 8;
      }
      acc &= (1 << bits) - 1;
    }
    const data = Buffer.from(bytes);
    expect(data.length).toBeLessThan(500_000);
    expect(() => checkDecodedSizes(pdfWith(data, '/LZWDecode'))).toThrow(/that inflates to over 64 MB/);
  });

  it('leaves alone a stream whose filters it does not decode, or that does not decode', () => {
    // An image codec reading text never runs, and data that is not what its filter says (PDF.js
    // copes with damaged streams as viewers do).
    expect(() => checkDecodedSizes(pdfWith(Buffer.alloc(100, 0xff), '/DCTDecode'), { streamBytes: 10, totalBytes: 10 })).not.toThrow();
    expect(() => checkDecodedSizes(pdfWith(Buffer.from('not hexadecimal at all>'), '[/ASCIIHexDecode /FlateDecode]'), { streamBytes: 10, totalBytes: 10 })).not.toThrow();
  });
});
