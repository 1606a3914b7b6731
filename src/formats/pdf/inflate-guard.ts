// A PDF's streams are mostly Flate-compressed, and a few kilobytes can inflate to gigabytes.
// PDF.js inflates a stream whole when it needs it, with no limit, so before it sees the file
// every Flate stream is inflated here with Node's zlib under a hard output limit (zlib stops
// at the limit; it never allocates more). Streams that fail to inflate are left to PDF.js,
// which copes with damaged streams as viewers do.

import { constants, inflateSync } from 'node:zlib';
import { megabytes } from '../errors.js';
import { PdfError } from './errors.js';

export interface InflateLimits {
  /** Most bytes one stream may inflate to. */
  streamBytes: number;
  /** Most bytes all streams together may inflate to. */
  totalBytes: number;
}

export const DEFAULT_INFLATE_LIMITS: InflateLimits = { streamBytes: 64 * 1024 * 1024, totalBytes: 256 * 1024 * 1024 };

export function checkInflatedSizes(bytes: Buffer, limits: InflateLimits = DEFAULT_INFLATE_LIMITS): void {
  const latin = bytes.toString('latin1');
  const keyword = /stream(?:\r\n|\n|\r)/g;
  let total = 0;
  let match: RegExpExecArray | null;
  while ((match = keyword.exec(latin))) {
    const at = match.index;
    // "endstream" also ends in "stream"; a stream's data follows its dictionary's ">>".
    if (latin.slice(Math.max(0, at - 3), at) === 'end') continue;
    const dictStart = latin.lastIndexOf('obj', at);
    const dictionary = latin.slice(dictStart < 0 ? Math.max(0, at - 2048) : dictStart, at);
    if (!/>>\s*$/.test(dictionary) || !/\/Filter\s*(?:\[\s*)?\/(?:FlateDecode|Fl)\b/.test(dictionary)) continue;
    const dataStart = at + match[0].length;
    const end = latin.indexOf('endstream', dataStart);
    const dataEnd = end < 0 ? latin.length : end;
    let size: number;
    try {
      const remaining = limits.totalBytes - total;
      const cap = Math.min(limits.streamBytes, remaining) + 1;
      // From the data's start to the file's end: zlib stops where the compressed data does, so
      // neither a /Length nor an "endstream" inside the data can hide part of a stream.
      size = inflateSync(bytes.subarray(dataStart), { maxOutputLength: cap, finishFlush: constants.Z_SYNC_FLUSH }).length;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
        const whole = limits.totalBytes - total < limits.streamBytes;
        throw new PdfError(
          'pdf-inflate-limit',
          whole
            ? `PDF's compressed streams together inflate to over ${megabytes(limits.totalBytes)}, past what a real document needs; refused before parsing`
            : `PDF has a compressed stream (at byte ${dataStart}) that inflates to over ${megabytes(limits.streamBytes)}, past what a real document needs (a "zip bomb"); refused before parsing`,
        );
      }
      keyword.lastIndex = dataEnd;
      continue;
    }
    total += size;
    keyword.lastIndex = dataEnd;
  }
}
